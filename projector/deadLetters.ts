import type { ReadSql } from './projections/types';

/**
 * A poison error: the same input would fail the same way on every retry (bad data, a bug in
 * a projection, a read-model constraint). Such a key goes to the dead-letter table and the
 * pipeline moves on. Everything else (connections, timeouts, shutdowns, serialization
 * failures) is transient: the session restarts with backoff and nothing is skipped.
 */
export function isPoison(error: unknown): boolean {
  if (error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return false;
  // 22 data exception, 23 integrity constraint, 42 syntax or access rule, P0 raised by a function, 2F/38/39 routine errors.
  return ['22', '23', '42', 'P0', '2F', '38', '39'].includes(code.slice(0, 2));
}

export function errorText(error: unknown): { message: string; code: string | null } {
  const e = error as { message?: unknown; code?: unknown; detail?: unknown } | null;
  const message = [e?.message, e?.detail].filter((part) => typeof part === 'string' && part).join(' — ') || String(error);
  return { message: message.slice(0, 4000), code: typeof e?.code === 'string' ? e.code : null };
}

export interface DeadLetterInput {
  projection: string;
  key: string;
  lsn: string;
  error: unknown;
  payload: unknown;
}

/** One pending letter per (projection, key): a key failing again counts another attempt. */
export async function recordDeadLetter(sql: ReadSql, letter: DeadLetterInput): Promise<void> {
  const { message, code } = errorText(letter.error);
  await sql`
    insert into dead_letters (projection, key, lsn, error, error_code, payload)
    values (${letter.projection}, ${letter.key}, ${letter.lsn}::pg_lsn, ${message}, ${code}, ${sql.json(toJson(letter.payload))})
    on conflict (projection, key) where status = 'pending' do update set
      attempts = dead_letters.attempts + 1, lsn = excluded.lsn, error = excluded.error,
      error_code = excluded.error_code, payload = excluded.payload, last_attempt_at = now()`;
}

/** Keys applied after all (by a later change or a retry) close their pending letters. */
export async function resolveDeadLetters(sql: ReadSql, projection: string, keys: string[], resolution: string): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await sql`
    update dead_letters set status = 'resolved', resolution = ${resolution}, resolved_at = now()
     where status = 'pending' and projection = ${projection} and key = any(${keys}::text[])
    returning id`;
  return rows.length;
}

export async function countPendingDeadLetters(sql: ReadSql): Promise<number> {
  return Number((await sql`select count(*)::int as n from dead_letters where status = 'pending'`)[0]!.n);
}

export interface PendingDeadLetter {
  id: string;
  projection: string;
  key: string;
}

export async function findPendingDeadLetter(sql: ReadSql, id: string): Promise<PendingDeadLetter | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const [row] = await sql<PendingDeadLetter[]>`
    select id::text as id, projection, key from dead_letters where id = ${id}::int8 and status = 'pending'`;
  return row;
}

/** Dates and bigints as JSON can carry them. */
function toJson(value: unknown): Parameters<ReadSql['json']>[0] {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Parameters<ReadSql['json']>[0];
}
