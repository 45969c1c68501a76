import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import postgres from 'postgres';
import type { Logger } from '@/lib/logger';
import type { ReadSql } from './projections/types';

/** Advisory lock namespaces (the first int of the two-int form); the second int is the slot's. */
const LEADER_LOCK = 0x51e7a0;
const FENCE_LOCK = 0x51e7a1;
/** Rows of processes silent this long are dropped from `projector_instances`. */
const FORGET_AFTER_SECONDS = 60;

export class LeadershipLost extends Error {}

export interface LeadershipOptions {
  /** The read database: the lock lives where the projector writes, so its transactions can check it. */
  readUrl: string;
  slot: string;
  /** The active process writes nothing once this long has passed since it last renewed. */
  leaseMs: number;
  log: Logger;
}

/**
 * Which of several projector processes streams. The slot admits one reader, so exactly one
 * process is active: the one holding a session-level advisory lock on the read database. The
 * others stand by, try the lock twice a second, and take over as soon as it is free (the
 * active process died: Postgres drops its session and the lock with it).
 *
 * A stalled active process (stopped, starved, cut off) still holds the lock. Every process
 * writes a heartbeat to `projector_instances` each `leaseMs / 5`; when the active one's is
 * older than two leases, a standby terminates the lock's session and takes the lock. The
 * stalled process must not write after that, so:
 * - it stops writing once its own lease has run out without a renewal (`assertLease`);
 * - every SQL batch takes a shared fence lock and checks, in its transaction, that its lock
 *   session still holds the lock (`fence`); a new active process waits for the fence before
 *   streaming, so a batch of the old one either committed before or fails.
 */
export class Leadership {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly key: number;
  private readonly session: postgres.Sql;
  private readonly startedAt = new Date();
  private backendPid: number | undefined;
  private renewedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  /** The lock holder whose heartbeat was stale at the last poll. */
  private suspect: number | undefined;
  role: 'standby' | 'active' = 'standby';

  constructor(private readonly options: LeadershipOptions) {
    this.key = slotKey(options.slot);
    // One connection for the process's life: the lock belongs to its session.
    this.session = postgres(options.readUrl, { max: 1, idle_timeout: 0, max_lifetime: 0, onnotice: () => {}, connection: { application_name: 'projector-leadership' } });
  }

  private get heartbeatMs(): number {
    return Math.max(100, Math.round(this.options.leaseMs / 5));
  }

  /**
   * Resolves once this process is the active one (false if stopped first). `onLost` is called
   * when it stops being active without being stopped: the process must then write nothing more.
   */
  async acquire(onLost: (error: Error) => void): Promise<boolean> {
    while (!this.stopped) {
      try {
        await this.beat('standby');
        if (await this.tryLock()) {
          await this.becomeActive(onLost);
          return true;
        }
        await this.takeOverIfStalled();
      } catch (error) {
        // Half way to active (the fence wait failed, say): stand by again; the next try starts over.
        this.role = 'standby';
        clearInterval(this.timer);
        this.options.log.warn({ err: error }, 'standby: could not reach the read database; trying again');
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, Math.min(500, this.heartbeatMs));
      });
    }
    return false;
  }

  /** Throws unless the lease was renewed within `leaseMs`: called before each write outside a fenced batch. */
  assertLease(): void {
    if (this.role !== 'active' || performance.now() - this.renewedAt > this.options.leaseMs) {
      throw new LeadershipLost(`not the active projector any more (lease of ${this.options.leaseMs} ms not renewed)`);
    }
  }

  /** Inside a read-DB transaction: hold off a takeover until it ends, and make sure this process still leads. */
  async fence(tx: ReadSql): Promise<void> {
    this.assertLease();
    await tx`select pg_advisory_xact_lock_shared(${FENCE_LOCK}::int4, ${this.key}::int4)`;
    const [row] = await tx<{ held: boolean }[]>`select ${heldBy(tx, this.key, this.backendPid ?? -1)} as held`;
    if (!row?.held) throw new LeadershipLost('not the active projector any more (its lock session is gone)');
  }

  /** `acquire` gives up waiting (the process is stopping). */
  halt(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.halt();
    await this.session`delete from projector_instances where id = ${this.id}`.catch(() => {});
    // Closing the session releases the lock at once: a standby takes over within its poll.
    await this.session.end({ timeout: 5 });
  }

  private async tryLock(): Promise<boolean> {
    const [row] = await this.session<{ got: boolean; pid: number }[]>`
      select pg_try_advisory_lock(${LEADER_LOCK}::int4, ${this.key}::int4) as got, pg_backend_pid() as pid`;
    if (!row?.got) return false;
    this.backendPid = row.pid;
    return true;
  }

  private async becomeActive(onLost: (error: Error) => void): Promise<void> {
    this.role = 'active';
    this.renewedAt = performance.now();
    await this.beat('active');
    // Batches the previous active process still has in flight (it may be stalled mid-way) are
    // ended, and any that are ending are waited for, before this one streams.
    await this.session`
      select pg_terminate_backend(pid) from pg_locks
       where ${lockRow(this.session, FENCE_LOCK, this.key)} and granted and pid <> pg_backend_pid()`;
    await this.session.begin((tx) => tx`select pg_advisory_xact_lock(${FENCE_LOCK}::int4, ${this.key}::int4)`);
    this.options.log.info({ instance: this.id }, 'active: this process streams');
    this.timer = setInterval(() => {
      void this.renew().catch((error: unknown) => {
        if (this.stopped || this.role !== 'active') return;
        this.role = 'standby';
        clearInterval(this.timer);
        onLost(error instanceof Error ? error : new Error(String(error)));
      });
    }, this.heartbeatMs);
  }

  /** The lock is still this session's (a reconnect would be a new session without it), and the heartbeat is written. */
  private async renew(): Promise<void> {
    const [row] = await this.session<{ pid: number; held: boolean }[]>`
      select pg_backend_pid() as pid, ${heldBy(this.session, this.key, this.backendPid ?? -1)} as held`;
    if (!row || row.pid !== this.backendPid || !row.held) throw new LeadershipLost('the leadership lock was lost (its database session ended)');
    await this.beat('active');
    this.renewedAt = performance.now();
  }

  private async beat(role: 'active' | 'standby'): Promise<void> {
    await this.session`
      insert into projector_instances (id, host, pid, role, started_at, active_since, heartbeat_at)
      values (${this.id}, ${hostname()}, ${process.pid}, ${role}, ${this.startedAt}, ${role === 'active' ? new Date() : null}, now())
      on conflict (id) do update set role = excluded.role, heartbeat_at = now(),
        active_since = case when excluded.role = 'active' then coalesce(projector_instances.active_since, now()) end`;
    await this.session`
      delete from projector_instances where heartbeat_at < now() - make_interval(secs => ${FORGET_AFTER_SECONDS}::float8)`;
  }

  /**
   * No fresh heartbeat from an active process for two leases, seen on two polls in a row for
   * the same lock holder (a process that has just taken the lock writes its heartbeat at once):
   * end the session that holds the lock.
   */
  private async takeOverIfStalled(): Promise<void> {
    const staleAfter = (2 * this.options.leaseMs) / 1000;
    const [row] = await this.session<{ holder: number | null; fresh: boolean }[]>`
      select (select pid from pg_locks where ${lockRow(this.session, LEADER_LOCK, this.key)} and granted limit 1) as holder,
             exists(select 1 from projector_instances where role = 'active'
                     and heartbeat_at > now() - make_interval(secs => ${staleAfter}::float8)) as fresh`;
    const suspect = row && row.holder !== null && !row.fresh ? row.holder : undefined;
    const seenBefore = suspect !== undefined && this.suspect === suspect;
    this.suspect = suspect;
    if (!seenBefore) return;
    this.options.log.warn({ pid: suspect, staleAfterSeconds: staleAfter }, 'the active projector stopped renewing its lease: ending its lock session to take over');
    await this.session`select pg_terminate_backend(${suspect}::int)`;
  }
}

function lockRow(sql: ReadSql, space: number, key: number) {
  return sql`locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())
    and classid = ${space}::int4::oid and objid = ${key}::int4::oid and objsubid = 2`;
}

function heldBy(sql: ReadSql, key: number, pid: number) {
  return sql`exists(select 1 from pg_locks where ${lockRow(sql, LEADER_LOCK, key)} and granted and pid = ${pid}::int)`;
}

/** A positive int4 per slot name (FNV-1a): processes of different slots never block each other. */
export function slotKey(slot: string): number {
  let hash = 0x811c9dc5;
  for (const char of slot) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & 0x7fffffff;
}
