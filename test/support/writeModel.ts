import type postgres from 'postgres';

const TABLES = [
  'categories', 'products', 'product_tags', 'warehouses', 'stock_levels', 'customers',
  'orders', 'order_lines', 'order_allocations', 'journal', 'projector_requests', 'users', 'staff_credentials',
] as const;

/**
 * A fingerprint of the whole write model (sessions and login counters aside): row count and
 * an order-free sum of row hashes per table. Equal fingerprints before and after a call mean
 * the call changed nothing.
 */
export async function writeModelFingerprint(sql: postgres.Sql): Promise<Record<string, string>> {
  const parts = TABLES.map((t) => `select '${t}' as name, count(*)::text || ':' || coalesce(sum(hashtextextended(x::text, 0))::text, '') as print from ${t} x`);
  const rows = await sql.unsafe<{ name: string; print: string }[]>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}
