import type { Source } from '../productSummaries/load';

export interface CategoryTreeRow {
  id: string;
  name: string;
  parentId: string | null;
  path: string[];
  depth: number;
  productCount: number;
  version: number;
}

/** The whole tree with, per category, the products filed in it or below it. */
export function loadCategoryTree(sql: Source): Promise<CategoryTreeRow[]> {
  return sql<CategoryTreeRow[]>`
    with recursive tree as (
      select id, name, parent_id, array[name] as path, 0 as depth, version, array[id] as ids
        from categories where parent_id is null
      union all
      select c.id, c.name, c.parent_id, t.path || c.name, t.depth + 1, c.version, t.ids || c.id
        from categories c join tree t on c.parent_id = t.id
       where t.depth < 64
    ),
    direct as (
      select category_id, count(*)::int as n from products where category_id is not null group by category_id
    )
    select t.id, t.name, t.parent_id as "parentId", t.path, t.depth, t.version,
           coalesce((select sum(d.n)::int from tree s join direct d on d.category_id = s.id where t.id = any(s.ids)), 0) as "productCount"
      from tree t`;
}
