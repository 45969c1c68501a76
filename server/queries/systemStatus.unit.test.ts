import { describe, expect, it } from 'vitest';
import { ALL_PROJECTIONS } from '@/db/read/projections';
import { combineProjectionStatus } from './systemStatus';

describe('projection status', () => {
  it('lists every projection, also those the projector has not reported on yet', () => {
    const status = combineProjectionStatus([], [], []);
    expect(status.map((s) => s.projection)).toEqual([...ALL_PROJECTIONS]);
    expect(status[0]).toEqual({
      projection: 'product_summaries',
      checkpointLsn: null,
      lastCommitAt: null,
      lagBytes: null,
      lagMs: null,
      changesPerSecond: 0,
      changesTotal: 0,
      backlog: 0,
      pendingDeadLetters: 0,
      updatedAt: null,
    });
  });

  it('joins checkpoint, reported figures and pending dead letters by projection, ignoring unknown names', () => {
    const at = new Date('2025-01-02T03:04:05Z');
    const status = combineProjectionStatus(
      [{ projection: 'activity', lsn: '0/20', lastCommitAt: at }, { projection: 'retired_model', lsn: '0/1', lastCommitAt: null }],
      [
        { projection: 'activity', checkpointLsn: '0/10', lagBytes: 5, lagMs: 12, changesPerSecond: 1.5, changesTotal: 90, backlog: 3, updatedAt: at },
        { projection: 'product_search', checkpointLsn: '0/18', lagBytes: null, lagMs: null, changesPerSecond: 0, changesTotal: 0, backlog: 0, updatedAt: at },
      ],
      [{ projection: 'activity', pending: 2 }, { projection: 'retired_model', pending: 9 }],
    );
    expect(status).toHaveLength(ALL_PROJECTIONS.length);
    expect(status.find((s) => s.projection === 'activity')).toEqual({
      projection: 'activity',
      checkpointLsn: '0/20',
      lastCommitAt: at,
      lagBytes: 5,
      lagMs: 12,
      changesPerSecond: 1.5,
      changesTotal: 90,
      backlog: 3,
      pendingDeadLetters: 2,
      updatedAt: at,
    });
    expect(status.find((s) => s.projection === 'product_search')?.checkpointLsn).toBe('0/18');
  });
});
