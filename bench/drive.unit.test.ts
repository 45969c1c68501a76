import { describe, expect, it } from 'vitest';
import { closedLoop, openLoop } from './drive';

describe('load drivers', () => {
  it('closed loop: every client calls in turn, failures are counted and not sampled', async () => {
    const seen = new Set<number>();
    const result = await closedLoop(4, 10_000, async (client, i) => {
      seen.add(client);
      if (i % 10 === 0) throw new Error(`call ${i} refused`);
    }, { warmup: 1, maxCalls: 100 });
    expect(seen).toEqual(new Set([0, 1, 2, 3]));
    expect(result.samples.length + result.errors).toBe(100);
    expect(result.errors).toBe(10);
    expect(result.firstError).toMatch(/refused/);
  });

  it('open loop: starts rate × duration calls whatever their latency', async () => {
    let started = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const result = await openLoop(200, 100, async () => {
      started += 1;
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await new Promise((r) => setTimeout(r, 50));
      inFlight -= 1;
    });
    expect(started).toBe(20);
    expect(result.samples).toHaveLength(20);
    // Slow calls overlap instead of holding back the next ones.
    expect(mostInFlight).toBeGreaterThan(1);
  });
});
