import type postgres from 'postgres';

const TABLES = [
  'categories', 'products', 'product_tags', 'warehouses', 'stock_levels', 'customers',
  'orders', 'order_lines', 'order_allocations', 'journal', 'projector_requests', 'users', 'staff_credentials',
] as const;

/**
 * A fingerprint of the whole write model (sessions and login counters aside): per table, the
 * row count and the sum of the rows' `xmin` (the transaction that wrote each row version).
 * Equal fingerprints before and after a call mean the call committed no row: any insert,
 * update or delete changes the count or writes a row version with a new xmin. Stricter than
 * hashing row contents (an update to the same values shows too), and cheap enough to take
 * twice per fuzz case on a write model that earlier test files have grown (hashing every
 * row as text took ~0.25 s per fingerprint there).
 */
export async function writeModelFingerprint(sql: postgres.Sql): Promise<Record<string, string>> {
  const parts = TABLES.map((t) => `select '${t}' as name, count(*)::text || ':' || coalesce(sum(xmin::text::int8)::text, '') as print from ${t}`);
  const rows = await sql.unsafe<{ name: string; print: string }[]>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}
