import { eq, sql } from 'drizzle-orm';
import type { WriteDb, WriteTx } from '@/db/clients';
import { EVENT_AGGREGATE, type AggregateType, type DomainEvent } from '@/db/write/events';
import { journal, type StaffRole } from '@/db/write/schema';
import { DomainError } from '../domain/errors';
import { pgError, UNIQUE_VIOLATION } from '../domain/pgErrors';

export interface Actor {
  id: string;
  role: StaffRole;
}

export interface CommandDeps {
  db: WriteDb;
}

export interface CommandMeta {
  command: string;
  actor: Actor | null;
  commandId?: string | undefined;
}

/** What every mutation returns: the aggregate, its new version, and a WAL position at or after the commit. */
export interface CommandResult {
  id: string;
  version: number;
  position: string;
}

/** What a handler decided, written to the journal in the same transaction. */
export interface Decision {
  /** Must be the event's aggregate type (`EVENT_AGGREGATE`); `runCommand` refuses a mismatch. */
  aggregateType: AggregateType;
  aggregateId: string;
  version: number;
  /** Built by a domain function, at its type's current schema version. */
  event: DomainEvent;
}

/**
 * The shell around every command: replay check → one transaction (handler + journal row)
 * → consistency token. A repeated `commandId` returns the first result and writes nothing,
 * also when the repeats race: a transaction-scoped advisory lock on the `commandId` makes
 * them queue, and each re-reads the journal once it holds the lock. The unique journal key
 * stays as the last line of defence.
 */
export async function runCommand(
  deps: CommandDeps,
  meta: CommandMeta,
  handler: (tx: WriteTx) => Promise<Decision>,
): Promise<CommandResult> {
  if (meta.commandId) {
    const prior = await findPriorResult(deps.db, meta);
    if (prior) return withPosition(deps.db, prior);
  }
  try {
    const outcome = await deps.db.transaction(async (tx) => {
      if (meta.commandId) {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${meta.commandId}, 0))`);
        const prior = await findPriorResult(tx, meta);
        if (prior) return prior;
      }
      const decision = await handler(tx);
      assertEventOfAggregate(decision);
      const result = { id: decision.aggregateId, version: decision.version };
      await tx.insert(journal).values({
        commandId: meta.commandId ?? null,
        command: meta.command,
        aggregateType: decision.aggregateType,
        aggregateId: decision.aggregateId,
        aggregateVersion: decision.version,
        actorId: meta.actor?.id ?? null,
        eventType: decision.event.type,
        schemaVersion: decision.event.schemaVersion,
        payload: decision.event.payload,
        result,
      });
      return result;
    });
    return withPosition(deps.db, outcome);
  } catch (error) {
    const pg = pgError(error);
    if (meta.commandId && pg?.code === UNIQUE_VIOLATION && pg.constraint === 'journal_command_id_unique') {
      const prior = await findPriorResult(deps.db, meta);
      if (prior) return withPosition(deps.db, prior);
    }
    throw error;
  }
}

/** A programming error, not a refusal: the journal would file the event under the wrong aggregate. */
function assertEventOfAggregate(decision: Decision): void {
  const expected = EVENT_AGGREGATE[decision.event.type];
  if (decision.aggregateType !== expected) {
    throw new Error(`${decision.event.type} belongs to a ${expected}, but the handler filed it under ${decision.aggregateType}`);
  }
}

async function withPosition(db: WriteDb, result: { id: string; version: number }): Promise<CommandResult> {
  return { id: result.id, version: result.version, position: await currentPosition(db) };
}

async function findPriorResult(db: WriteDb | WriteTx, meta: CommandMeta): Promise<{ id: string; version: number } | undefined> {
  const [row] = await db
    .select({ command: journal.command, result: journal.result })
    .from(journal)
    .where(eq(journal.commandId, meta.commandId!));
  if (!row) return undefined;
  if (row.command !== meta.command) {
    throw new DomainError('CONFLICT', `commandId ${meta.commandId} was already used for ${row.command}`, {
      rule: 'command-id-reuse',
    });
  }
  return row.result as { id: string; version: number };
}

/** Read after the commit returned, so it is at or after the commit record's end. */
export async function currentPosition(db: WriteDb): Promise<string> {
  const rows = await db.execute<{ lsn: string }>(sql`select pg_current_wal_lsn()::text as lsn`);
  return rows[0]!.lsn;
}
