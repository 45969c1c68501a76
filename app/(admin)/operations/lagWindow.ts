import type { SystemStatus } from '@/server/queries/systemStatus';

/** 2 s polls for 3 minutes. */
export const LAG_WINDOW_SAMPLES = 90;

export type LagMetric = 'lagMs' | 'lagBytes';

/** One poll of `system.status`: each projection's lag, null where it has not reported. */
export interface LagSample {
  at: number;
  lagMs: Record<string, number | null>;
  lagBytes: Record<string, number | null>;
}

export function lagSample(status: SystemStatus, at: number): LagSample {
  return {
    at,
    lagMs: Object.fromEntries(status.projections.map((p) => [p.projection, p.lagMs])),
    lagBytes: Object.fromEntries(status.projections.map((p) => [p.projection, p.lagBytes])),
  };
}

/** The rolling window with one more sample: the oldest fall off, a repeated poll is not added twice. */
export function appendLagSample(window: LagSample[], sample: LagSample, max = LAG_WINDOW_SAMPLES): LagSample[] {
  if (window.length > 0 && window[window.length - 1]!.at >= sample.at) return window;
  return [...window, sample].slice(-max);
}

const timeLabel = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Chart rows: `{ time, <projection>: value }` per sample. */
export function lagChartRows(window: LagSample[], metric: LagMetric): Record<string, string | number | null>[] {
  return window.map((s) => ({ time: timeLabel.format(s.at), ...s[metric] }));
}
