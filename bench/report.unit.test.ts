import { describe, expect, it } from 'vitest';
import type { BenchReport, Figure } from './figures';
import { renderMarkdown } from './report';
import { summarize } from './stats';
import { withTargets } from './targets';

const latency = (id: string, samples: number[], extra: Partial<Figure> = {}): Figure => ({
  id,
  section: 'commands',
  name: id,
  unit: 'ms',
  load: '8 clients',
  ours: { stats: summarize(samples) },
  ...extra,
});

const report = (figures: Figure[]): BenchReport => ({
  startedAt: '2026-11-23T12:00:00.000Z',
  durationS: 60,
  mode: 'quick',
  data: { products: 10 },
  machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 24, os: 'Debian', node: '20', postgres: 'PostgreSQL 15', meilisearch: '1.21.0' },
  figures: withTargets(figures),
  failures: [],
});

describe('bench targets', () => {
  it('pass a command whose p99 at 8 clients is within 25 ms, and say by how much one missed', () => {
    const [fast, slow] = withTargets([latency('command.changePrice.http.c8', [5, 10, 20]), latency('command.placeOrder.http.c8', [10, 20, 40])]);
    expect(fast!.target).toMatchObject({ met: true });
    expect(slow!.target).toMatchObject({ met: false, detail: 'p99 40.0 ms: missed by 15.0 ms (60.0% over)' });
  });

  it('hold catch-up to a quarter of the raw replication rate and rebuilds to 1.3× the bulk time', () => {
    const [catchUp, rebuild] = withTargets([
      { id: 'throughput.catchup.sql', section: 'throughput', name: 'c', unit: 'changes/s', ours: { value: 20_000 }, baseline: { name: 'raw', value: 100_000 } },
      { id: 'throughput.rebuild.search', section: 'throughput', name: 'r', unit: 'docs/s', ours: { value: 10_000 }, baseline: { name: 'bulk', value: 12_000 } },
    ]);
    expect(catchUp!.target).toMatchObject({ met: false, detail: '20.0% of raw: missed by 5.0 points' });
    expect(rebuild!.target).toMatchObject({ met: true, detail: '1.20× bulk time' });
  });

  it('leave figures the issue sets no target for without one', () => {
    expect(withTargets([latency('command.changePrice.http.c32', [100])])[0]!.target).toBeUndefined();
  });
});

describe('bench report', () => {
  it('prints each section as a table with our figure beside its baseline and the target verdict', () => {
    const md = renderMarkdown(
      report([
        latency('command.placeOrder.http.c8', [10, 20, 40], { baseline: { name: 'synchronous read models', stats: summarize([30, 60, 90]) } }),
        { id: 'resources.projector.catchup', section: 'resources', name: 'projector peak memory', unit: 'MB', ours: { value: 180.4 } },
      ]),
    );
    expect(md).toContain('Machine: Test CPU, 2 cores, 24 GiB');
    expect(md).toContain('#### Commands');
    expect(md).toContain('| command.placeOrder.http.c8 | 8 clients | 3 | 20.0 | 40.0 | 40.0 |  | synchronous read models | 60.0 | 90.0 | 90.0 | ❌ p99 ≤ 25 ms');
    expect(md).toContain('#### Resources');
    expect(md).toContain('180 MB');
    expect(md).toContain('✅ ≤ 300 MB while 1M changes behind');
    expect(md).toContain('Targets missed: command.placeOrder.http.c8');
  });
});
