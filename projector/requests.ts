import type { ReadSql, Source } from './projections/types';

export interface ProjectorRequest {
  id: string;
  kind: 'retry_dead_letter' | 'rebuild';
  target: string;
  requestedAt: Date;
}

/** Operator requests committed in this batch, read from the batch's snapshot. */
export async function loadRequests(snapshot: Source, ids: string[]): Promise<ProjectorRequest[]> {
  if (ids.length === 0) return [];
  return snapshot<ProjectorRequest[]>`
    select id, kind, target, requested_at as "requestedAt" from projector_requests
     where id = any(${ids}::uuid[]) order by requested_at, id`;
}

/** What a batch asks of the other parts once it is committed. */
export interface BatchEffects {
  rebuilds: { requestId: string; projection: string; requestedAt: Date }[];
}

export function noEffects(): BatchEffects {
  return { rebuilds: [] };
}

/** Records a rebuild request as queued (in the batch's read transaction); false if it was recorded before. */
export async function queueRebuild(tx: ReadSql, request: ProjectorRequest): Promise<boolean> {
  const rows = await tx`
    insert into projection_rebuilds (id, projection, status, requested_at)
    values (${request.id}, ${request.target}, 'queued', ${request.requestedAt})
    on conflict (id) do nothing returning id`;
  return rows.length > 0;
}
