import { describe, expect, it } from 'vitest';
import type { SystemStatus } from '@/server/queries/systemStatus';
import { appendLagSample, lagChartRows, lagSample, type LagSample } from './lagWindow';

const status = (lag: Record<string, [number | null, number | null]>) =>
  ({ projections: Object.entries(lag).map(([projection, [lagMs, lagBytes]]) => ({ projection, lagMs, lagBytes })), process: null, rebuilds: [] }) as unknown as SystemStatus;

describe('lag window', () => {
  it('samples each projection’s lag in ms and bytes', () => {
    expect(lagSample(status({ activity: [12, 300], product_search: [null, null] }), 1000)).toEqual({
      at: 1000,
      lagMs: { activity: 12, product_search: null },
      lagBytes: { activity: 300, product_search: null },
    });
  });

  it('keeps the newest samples up to the window size and ignores a poll it already has', () => {
    let window: LagSample[] = [];
    for (let at = 1; at <= 5; at++) window = appendLagSample(window, lagSample(status({ activity: [at, at] }), at), 3);
    expect(window.map((s) => s.at)).toEqual([3, 4, 5]);
    expect(appendLagSample(window, lagSample(status({ activity: [9, 9] }), 5), 3)).toBe(window);
  });

  it('makes one chart row per sample with the chosen metric', () => {
    const window = [lagSample(status({ activity: [12, 300], order_summaries: [4, 0] }), Date.UTC(2025, 0, 1, 10, 0, 2))];
    const [row] = lagChartRows(window, 'lagBytes');
    expect(row).toMatchObject({ activity: 300, order_summaries: 0 });
    expect(row!.time).toMatch(/^\d{2}:\d{2}:02$/);
  });
});
