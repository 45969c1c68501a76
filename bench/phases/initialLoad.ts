import { performance } from 'node:perf_hooks';
import { ALL_PROJECTIONS } from '@/db/read/projections';
import type { BenchContext } from '../context';
import { sampleTreePeak } from '../memory';

/**
 * The projector's first start on the loaded catalog: no slot yet, so it loads every read model
 * and the index from an exported snapshot, then streams. Done when every projection has a
 * checkpoint at or past the WAL position taken before the start.
 */
export async function measureInitialLoad(ctx: BenchContext): Promise<void> {
  const { write, read, stack, progress } = ctx;
  const position = (await write<{ position: string }[]>`select pg_current_wal_lsn()::text as position`)[0]!.position;
  const started = performance.now();
  const projector = stack.startProjector();
  const peak = sampleTreePeak(projector.pid!);
  let lastNote = 0;
  for (;;) {
    const rows = await read<{ projection: string }[]>`select projection from projection_checkpoints where lsn >= ${position}::pg_lsn`;
    if (ALL_PROJECTIONS.every((p) => rows.some((r) => r.projection === p))) break;
    if (projector.exitCode !== null) throw new Error(`the projector exited with ${projector.exitCode} during its initial load`);
    if (performance.now() - lastNote > 10_000) {
      lastNote = performance.now();
      progress.note(`initial load: ${rows.length}/${ALL_PROJECTIONS.length} projections done after ${((lastNote - started) / 1000).toFixed(0)} s`);
    }
    if (performance.now() - started > 60 * 60_000) throw new Error('the initial load did not finish within an hour');
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - started;
  const c = ctx.catalog.counts;
  const rows = c.products + c.categories + c.customers + c.orders + c.orderLines + c.stockLevels;
  ctx.figures.push(
    {
      id: 'throughput.initialLoad',
      section: 'throughput',
      name: 'initial load: every read model and the index from a snapshot',
      unit: 'rows/s',
      load: `${rows.toLocaleString('en')} write rows`,
      ours: { value: (rows / ms) * 1000, note: `${(ms / 1000).toFixed(1)} s from process start until every projection was streaming` },
    },
    { id: 'resources.projector.initialLoad', section: 'resources', name: 'projector peak memory (RSS) during the initial load', unit: 'MB', load: `${c.products.toLocaleString('en')} products`, ours: { value: peak.stop() } },
  );
}
