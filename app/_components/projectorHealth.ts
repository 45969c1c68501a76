import type { ProjectionStatusView, ProjectorProcessView } from '@/server/queries/systemStatus';

/** Behind by more than this and the projection counts as lagging. */
export const LAGGING_AFTER_MS = 5_000;

export interface Health {
  label: string;
  color: 'green' | 'yellow' | 'orange' | 'red' | 'gray';
}

/** One projection's state at a glance: the worst of process, dead letters and lag. */
export function projectionHealth(projection: ProjectionStatusView, process: ProjectorProcessView | null): Health {
  if (!process || !process.alive) return { label: 'projector not running', color: 'red' };
  if (projection.updatedAt === null) return { label: 'not reported yet', color: 'gray' };
  if (projection.pendingDeadLetters > 0) {
    const n = projection.pendingDeadLetters;
    return { label: `${n} dead ${n === 1 ? 'letter' : 'letters'}`, color: 'orange' };
  }
  if ((projection.lagMs ?? 0) > LAGGING_AFTER_MS) return { label: 'lagging', color: 'yellow' };
  return { label: 'up to date', color: 'green' };
}

/** How often `npm start` had to start the projector again after it died. */
export function restartsLabel(restarts: number): string {
  return `restarted ${restarts} ${restarts === 1 ? 'time' : 'times'}`;
}
