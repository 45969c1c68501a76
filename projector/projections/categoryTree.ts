import { WHOLE, type Row, type Source, type SqlProjection } from './types';

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

/** Small (hundreds of rows): replaced whole whenever a category or a product row changed. */
export const categoryTree: SqlProjection = {
  name: 'category_tree',
  table: 'category_tree',
  keyColumn: 'id',
  keyType: 'uuid',
  columns: ['id', 'name', 'parent_id', 'path', 'depth', 'product_count', 'version'],
  jsonColumns: [],
  whole: true,
  keys: async (_ctx, t) => (t.truncated || t.tables.has('categories') || t.tables.has('products') ? [WHOLE] : []),
  load: (sql) => loadTree(sql),
  page: async (sql, after) => (after ? [] : loadTree(sql)),
  count: async (sql) => Number((await sql`select count(*)::int as n from categories`)[0]!.n),
};
