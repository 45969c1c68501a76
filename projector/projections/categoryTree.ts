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
 * Whether the batch can change a category's product count: a product added or removed, or
 * one whose update gave it a category other than the one its summary has (the read model as
 * it was before this batch). Price and stock changes, most of the traffic, leave the counts
 * alone; recounting 100k products for each of them took 40-70 ms per batch, most of the lag.
 * A product without a summary, or an update that did not say its category, counts as moved.
 */
async function productsMoved(ctx: KeyContext, t: Touches): Promise<boolean> {
  if (t.rowsAddedOrRemoved.has('products')) return true;
  if (t.productCategories.size === 0) return false;
  const ids = [...t.productCategories.keys()];
  const rows = await ctx.read<{ id: string; category_id: string | null }[]>`select id, category_id from product_summaries where id = any(${ids}::uuid[])`;
  const before = new Map(rows.map((r) => [r.id, r.category_id ?? '']));
  for (const [id, categories] of t.productCategories) {
    const was = before.get(id);
    if (was === undefined) return true;
    for (const category of categories) if (category !== was) return true;
  }
  return false;
}

/** Small (hundreds of rows): replaced whole whenever the categories or the products filed in them changed. */
export const categoryTree: SqlProjection = {
  name: 'category_tree',
  table: 'category_tree',
  keyColumn: 'id',
  keyType: 'uuid',
  columns: ['id', 'name', 'parent_id', 'path', 'depth', 'product_count', 'version'],
  jsonColumns: [],
  whole: true,
  keys: async (ctx, t) => (t.truncated || t.tables.has('categories') || (await productsMoved(ctx, t)) ? [WHOLE] : []),
  load: (sql) => loadTree(sql),
  page: async (sql, after) => (after ? [] : loadTree(sql)),
  count: async (sql) => Number((await sql`select count(*)::int as n from categories`)[0]!.n),
};
