import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { BenchReport, Figure } from '@/bench/figures';
import { ROOT } from '@/scripts/stack/appProcesses';

const out = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every figure the issue asks for, by id; `true` where it must stand beside a baseline. */
const EXPECTED: Record<string, boolean> = {
  ...Object.fromEntries(
    ['createProduct', 'changePrice', 'adjustStock', 'placeOrder'].flatMap((kind) => [
      ...[1, 8, 32].map((c) => [`command.${kind}.http.c${c}`, false]),
      [`command.${kind}.inprocess.c8`, true],
    ]),
  ),
  'query.search.text.c8': true,
  'query.search.facets.c8': true,
  'query.search.filters.c8': true,
  'query.search.sort.c8': true,
  'query.search.writeSchema.c8': false,
  'query.auth.me.c8': true,
  'query.catalog.product.c8': true,
  'query.orders.list.c8': false,
  'query.analytics.salesDaily.c8': false,
  'lag.summary.r20': false,
  'lag.search.r20': false,
  'lag.summary.r50': false,
  'lag.search.r50': false,
  'takeover.time': false,
  'takeover.lag': true,
  'throughput.catchup.sql': true,
  'throughput.catchup.search': true,
  'throughput.rebuild.search': true,
  'throughput.initialLoad': false,
  'resources.projector.catchup': false,
  'resources.projector.initialLoad': false,
  'resources.web.catchup': false,
  'stream.publish': true,
  'stream.snapshot': false,
  'stream.lag': true,
};

function measuredSomething(m: Figure['ours'] | undefined): boolean {
  if (!m) return false;
  if (m.stats) return m.stats.count > 0 && Number.isFinite(m.stats.p99) && !m.errors;
  return m.value !== undefined && Number.isFinite(m.value) && m.value > 0;
}

it('runs the whole bench harness on tiny data and reports every figure with its baseline', { timeout: 15 * 60_000 }, async () => {
  const stderr: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'main.ts'), '--tiny', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
    child.on('exit', resolve);
  });
  expect(code, stderr.join('').slice(-4000)).toBe(0);

  const report = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as BenchReport;
  expect(report.mode).toBe('tiny');
  expect(report.machine.cores).toBeGreaterThan(0);
  const byId = new Map(report.figures.map((f) => [f.id, f]));
  const read = report.figures.filter((f) => f.id.startsWith('read.'));
  expect(read.length, 'read model against write schema pairs').toBeGreaterThanOrEqual(3);
  for (const f of read) expect([f.id, measuredSomething(f.ours) && measuredSomething(f.baseline)]).toEqual([f.id, true]);
  for (const [id, needsBaseline] of Object.entries(EXPECTED)) {
    const figure = byId.get(id);
    expect([id, measuredSomething(figure?.ours)], JSON.stringify(figure)).toEqual([id, true]);
    if (needsBaseline) expect([id, measuredSomething(figure?.baseline)], JSON.stringify(figure)).toEqual([id, true]);
  }
  // Every HTTP figure carries the web tier's CPU per call.
  const http = report.figures.filter((f) => /^command\.\w+\.http\.|^query\.(?!search\.writeSchema)/.test(f.id));
  expect(http.length).toBeGreaterThan(10);
  for (const f of http) expect([f.id, (f.ours.webCpuMsPerCall ?? 0) > 0]).toEqual([f.id, true]);
  // Targets are judged and shown (not asserted: tiny data on a shared machine says nothing about speed).
  expect(byId.get('command.placeOrder.http.c8')!.target?.text).toBe('p99 ≤ 1.3× in process');
  expect(byId.get('query.catalog.product.c8')!.target?.text).toBe('web CPU ≤ 0.5 ms/call; p99 ≤ 3× the read model SQL');
  // The floor of an API call: the bare tRPC server's own CPU per call.
  expect(byId.get('query.auth.me.c8')!.baseline?.webCpuMsPerCall).toBeGreaterThan(0);
  const markdown = readFileSync(join(out, 'results.md'), 'utf8');
  for (const section of ['Commands', 'Queries', 'Lag: commit → visible', 'Throughput', 'Resources']) expect(markdown).toContain(`#### ${section}`);
});
