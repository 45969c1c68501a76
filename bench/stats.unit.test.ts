import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats';

describe('latency summaries', () => {
  it('take nearest-rank percentiles of every sample', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(summarize(samples)).toEqual({ count: 100, median: 50, p95: 95, p99: 99, max: 100 });
  });

  it('give the one sample for every percentile of a single sample', () => {
    expect(summarize([7])).toEqual({ count: 1, median: 7, p95: 7, p99: 7, max: 7 });
  });

  it('say NaN, not 0, when nothing was measured', () => {
    expect(summarize([]).p99).toBeNaN();
    expect(percentile([], 50)).toBeNaN();
  });

  it('let one slow outlier in a thousand reach p99 but not p95', () => {
    const samples = [...Array.from({ length: 989 }, () => 1), ...Array.from({ length: 11 }, () => 500)];
    const stats = summarize(samples);
    expect(stats.p95).toBe(1);
    expect(stats.p99).toBe(500);
  });
});
