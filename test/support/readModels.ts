import { Meilisearch } from 'meilisearch';
import postgres from 'postgres';
import { loadCategoryTree } from '@/projector/projections/categoryTree/load';
import { toSearchDocument } from '@/projector/projections/productSearch/sink';
import { pageProductSummaries, type ProductSummaryRow } from '@/projector/projections/productSummaries/load';

/**
 * What the read models must hold, computed from the write model the way a fresh rebuild
 * would, next to what they do hold. Tests compare the two row by row.
 */
export async function compareWithWriteModel(env: { ADMIN_DATABASE_URL: string; ADMIN_READ_DATABASE_URL: string; MEILI_URL: string; MEILI_MASTER_KEY: string; MEILI_INDEX: string }) {
  const write = postgres(env.ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
  const read = postgres(env.ADMIN_READ_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const expected: ProductSummaryRow[] = [];
    for (let after: string | null = null; ; ) {
      const page = await pageProductSummaries(write, after, 5000);
      if (page.length === 0) break;
      expected.push(...page);
      after = page.at(-1)!.id;
    }
    const actual = await read<ProductSummaryRow[]>`
      select id, sku, name, description, brand, category_id as "categoryId", category_path as "categoryPath", tags,
             price_cents as "priceCents", currency, status, version, created_at as "createdAt", updated_at as "updatedAt"
        from product_summaries order by id`;
    const expectedTree = (await loadCategoryTree(write)).sort((a, b) => a.id.localeCompare(b.id));
    const actualTree = await read`
      select id, name, parent_id as "parentId", path, depth, product_count as "productCount", version from category_tree order by id`;

    const meili = new Meilisearch({ host: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY });
    const docs = await meili.index(env.MEILI_INDEX).getDocuments({ limit: 100_000 });
    const actualDocs = [...docs.results].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    return {
      products: { expected, actual: [...actual] },
      categories: { expected: expectedTree, actual: [...actualTree] },
      search: { expected: expected.map(toSearchDocument), actual: actualDocs },
    };
  } finally {
    await write.end();
    await read.end();
  }
}
