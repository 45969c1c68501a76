import { and, desc, eq, inArray } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import { projectionRebuilds } from '@/db/read/schema';
import { decideRebuild, type RunningRebuild } from '../domain/projectorRequests';
import { requestProjector, type ProjectorCommandDeps } from './projectorRequest';
import type { RequestRebuildInput } from './requestRebuild.input';
import { runCommand, type Actor, type CommandResult } from './runCommand';

/**
 * Asks the projector to rebuild a read model beside the live one and switch to it. Its
 * progress appears in `projection_rebuilds` under the request's id (the result's `id`).
 */
export async function requestRebuild(deps: ProjectorCommandDeps, actor: Actor | null, input: RequestRebuildInput): Promise<CommandResult> {
  return runCommand(deps, { command: 'system.rebuild', actor, commandId: input.commandId }, async (tx) => {
    const event = decideRebuild(input.projection, await findRunningRebuild(deps.read, input.projection));
    return requestProjector(tx, actor, { kind: 'rebuild', target: input.projection }, event);
  });
}

async function findRunningRebuild(read: ReadDb, projection: string): Promise<RunningRebuild | undefined> {
  const [row] = await read
    .select({ id: projectionRebuilds.id, startedAt: projectionRebuilds.startedAt })
    .from(projectionRebuilds)
    .where(and(eq(projectionRebuilds.projection, projection), inArray(projectionRebuilds.status, ['queued', 'running'])))
    .orderBy(desc(projectionRebuilds.startedAt))
    .limit(1);
  return row;
}
