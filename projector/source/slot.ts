import pg from 'pg';
import type postgres from 'postgres';

export interface SlotState {
  confirmedFlushLsn: string | null;
  walStatus: string | null;
  active: boolean;
}

export async function readSlot(sql: postgres.Sql, slot: string): Promise<SlotState | undefined> {
  const [row] = await sql<{ confirmed: string | null; wal_status: string | null; active: boolean }[]>`
    select confirmed_flush_lsn::text as confirmed, wal_status, active
      from pg_replication_slots where slot_name = ${slot}`;
  return row && { confirmedFlushLsn: row.confirmed, walStatus: row.wal_status, active: row.active };
}

/**
 * Ends whatever session still reads the slot: only the active projector calls this, so that is
 * a previous active one that stalled (a dead one's session ends by itself, but may take a moment).
 * Resolves once the slot is free.
 */
export async function freeSlot(sql: postgres.Sql, slot: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ pid: number | null }[]>`select active_pid as pid from pg_replication_slots where slot_name = ${slot}`;
    if (!row || row.pid === null) return;
    if (Date.now() > deadline) throw new Error(`replication slot ${slot} is still read by backend ${row.pid}`);
    await sql`select pg_terminate_backend(${row.pid}::int)`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function dropSlot(sql: postgres.Sql, slot: string): Promise<void> {
  await sql`select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = ${slot}`;
}

export interface ExportedSlot {
  consistentPoint: string;
  snapshotName: string;
  /** The replication connection: it must stay idle until the snapshot has been read, then be closed. */
  release(): Promise<void>;
}

/**
 * Creates the slot and exports the snapshot it starts from: reading the write model in that
 * snapshot and then streaming from `consistentPoint` neither misses nor doubles a change.
 * Waits for every open writing transaction to finish.
 */
export async function createSlotWithSnapshot(connectionString: string, slot: string): Promise<ExportedSlot> {
  const client = new pg.Client({ connectionString, replication: 'database' } as pg.ClientConfig);
  await client.connect();
  try {
    const result = await client.query(`CREATE_REPLICATION_SLOT "${slot}" LOGICAL wal2json (SNAPSHOT 'export')`);
    const row = result.rows[0] as { consistent_point: string; snapshot_name: string };
    return { consistentPoint: row.consistent_point, snapshotName: row.snapshot_name, release: () => client.end() };
  } catch (error) {
    await client.end();
    throw error;
  }
}

export interface SystemIdentity {
  systemId: string;
  database: string;
  /** The server's current WAL write position. */
  walLsn: string;
}

/** IDENTIFY_SYSTEM on a replication connection: which server and database this is, and where its WAL is. */
export async function identifySystem(connectionString: string): Promise<SystemIdentity> {
  const client = new pg.Client({ connectionString, replication: 'database' } as pg.ClientConfig);
  await client.connect();
  try {
    const row = (await client.query('IDENTIFY_SYSTEM')).rows[0] as { systemid: string; xlogpos: string; dbname: string };
    return { systemId: String(row.systemid), database: row.dbname, walLsn: row.xlogpos };
  } finally {
    await client.end();
  }
}
