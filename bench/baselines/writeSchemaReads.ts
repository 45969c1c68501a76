import type postgres from 'postgres';
import { PRODUCT_INDEX_SETTINGS } from '@/db/read/productSearch';
import { ORDER_STATUSES, type OrderStatus } from '@/db/write/schema';
import { addDays, utcDay } from '@/server/queries/days';
import type { ProductView } from '@/server/queries/getProduct';
import { containsPattern } from '@/server/queries/likePattern';
import type { OrderListItem, OrderPage } from '@/server/queries/listOrders';
import { fillSalesDays, type SalesRow, type SalesSeries } from '@/server/queries/salesDaily';
import type { LoadedCatalog } from '../data/loadCatalog';

/**
 * What CQRS buys: the same question answered from the denormalized read model (`shop_read`,
 * the SQL the app's queries run) and from the normalized write schema (`shop`, joins and
 * aggregates at query time, written as carefully as one would without a read model). Both
 * sides of a pair return the same value (the queries phase checks a few samples before timing).
 */
export interface ReadPair<S, R = unknown> {
  name: string;
  /** The app query the read-model side does the work of. */
  query: string;
  /** The i-th input, spread over the catalog so repeated calls do not all hit one cached row. */
  sample(catalog: LoadedCatalog, i: number): S;
  readModel(sql: postgres.Sql, sample: S): Promise<R>;
  writeSchema(sql: postgres.Sql, sample: S): Promise<R>;
}

/** Spreads i over 0..n-1 (Knuth's multiplicative hash), so neighbouring samples land far apart. */
function spread(i: number, n: number): number {
  return (Math.imul(i + 1, 2654435761) >>> 0) % n;
}

const int = (value: unknown) => Number(value);

// ---- product detail (catalog.product) ----

function toProductView(row: postgres.Row | undefined): ProductView | null {
  if (!row) return null;
  return {
    ...(row as ProductView),
    stockTotal: int(row.stockTotal),
    unitsSold: int(row.unitsSold),
    revenueCents: int(row.revenueCents),
  };
}

export const productDetail: ReadPair<string, ProductView | null> = {
  name: 'product detail',
  query: 'catalog.product',
  sample: (catalog, i) => catalog.productIds[spread(i, catalog.productIds.length)]!,
  async readModel(sql, id) {
    const [row] = await sql`
      select id, sku, name, description, brand, category_id as "categoryId", category_path as "categoryPath", tags,
             price_cents as "priceCents", currency, status, version, created_at as "createdAt", updated_at as "updatedAt",
             stock_total as "stockTotal", stock_by_warehouse as "stockByWarehouse", units_sold as "unitsSold",
             revenue_cents as "revenueCents", last_ordered_at as "lastOrderedAt"
        from product_summaries where id = ${id}`;
    return toProductView(row);
  },
  /** The product_summaries projection's semantics: path root first, tags sorted, stock by warehouse code, sales of orders not cancelled. */
  async writeSchema(sql, id) {
    const [row] = await sql`
      with recursive path as (
        select c.parent_id, c.name, 0 as depth from categories c join products p on p.category_id = c.id where p.id = ${id}
        union all
        select c.parent_id, c.name, path.depth + 1 from categories c join path on c.id = path.parent_id where path.depth < 64
      )
      select p.id, p.sku, p.name, p.description, p.brand, p.category_id as "categoryId",
             coalesce((select array_agg(name order by depth desc) from path), '{}') as "categoryPath",
             coalesce((select array_agg(tag order by tag) from product_tags where product_id = p.id), '{}') as tags,
             p.price_cents as "priceCents", p.currency, p.status, p.version, p.created_at as "createdAt", p.updated_at as "updatedAt",
             coalesce(stock.total, 0) as "stockTotal", coalesce(stock.by_warehouse, '[]'::jsonb) as "stockByWarehouse",
             sales.units as "unitsSold", sales.revenue as "revenueCents", sales.last_ordered_at as "lastOrderedAt"
        from products p
        cross join lateral (
          select sum(s.quantity)::int8 as total,
                 jsonb_agg(jsonb_build_object('warehouseId', w.id, 'code', w.code, 'name', w.name, 'quantity', s.quantity) order by w.code) as by_warehouse
            from stock_levels s join warehouses w on w.id = s.warehouse_id
           where s.product_id = p.id
        ) stock
        cross join lateral (
          select coalesce(sum(l.quantity) filter (where o.status <> 'cancelled'), 0)::int8 as units,
                 coalesce(sum(l.quantity::int8 * l.unit_price_cents) filter (where o.status <> 'cancelled'), 0)::int8 as revenue,
                 max(o.placed_at) as last_ordered_at
            from order_lines l join orders o on o.id = l.order_id
           where l.product_id = p.id
        ) sales
       where p.id = ${id}`;
    return toProductView(row);
  },
};

// ---- orders list (orders.list) ----

export interface OrderListSample {
  status: OrderStatus;
  from: Date;
  to: Date;
}

type OrderListPage = Pick<OrderPage, 'items' | 'total'>;

/** Page 1, newest first, as the orders page asks for it. */
const ORDER_PAGE_SIZE = 25;
const DAY_MS = 86_400_000;

function toOrderListItem(row: postgres.Row): OrderListItem {
  return { ...(row as OrderListItem), totalCents: int(row.totalCents), itemCount: int(row.itemCount) };
}

export const ordersList: ReadPair<OrderListSample, OrderListPage> = {
  name: 'orders list (status, 30 days)',
  query: 'orders.list',
  /** Statuses in turn over 30-day windows reaching back up to a year; placed orders are all recent, so theirs is the latest window. */
  sample(_catalog, i) {
    const status = ORDER_STATUSES[i % ORDER_STATUSES.length]!;
    const daysAgo = status === 'placed' ? 0 : (i * 7) % 335;
    const to = new Date(Date.now() - daysAgo * DAY_MS);
    return { status, from: new Date(to.getTime() - 30 * DAY_MS), to };
  },
  /** As listOrders: the page and the total in parallel, both served by (status, placed_at). */
  async readModel(sql, { status, from, to }) {
    const where = sql`status in ${sql([status])} and placed_at >= ${from} and placed_at < ${to}`;
    const [rows, [count]] = await Promise.all([
      sql`
        select id, customer_id as "customerId", customer_name as "customerName", customer_email as "customerEmail", status, currency,
               total_cents as "totalCents", line_count as "lineCount", item_count as "itemCount", version,
               placed_at as "placedAt", updated_at as "updatedAt"
          from order_summaries where ${where}
         order by placed_at desc, id desc limit ${ORDER_PAGE_SIZE} offset 0`,
      sql`select count(*)::int as total from order_summaries where ${where}`,
    ]);
    return { items: rows.map(toOrderListItem), total: count!.total as number };
  },
  /** The page is chosen first, then only its 25 orders are joined to customers and counted up from their lines. */
  async writeSchema(sql, { status, from, to }) {
    const where = sql`status in ${sql([status])} and placed_at >= ${from} and placed_at < ${to}`;
    const [rows, [count]] = await Promise.all([
      sql`
        with page as (
          select id, customer_id, status, currency, total_cents, version, placed_at, updated_at
            from orders where ${where}
           order by placed_at desc, id desc limit ${ORDER_PAGE_SIZE} offset 0
        )
        select o.id, o.customer_id as "customerId", c.name as "customerName", c.email as "customerEmail", o.status, o.currency,
               o.total_cents::int8 as "totalCents", l.line_count as "lineCount", l.item_count as "itemCount", o.version,
               o.placed_at as "placedAt", o.updated_at as "updatedAt"
          from page o
          join customers c on c.id = o.customer_id
         cross join lateral (
           select count(*)::int as line_count, coalesce(sum(quantity), 0)::int8 as item_count from order_lines where order_id = o.id
         ) l
         order by o.placed_at desc, o.id desc`,
      sql`select count(*)::int as total from orders where ${where}`,
    ]);
    return { items: rows.map(toOrderListItem), total: count!.total as number };
  },
};

// ---- daily sales (analytics.salesDaily) ----

export interface SalesRange {
  from: string;
  to: string;
}

export interface SalesView extends SalesRange {
  series: SalesSeries[];
}

const SALES_DAYS = 90;

function toSalesRows(rows: postgres.Row[]): SalesRow[] {
  return rows.map((r) => ({ day: r.day as string, currency: r.currency as string, orders: int(r.orders), units: int(r.units), revenueCents: int(r.revenueCents) }));
}

export const salesDaily: ReadPair<SalesRange, SalesView> = {
  name: 'daily sales (90 days)',
  query: 'analytics.salesDaily',
  /** 90 days ending today or up to two months before. */
  sample(_catalog, i) {
    const to = addDays(utcDay(new Date()), -(i % 60));
    return { from: addDays(to, -(SALES_DAYS - 1)), to };
  },
  async readModel(sql, { from, to }) {
    const rows = await sql`
      select day::text as day, currency, orders, units, revenue_cents as "revenueCents"
        from sales_daily where day between ${from}::date and ${to}::date order by day`;
    return { from, to, series: fillSalesDays(from, to, toSalesRows(rows)) };
  },
  /** Orders not cancelled, by the UTC day they were placed: lines summed per order first, so totals are not counted once per line. */
  async writeSchema(sql, { from, to }) {
    const rows = await sql`
      select day::text as day, currency, count(*)::int as orders, sum(units)::int8 as units, sum(total_cents)::int8 as "revenueCents"
        from (
          select o.id, (o.placed_at at time zone 'UTC')::date as day, o.currency, o.total_cents, sum(l.quantity) as units
            from orders o join order_lines l on l.order_id = o.id
           where o.status <> 'cancelled'
             and o.placed_at >= (${from}::date::timestamp at time zone 'UTC')
             and o.placed_at < ((${to}::date + 1)::timestamp at time zone 'UTC')
           group by o.id
        ) per_order
       group by day, currency
       order by day`;
    return { from, to, series: fillSalesDays(from, to, toSalesRows(rows)) };
  },
};

/** Every pair; each call's sample goes back into the same pair, so erasing its type is safe. */
export const READ_PAIRS: readonly ReadPair<unknown>[] = [productDetail, ordersList, salesDaily];

// ---- text search with facets (search.products; the read side is Meilisearch) ----

export interface WriteSchemaSearchHit {
  id: string;
  sku: string;
  name: string;
  brand: string | null;
  priceCents: number;
}

export interface WriteSchemaSearch {
  hits: number;
  /** The first page, by name (there is no relevance ranking in SQL). */
  page: WriteSchemaSearchHit[];
  /** Products per brand, as Meilisearch's `brand` facet. */
  brands: Record<string, number>;
  /** Products per category name at every level of their path, as Meilisearch's `categoryPath` facet. */
  categories: Record<string, number>;
}

/** Meilisearch returns this many values per facet, the first ones alphabetically: so does the SQL. */
const MAX_FACET_VALUES = PRODUCT_INDEX_SETTINGS.faceting.maxValuesPerFacet;

/** Search terms in turn: a common word, then a rare one (when the catalog has any). */
export function searchSample(catalog: LoadedCatalog, i: number): string {
  const { common, rare } = catalog.searchTerms;
  const terms = i % 2 === 1 && rare.length > 0 ? rare : common;
  return terms[Math.floor(i / 2) % terms.length]!;
}

/** Products whose name or description contains `term`, counted per brand and per category, with a page of hits. */
export async function searchFromWriteSchema(sql: postgres.Sql, term: string, pageSize = 20): Promise<WriteSchemaSearch> {
  const pattern = containsPattern(term);
  const [row] = await sql`
    with recursive matched as materialized (
      select id, sku, name, brand, category_id, price_cents from products where name ilike ${pattern} or description ilike ${pattern}
    ),
    ancestry as (
      select c.id as leaf_id, c.parent_id, c.name, 0 as depth from categories c where c.id in (select category_id from matched)
      union all
      select a.leaf_id, p.parent_id, p.name, a.depth + 1 from ancestry a join categories p on p.id = a.parent_id where a.depth < 64
    )
    select (select count(*)::int from matched) as hits,
           (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'sku', sku, 'name', name, 'brand', brand, 'priceCents', price_cents) order by name, id), '[]')
              from (select * from matched order by name, id limit ${pageSize}) first_page) as page,
           (select coalesce(jsonb_object_agg(brand, n), '{}')
              from (select brand, count(*)::int as n from matched where brand is not null
                     group by brand order by lower(brand) limit ${MAX_FACET_VALUES}) b) as brands,
           (select coalesce(jsonb_object_agg(name, n), '{}')
              from (select a.name, count(distinct m.id)::int as n from matched m join ancestry a on a.leaf_id = m.category_id
                     group by a.name order by lower(a.name) limit ${MAX_FACET_VALUES}) c) as categories`;
  return row as WriteSchemaSearch;
}
