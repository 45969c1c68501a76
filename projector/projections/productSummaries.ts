import type postgres from 'postgres';
import { column, union, type KeyContext, type ReadSql, type Row, type Source, type SqlProjection } from './types';
import type { Touches } from './touches';

/** The columns only orders and their lines change. */
const SALES_COLUMNS = ['units_sold', 'revenue_cents', 'last_ordered_at'] as const;

const COLUMNS = [
  'id', 'sku', 'name', 'description', 'brand', 'category_id', 'category_path', 'tags', 'price_cents', 'currency',
  'status', 'version', 'created_at', 'updated_at', 'stock_total', 'stock_by_warehouse', 'units_sold', 'revenue_cents',
  'last_ordered_at',
] as const;

/**
 * Product rows with their category path (root first), sorted tags, stock per warehouse and
 * sales. Units sold and revenue count orders not cancelled; last ordered counts every order.
 * Without `sales`, the sales columns are left out: they are the larger half of the query's
 * cost, and only orders and their lines change them (see `loadTouched`).
 */
function summariesOf(sql: Source, selection: postgres.PendingQuery<postgres.Row[]>, { sales = true } = {}) {
  // Per product (a lateral join): joined as sets, the planner hashed all orders, a scan
  // that grew with the order book (220 of 345 ms for 2,000 products at 400k orders).
  const salesCte = sales
    ? sql`,
    sales as (
      select s.id as product_id, x.units, x.revenue, x.last_ordered_at
        from selected s cross join lateral (
          select coalesce(sum(l.quantity) filter (where o.status <> 'cancelled'), 0)::int8 as units,
                 coalesce(sum(l.quantity::int8 * l.unit_price_cents) filter (where o.status <> 'cancelled'), 0)::int8 as revenue,
                 max(o.placed_at) as last_ordered_at
            from order_lines l join orders o on o.id = l.order_id
           where l.product_id = s.id
        ) x
    )`
    : sql``;
  const salesColumns = sales
    ? sql`,
           coalesce(sales.units, 0)::int8 as units_sold,
           coalesce(sales.revenue, 0)::int8 as revenue_cents,
           sales.last_ordered_at`
    : sql``;
  const salesJoin = sales ? sql`left join sales on sales.product_id = p.id` : sql``;
  return sql<Row[]>`
    with recursive selected as (${selection}),
    ancestry as (
      select c.id as category_id, c.parent_id, c.name, 0 as depth
        from categories c where c.id in (select category_id from selected)
      union all
      select a.category_id, p.parent_id, p.name, a.depth + 1
        from ancestry a join categories p on p.id = a.parent_id
       where a.depth < 64
    ),
    paths as (
      select category_id, array_agg(name order by depth desc) as path from ancestry group by category_id
    ),
    stock as (
      select s.product_id, sum(s.quantity)::int8 as total,
             jsonb_agg(jsonb_build_object('warehouseId', w.id, 'code', w.code, 'name', w.name, 'quantity', s.quantity) order by w.code) as by_warehouse
        from stock_levels s join warehouses w on w.id = s.warehouse_id
       where s.product_id in (select id from selected)
       group by s.product_id
    )${salesCte}
    select p.id, p.sku, p.name, p.description, p.brand, p.category_id,
           coalesce(paths.path, '{}') as category_path,
           coalesce((select array_agg(t.tag order by t.tag) from product_tags t where t.product_id = p.id), '{}') as tags,
           p.price_cents, p.currency, p.status, p.version, p.created_at, p.updated_at,
           coalesce(stock.total, 0)::int8 as stock_total,
           coalesce(stock.by_warehouse, '[]'::jsonb) as stock_by_warehouse${salesColumns}
      from selected p
      left join paths on paths.category_id = p.category_id
      left join stock on stock.product_id = p.id
      ${salesJoin}
     order by p.id`;
}

/** Products filed anywhere under the given categories (their names make up the products' paths). */
function productsUnderCategories(sql: Source, categoryIds: string[]) {
  return sql`
    with recursive subtree as (
      select id, 0 as depth from categories where id = any(${categoryIds}::uuid[])
      union all
      select c.id, s.depth + 1 from categories c join subtree s on c.parent_id = s.id where s.depth < 64
    )
    select p.id as key from products p where p.category_id in (select id from subtree)`;
}

/** What `keys` found for a batch, for `loadTouched` on the same batch: the products whose sales it can have changed. */
const salesTouched = new WeakMap<KeyContext, Set<string>>();

/** Products whose read rows the touches may have changed. Also used by the search index. */
export async function touchedProductIds(ctx: KeyContext, touches: Touches): Promise<string[]> {
  const { snapshot, read } = ctx;
  const k = touches.keys;
  if (touches.everything) {
    return union(
      await column(snapshot`select id as key from products`),
      await column(read`select id as key from product_summaries`),
    );
  }
  const orders = [...k.order];
  const warehouses = [...k.warehouse];
  const categories = [...k.category];
  const sales = union(
    // Products on the order lines the batch inserted or changed (the row images say which).
    k.orderedProduct,
    orders.length ? await column(snapshot`select distinct product_id as key from order_lines where order_id = any(${orders}::uuid[])`) : [],
    // An order line that no longer exists still sold (or stopped selling) what the read model remembers.
    orders.length
      ? await column(read`select distinct (i->>'productId') as key from order_summaries o, jsonb_array_elements(o.items) i where o.id = any(${orders}::uuid[])`)
      : [],
  );
  salesTouched.set(ctx, new Set(sales));
  return union(
    k.product,
    categories.length ? await column(productsUnderCategories(snapshot, categories)) : [],
    warehouses.length ? await column(snapshot`select distinct product_id as key from stock_levels where warehouse_id = any(${warehouses}::uuid[])`) : [],
    sales,
  );
}

/**
 * The rows of `ids` as `load` computes them, but the sales of a product whose orders the batch
 * did not touch are taken from its live read row instead of being counted again from every
 * line it ever sold: only orders and order lines change them, and a batch that changes them
 * touches the order (see `touchedProductIds`). Each column group is then as fresh as the last
 * batch that touched its inputs, which is all a whole recompute guaranteed. A product without
 * a live row, or a batch whose keys were not planned here (everything touched, a rebuild's
 * reconcile), is computed whole.
 */
async function loadTouched(ctx: KeyContext, tx: ReadSql, ids: string[]): Promise<Row[]> {
  const sales = salesTouched.get(ctx);
  if (!sales) return load(ctx.snapshot, ids);
  const others = ids.filter((id) => !sales.has(id));
  const kept = others.length === 0 ? [] : await tx<Row[]>`
    select id, ${tx(SALES_COLUMNS as unknown as string[])} from product_summaries where id = any(${others}::uuid[])`;
  const keptById = new Map(kept.map((row) => [String(row.id), row]));
  const whole = ids.filter((id) => !keptById.has(id));
  const rows: Row[] = whole.length === 0 ? [] : await load(ctx.snapshot, whole);
  if (keptById.size === 0) return rows;
  const partial = await summariesOf(ctx.snapshot, ctx.snapshot`select * from products where id = any(${[...keptById.keys()]}::uuid[])`, { sales: false });
  return [...rows, ...partial.map((row) => ({ ...row, ...keptById.get(String(row.id)) }))];
}

function load(sql: Source, ids: string[]) {
  return summariesOf(sql, sql`select * from products where id = any(${ids}::uuid[])`);
}

/**
 * Rows the SQL lane has already computed, for the search index: recomputing them from the
 * write model a second time was half of Postgres's work while catching up (about 70 µs per
 * product at 100k products and 400k orders). The search lane runs behind the SQL lane, so
 * these rows are at or past the batch it indexes, and every later batch is indexed again.
 */
export function readSummaries(read: ReadSql, ids: string[]) {
  return read<Row[]>`select ${read(COLUMNS as unknown as string[])} from product_summaries where id = any(${ids}::uuid[]) order by id`;
}

export const productSummaries: SqlProjection<'product_summaries'> = {
  name: 'product_summaries',
  table: 'product_summaries',
  keyColumn: 'id',
  keyType: 'uuid',
  columns: COLUMNS,
  jsonColumns: ['stock_by_warehouse'],
  keys: touchedProductIds,
  load,
  loadTouched,
  page: (sql, after, limit) =>
    summariesOf(sql, after ? sql`select * from products where id > ${after}::uuid order by id limit ${limit}` : sql`select * from products order by id limit ${limit}`),
  count: async (sql) => Number((await sql`select count(*)::int as n from products`)[0]!.n),
};
