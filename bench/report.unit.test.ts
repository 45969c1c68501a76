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
  it('hold a command over HTTP to 1.3× the same handler in process, and say by how much one missed', () => {
    const figures = withTargets([
      latency('command.changePrice.http.c8', [5, 10, 20]),
      latency('command.changePrice.inprocess.c8', [5, 10, 18]),
      latency('command.placeOrder.http.c8', [10, 20, 40]),
      latency('command.placeOrder.inprocess.c8', [10, 20, 20]),
    ]);
    expect(figures[0]!.target).toMatchObject({ met: true, detail: '1.11× (20.0 ms against 18.0 ms)' });
    expect(figures[2]!.target).toMatchObject({ met: false, detail: '2.00× (40.0 ms against 20.0 ms): missed by 53.8%' });
    expect(figures[1]!.target).toBeUndefined();
  });

  it('judge a search on its web CPU per call and on its p99 against Meilisearch answering directly, both at once', () => {
    const [search] = withTargets([
      latency('query.search.text.c8', [10, 20, 50], { ours: { stats: summarize([10, 20, 50]), webCpuMsPerCall: 1.2 }, baseline: { name: 'direct', stats: summarize([10, 20, 20]) } }),
    ]);
    expect(search!.target).toMatchObject({ met: false, text: 'web CPU ≤ 1.5 ms/call; p99 ≤ 2× Meilisearch direct', detail: '1.20 ms/call; ✗ 2.50× (50.0 ms against 20.0 ms): missed by 25.0%' });
  });

  it('judge catalog.product on its web CPU and against the read model SQL of the same run', () => {
    const figures = withTargets([
      latency('query.catalog.product.c8', [2, 3, 6], { ours: { stats: summarize([2, 3, 6]), webCpuMsPerCall: 0.4 } }),
      latency('read.product detail.c8', [1, 1, 2]),
    ]);
    expect(figures[0]!.target).toMatchObject({ met: true, detail: '0.40 ms/call; 3.00× (6.0 ms against 2.0 ms)' });
  });

  it('hold catch-up to 35% of the raw replication rate and rebuilds to 1.3× the bulk time', () => {
    const [catchUp, rebuild] = withTargets([
      { id: 'throughput.catchup.sql', section: 'throughput', name: 'c', unit: 'changes/s', ours: { value: 20_000 }, baseline: { name: 'raw', value: 100_000 } },
      { id: 'throughput.rebuild.search', section: 'throughput', name: 'r', unit: 'docs/s', ours: { value: 10_000 }, baseline: { name: 'bulk', value: 12_000 } },
    ]);
    expect(catchUp!.target).toMatchObject({ met: false, detail: '20.0% of raw: missed by 15.0 points' });
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
        latency('command.placeOrder.inprocess.c8', [10, 20, 20]),
        { id: 'resources.projector.catchup', section: 'resources', name: 'projector peak memory', unit: 'MB', ours: { value: 180.4 } },
      ]),
    );
    expect(md).toContain('Machine: Test CPU, 2 cores, 24 GiB');
    expect(md).toContain('#### Commands');
    expect(md).toContain('| command.placeOrder.http.c8 | 8 clients | 3 | 20.0 | 40.0 | 40.0 |  | synchronous read models | 60.0 | 90.0 | 90.0 | ❌ p99 ≤ 1.3× in process');
    expect(md).toContain('#### Resources');
    expect(md).toContain('180 MB');
    expect(md).toContain('✅ ≤ 300 MB while 1M changes behind');
    expect(md).toContain('Targets missed: command.placeOrder.http.c8');
  });
});
