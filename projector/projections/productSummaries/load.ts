import type postgres from 'postgres';

export type Source = postgres.Sql | postgres.TransactionSql;

export interface ProductSummaryRow {
  id: string;
  sku: string;
  name: string;
  description: string;
  brand: string | null;
  categoryId: string | null;
  categoryPath: string[];
  tags: string[];
  priceCents: number;
  currency: string;
  status: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Product rows, with their category path (root first) and sorted tags, computed from the write model. */
function summariesOf(sql: Source, selection: postgres.PendingQuery<postgres.Row[]>) {
  return sql<ProductSummaryRow[]>`
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
    )
    select p.id, p.sku, p.name, p.description, p.brand, p.category_id as "categoryId",
           coalesce(paths.path, '{}') as "categoryPath",
           coalesce((select array_agg(t.tag order by t.tag) from product_tags t where t.product_id = p.id), '{}') as tags,
           p.price_cents as "priceCents", p.currency, p.status, p.version,
           p.created_at as "createdAt", p.updated_at as "updatedAt"
      from selected p left join paths on paths.category_id = p.category_id
     order by p.id`;
}

export function loadProductSummaries(sql: Source, ids: string[]): Promise<ProductSummaryRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return summariesOf(sql, sql`select * from products where id = any(${ids}::uuid[])`);
}

/** One page of every product, in id order: for loads and rebuilds that must not hold everything in memory. */
export function pageProductSummaries(sql: Source, afterId: string | null, limit: number): Promise<ProductSummaryRow[]> {
  const selection = afterId
    ? sql`select * from products where id > ${afterId}::uuid order by id limit ${limit}`
    : sql`select * from products order by id limit ${limit}`;
  return summariesOf(sql, selection);
}

/** Products filed anywhere under the given categories (their names make up the products' paths). */
export async function productIdsUnderCategories(sql: Source, categoryIds: string[]): Promise<string[]> {
  if (categoryIds.length === 0) return [];
  const rows = await sql<{ id: string }[]>`
    with recursive subtree as (
      select id, 0 as depth from categories where id = any(${categoryIds}::uuid[])
      union all
      select c.id, s.depth + 1 from categories c join subtree s on c.parent_id = s.id where s.depth < 64
    )
    select p.id from products p where p.category_id in (select id from subtree)`;
  return rows.map((r) => r.id);
}

export async function allProductIds(sql: Source): Promise<string[]> {
  return (await sql<{ id: string }[]>`select id from products`).map((r) => r.id);
}
