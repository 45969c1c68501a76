import type { ReadDb, WriteTx } from '@/db/clients';
import type { EventOf } from '@/db/write/events';
import { projectorRequests, type ProjectorRequestKind } from '@/db/write/schema';
import type { Actor, CommandDeps, Decision } from './runCommand';

/** Commands that ask the projector for something also look at the read model before asking. */
export interface ProjectorCommandDeps extends CommandDeps {
  read: ReadDb;
}

/**
 * Writes one operator request in the command's transaction. The projector receives it through
 * replication in commit order, so it runs after every change committed before it. Each request
 * is an aggregate of its own, created at version 1.
 */
export async function requestProjector(
  tx: WriteTx,
  actor: Actor | null,
  request: { kind: ProjectorRequestKind; target: string },
  event: EventOf<'RebuildRequested' | 'DeadLetterRetryRequested'>,
): Promise<Decision> {
  const [row] = await tx
    .insert(projectorRequests)
    .values({ kind: request.kind, target: request.target, requestedBy: actor?.id ?? null })
    .returning({ id: projectorRequests.id });
  return { aggregateType: 'projector_request', aggregateId: row!.id, version: 1, event };
}
