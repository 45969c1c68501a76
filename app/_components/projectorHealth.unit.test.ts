import { describe, expect, it } from 'vitest';
import type { ProjectionStatusView, ProjectorProcessView } from '@/server/queries/systemStatus';
import { projectionHealth, restartsLabel } from './projectorHealth';

const at = new Date('2025-01-01T00:00:00Z');
const projection: ProjectionStatusView = {
  projection: 'product_summaries',
  checkpointLsn: '0/10',
  lastCommitAt: at,
  lagBytes: 0,
  lagMs: 20,
  changesPerSecond: 0,
  changesTotal: 10,
  backlog: 0,
  pendingDeadLetters: 0,
  updatedAt: at,
};
const process: ProjectorProcessView = {
  state: 'streaming',
  slotName: 'shop_projector',
  walLsn: '0/10',
  slotRetainedBytes: 0,
  slotWalStatus: 'reserved',
  lastError: null,
  streaming: true,
  startedAt: at,
  updatedAt: at,
  alive: true,
  restarts: 0,
};

describe('projection health', () => {
  it('is up to date when the projector runs, nothing is parked and the lag is small', () => {
    expect(projectionHealth(projection, process)).toEqual({ label: 'up to date', color: 'green' });
  });

  it('puts a stopped projector first, then dead letters, then lag', () => {
    const bad = { ...projection, pendingDeadLetters: 2, lagMs: 60_000 };
    expect(projectionHealth(bad, null).label).toBe('projector not running');
    expect(projectionHealth(bad, { ...process, alive: false }).label).toBe('projector not running');
    expect(projectionHealth(bad, process)).toEqual({ label: '2 dead letters', color: 'orange' });
    expect(projectionHealth({ ...bad, pendingDeadLetters: 1 }, process).label).toBe('1 dead letter');
    expect(projectionHealth({ ...bad, pendingDeadLetters: 0 }, process)).toEqual({ label: 'lagging', color: 'yellow' });
  });

  it('says so when the projector has not reported on a projection yet', () => {
    expect(projectionHealth({ ...projection, updatedAt: null, lagMs: null }, process).label).toBe('not reported yet');
  });
});

describe('restarts label', () => {
  it('counts the restarts in words', () => {
    expect(restartsLabel(0)).toBe('restarted 0 times');
    expect(restartsLabel(1)).toBe('restarted 1 time');
    expect(restartsLabel(12)).toBe('restarted 12 times');
  });
});
