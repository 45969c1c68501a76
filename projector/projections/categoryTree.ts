import { productSummaries, touchedProductIds } from './productSummaries';
import type { Touches } from './touches';
import { WHOLE, type KeyContext, type Row, type Source, type SqlProjection } from './types';

/** The whole tree with, per category, the products filed in it or below it. */
function loadTree(sql: Source) {
  return sql<Row[]>`
    with recursive tree as (
      select id, name, parent_id, array[name] as path, 0 as depth, version, array[id] as ids
        from categories where parent_id is null
      union all
      select c.id, c.name, c.parent_id, t.path || c.name, t.depth + 1, c.version, t.ids || c.id
        from categories c join tree t on c.parent_id = t.id
       where t.depth < 64
    ),
    -- Materialized: inlined (its one reference), the count ran once per category, 300 scans
    -- of 100k products, about 3 s per batch in the full benchmark.
    direct as materialized (
      select category_id, count(*)::int as n from products where category_id is not null group by category_id
    )
    select t.id, t.name, t.parent_id, t.path, t.depth, t.version,
           coalesce((select sum(d.n)::int from tree s join direct d on d.category_id = s.id where t.id = any(s.ids)), 0) as product_count
      from tree t
     order by t.id`;
}

/**
 * Whether the batch can change a category's product count. Price and stock changes, most of
 * the traffic, leave the counts alone; recounting 100k products for each of them took 40-70
 * ms per batch, most of the lag. So the tree is recounted when a product was added or
 * removed, or when a product whose summary this batch rewrites has, in the batch's snapshot,
 * another category than its summary had before the batch. The snapshot, not the batch's own
 * changes, is what counts: it can be ahead of the batch (a later move already visible), and
 * the summary rewritten from it then already shows the move, so the batch carrying the move
 * would find nothing to recount (the counts drifted for good that way).
 */
async function productsMoved(ctx: KeyContext, t: Touches): Promise<boolean> {
  if (t.rowsAddedOrRemoved.has('products')) return true;
  const ids = ctx.planned?.get(productSummaries.name) ?? (await touchedProductIds(ctx, t));
  if (ids.length === 0) return false;
  const now = await ctx.snapshot<{ id: string; category_id: string | null }[]>`select id, category_id from products where id = any(${ids}::uuid[])`;
  const before = await ctx.read<{ id: string; category_id: string | null }[]>`select id, category_id from product_summaries where id = any(${ids}::uuid[])`;
  if (now.length !== before.length) return true;
  const was = new Map(before.map((r) => [r.id, r.category_id]));
  return now.some((r) => !was.has(r.id) || was.get(r.id) !== r.category_id);
}

/** Small (hundreds of rows): replaced whole whenever the categories or the products filed in them changed. */
export const categoryTree: SqlProjection<'category_tree'> = {
  name: 'category_tree',
  table: 'category_tree',
  keyColumn: 'id',
  keyType: 'uuid',
  columns: ['id', 'name', 'parent_id', 'path', 'depth', 'product_count', 'version'],
  jsonColumns: [],
  whole: true,
  keys: async (ctx, t) => (t.everything || t.tables.has('categories') || (await productsMoved(ctx, t)) ? [WHOLE] : []),
  load: (sql) => loadTree(sql),
  page: async (sql, after) => (after ? [] : loadTree(sql)),
  count: async (sql) => Number((await sql`select count(*)::int as n from categories`)[0]!.n),
};
