import { eq, sql } from 'drizzle-orm';
import type { WriteDb, WriteTx } from '@/db/clients';
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
  aggregateType: string;
  aggregateId: string;
  version: number;
  event: { type: string; schemaVersion: number; payload: Record<string, unknown> };
}

/**
 * The shell around every command: replay check → one transaction (handler + journal row)
 * → consistency token. A repeated `commandId` returns the first result and writes nothing,
 * also when the repeats race: the unique journal key lets exactly one of them commit.
 */
export async function runCommand(
  deps: CommandDeps,
  meta: CommandMeta,
  handler: (tx: WriteTx) => Promise<Decision>,
): Promise<CommandResult> {
  if (meta.commandId) {
    const prior = await findPriorResult(deps.db, meta);
    if (prior) return prior;
  }
  try {
    const outcome = await deps.db.transaction(async (tx) => {
      const decision = await handler(tx);
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
    return { ...outcome, position: await currentPosition(deps.db) };
  } catch (error) {
    const pg = pgError(error);
    if (meta.commandId && pg?.code === UNIQUE_VIOLATION && pg.constraint === 'journal_command_id_unique') {
      const prior = await findPriorResult(deps.db, meta);
      if (prior) return prior;
    }
    throw error;
  }
}

async function findPriorResult(db: WriteDb, meta: CommandMeta): Promise<CommandResult | undefined> {
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
  const result = row.result as { id: string; version: number };
  return { id: result.id, version: result.version, position: await currentPosition(db) };
}

/** Read after the commit returned, so it is at or after the commit record's end. */
export async function currentPosition(db: WriteDb): Promise<string> {
  const rows = await db.execute<{ lsn: string }>(sql`select pg_current_wal_lsn()::text as lsn`);
  return rows[0]!.lsn;
}
