import { sql } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { deadLetters } from '@/db/read/schema';
import { decideDeadLetterRetry, type DeadLetterState } from '../domain/projectorRequests';
import { requestProjector, type ProjectorCommandDeps } from './projectorRequest';
import type { RetryDeadLetterInput } from './retryDeadLetter.input';
import { runCommand, type Actor, type CommandResult } from './runCommand';

/**
 * Asks the projector to apply a dead letter's key again. The projector recomputes the key
 * from the write model as of the request's commit, so a fix committed before the retry counts.
 */
export async function retryDeadLetter(deps: ProjectorCommandDeps, actor: Actor | null, input: RetryDeadLetterInput): Promise<CommandResult> {
  return runCommand(deps, { command: 'system.retryDeadLetter', actor, commandId: input.commandId }, async (tx) => {
    const event = decideDeadLetterRetry(input.id, await findDeadLetter(deps.read, input.id));
    return requestProjector(tx, actor, { kind: 'retry_dead_letter', target: input.id }, event);
  });
}

async function findDeadLetter(read: ReadDb, id: string): Promise<DeadLetterState | undefined> {
  const [row] = await read
    .select({
      projection: deadLetters.projection,
      key: deadLetters.key,
      status: deadLetters.status,
      resolution: deadLetters.resolution,
      resolvedAt: deadLetters.resolvedAt,
    })
    .from(deadLetters)
    // Compared as int8 in the database: the id stays text, exact beyond 2^53.
    .where(sql`${deadLetters.id} = ${id}::int8`);
  return row;
}
