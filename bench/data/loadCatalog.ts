import postgres from 'postgres';
import { buildCategoryTree, customerCount, orderChunks, ranges, type CategoryTree } from './catalogShape';
import {
  CREATE_TEMP_TABLES,
  DRAW_PRODUCTS,
  INSERT_CUSTOMERS,
  INSERT_ORDERS,
  INSERT_PRODUCT_TAGS,
  INSERT_PRODUCTS,
  INSERT_STOCK_LEVELS,
  NUMBER_ORDERABLE,
} from './catalogSql';
import {
  ADJECTIVES,
  BRANDS,
  COLLECTION_EVERY,
  COLLECTION_SENTENCE,
  COLLECTIONS,
  COLORS,
  DESCRIPTION_TEMPLATES,
  FIRST_NAMES,
  LAST_NAMES,
  MATERIALS,
  TAGS,
  WAREHOUSES,
} from './vocabulary';

export interface CatalogSize {
  products: number;
  orderLines: number;
}

export interface LoadedCatalog {
  productIds: string[];
  customerIds: string[];
  warehouseIds: string[];
  categoryIds: string[];
  currency: 'EUR';
  /** Words that occur in product names/descriptions, usable as search terms with many and few hits (most hits first / fewest first). */
  searchTerms: { common: string[]; rare: string[] };
  brands: string[];
  tags: string[];
  counts: { products: number; categories: number; customers: number; orders: number; orderLines: number; stockLevels: number };
}

export type LoadProgress = (done: number, total: number, what: string) => void;

/** Rows per statement: large enough to be set-based, small enough to report progress. */
const CHUNK_ROWS = 20_000;
/** The most lines one order has; each is a different product. */
const MAX_LINES_PER_ORDER = 5;

/**
 * Bulk-loads a catalog into an empty write model (staff users may exist), straight into the
 * tables with set-based SQL: not through commands, so no journal rows. Valid under every
 * constraint; see catalogSql.ts for what the data looks like. Takes the superuser URL: the
 * closing VACUUM ANALYZE only covers tables the role owns. The vacuum is what an import is
 * followed by (autovacuum would do it a little later): it sets the visibility map, without
 * which index-only scans still read the table.
 */
export async function loadCatalog(adminWriteUrl: string, size: CatalogSize, onProgress: LoadProgress = () => {}): Promise<LoadedCatalog> {
  if (!Number.isInteger(size.products) || size.products < 1) throw new Error(`a catalog needs at least one product, not ${size.products}`);
  if (!Number.isInteger(size.orderLines) || size.orderLines < 0) throw new Error(`order lines must be a whole number, not ${size.orderLines}`);
  // One connection: the temp tables live in its session. Commits need not wait for the disk
  // (a crash would only lose bench data) and JIT compiling costs more than it saves here.
  const sql = postgres(adminWriteUrl, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: 'bench-load-catalog', synchronous_commit: 'off', jit: 'off', work_mem: '64MB' },
  });
  try {
    await assertEmptyCatalog(sql);
    const now = new Date();
    await sql.unsafe(CREATE_TEMP_TABLES);
    const warehouseIds = await insertWarehouses(sql, now);
    const tree = buildCategoryTree(size.products);
    await insertCategories(sql, tree, now);
    onProgress(tree.rows.length, tree.rows.length, 'categories');
    await loadProducts(sql, size.products, tree, warehouseIds, now, onProgress);
    await loadCustomers(sql, customerCount(size.products), now, onProgress);
    await loadOrders(sql, size.orderLines, warehouseIds, now, onProgress);
    onProgress(0, 1, 'vacuum analyze');
    await sql`vacuum analyze`;
    onProgress(1, 1, 'vacuum analyze');
    return await describeCatalog(sql, tree, warehouseIds);
  } finally {
    await sql.end();
  }
}

/** Bench rows beside existing ones would collide (SKUs, warehouse codes) and blur the counts. */
async function assertEmptyCatalog(sql: postgres.Sql): Promise<void> {
  const [row] = await sql`
    select exists (select from products) or exists (select from categories) or exists (select from warehouses)
        or exists (select from customers) or exists (select from orders) as filled`;
  if (row!.filled) throw new Error('loadCatalog needs an empty catalog: products, categories, warehouses, customers or orders already exist');
}

async function insertWarehouses(sql: postgres.Sql, now: Date): Promise<string[]> {
  const createdAt = daysBefore(now, 900);
  const rows = await sql`
    insert into warehouses ${sql(WAREHOUSES.map((w) => ({ ...w, created_at: createdAt, updated_at: createdAt })))}
    returning id, code`;
  const idByCode = new Map(rows.map((r) => [r.code as string, r.id as string]));
  return WAREHOUSES.map((w) => idByCode.get(w.code)!);
}

async function insertCategories(sql: postgres.Sql, tree: CategoryTree, now: Date): Promise<void> {
  const createdAt = daysBefore(now, 900);
  await sql`
    insert into categories ${sql(tree.rows.map((c) => ({ id: c.id, name: c.name, parent_id: c.parentId, created_at: createdAt, updated_at: createdAt })))}`;
}

async function loadProducts(sql: postgres.Sql, count: number, tree: CategoryTree, warehouseIds: string[], now: Date, onProgress: LoadProgress): Promise<void> {
  const leafIds = tree.leaves.map((l) => l.id);
  const nouns = tree.leaves.map((l) => l.noun);
  for (const { from, to } of ranges(count, CHUNK_ROWS)) {
    const [first, last] = [from + 1, to];
    await sql.unsafe(DRAW_PRODUCTS, [
      first, last, leafIds.length, BRANDS.length, ADJECTIVES.length, COLORS.length, MATERIALS.length,
      DESCRIPTION_TEMPLATES.length, COLLECTIONS.length, COLLECTION_EVERY, now,
    ]);
    await sql.unsafe(INSERT_PRODUCTS, [first, last, leafIds, nouns, BRANDS, ADJECTIVES, COLORS, MATERIALS, DESCRIPTION_TEMPLATES, COLLECTIONS, COLLECTION_SENTENCE]);
    await sql.unsafe(INSERT_PRODUCT_TAGS, [first, last, TAGS]);
    await sql.unsafe(INSERT_STOCK_LEVELS, [first, last, warehouseIds, now]);
    onProgress(to, count, 'products');
  }
}

async function loadCustomers(sql: postgres.Sql, count: number, now: Date, onProgress: LoadProgress): Promise<void> {
  for (const { from, to } of ranges(count, CHUNK_ROWS)) {
    await sql.unsafe(INSERT_CUSTOMERS, [from + 1, to, FIRST_NAMES, LAST_NAMES, now]);
    onProgress(to, count, 'customers');
  }
}

async function loadOrders(sql: postgres.Sql, totalLines: number, warehouseIds: string[], now: Date, onProgress: LoadProgress): Promise<void> {
  await sql.unsafe(NUMBER_ORDERABLE);
  const orderable = await rowCount(sql, 'bench_orderable');
  const customers = await rowCount(sql, 'bench_customers');
  if (totalLines > 0 && orderable === 0) throw new Error('no product may be ordered (all are drafts): use a larger catalog');
  let orders = 0;
  let lines = 0;
  for (const chunk of orderChunks(totalLines, CHUNK_ROWS, Math.min(MAX_LINES_PER_ORDER, orderable))) {
    await sql.unsafe(INSERT_ORDERS, [orders, chunk, customers, orderable, warehouseIds, now]);
    orders += chunk.length;
    lines += chunk.reduce((sum, n) => sum + n, 0);
    onProgress(lines, totalLines, 'order lines');
  }
}

async function describeCatalog(sql: postgres.Sql, tree: CategoryTree, warehouseIds: string[]): Promise<LoadedCatalog> {
  const productIds = (await sql`select id from bench_products order by n`).map((r) => r.id as string);
  const customerIds = (await sql`select id from bench_customers order by n`).map((r) => r.id as string);
  const [counts] = await sql`
    select (select count(*) from products)::int as products, (select count(*) from categories)::int as categories,
           (select count(*) from customers)::int as customers, (select count(*) from orders)::int as orders,
           (select count(*) from order_lines)::int as "orderLines", (select count(*) from stock_levels)::int as "stockLevels"`;
  return {
    productIds,
    customerIds,
    warehouseIds,
    categoryIds: tree.rows.map((c) => c.id),
    currency: 'EUR',
    searchTerms: await searchTerms(sql),
    brands: (await sql`select distinct brand_no from bench_products order by 1`).map((r) => BRANDS[r.brand_no as number]!),
    tags: (await sql`select distinct tag from product_tags order by 1`).map((r) => r.tag as string),
    counts: counts as LoadedCatalog['counts'],
  };
}

/**
 * Words the catalog really holds, from what was drawn for each product: adjectives and
 * colours name many products each, collections few. The vocabulary keeps them from matching
 * inside other words, so these counts are also what `ILIKE '%word%'` finds.
 */
async function searchTerms(sql: postgres.Sql): Promise<LoadedCatalog['searchTerms']> {
  const used = async (column: 'adjective_no' | 'color_no' | 'collection_no', words: string[]) =>
    (await sql`select ${sql(column)} as no, count(*)::int as hits from bench_products where ${sql(column)} is not null group by 1`).map((r) => ({
      word: words[r.no as number]!,
      hits: r.hits as number,
    }));
  const common = [...(await used('adjective_no', ADJECTIVES)), ...(await used('color_no', COLORS))].sort((a, b) => b.hits - a.hits || a.word.localeCompare(b.word));
  const rare = (await used('collection_no', COLLECTIONS)).sort((a, b) => a.hits - b.hits || a.word.localeCompare(b.word));
  return { common: common.map((t) => t.word), rare: rare.map((t) => t.word) };
}

async function rowCount(sql: postgres.Sql, table: string): Promise<number> {
  const [row] = await sql`select count(*)::int as n from ${sql(table)}`;
  return row!.n as number;
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
