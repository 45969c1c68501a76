import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createWriteDb } from '@/db/clients';
import { ALL_PROJECTIONS } from '@/db/read/projections';
import { compareLsn } from '@/lib/lsn';
import { connectChangeStream, readTail, type ChangeStreamClient } from '@/projector/changeStream/jetstream';
import { startProjector } from '@/scripts/stack/appProcesses';
import { startNats, type NatsServer } from '@/scripts/stack/nats';
import { freePort, pipeWithPrefix, stopGroup, waitFor } from '@/scripts/stack/processes';
import { rememberVersion, type BenchContext } from '../context';
import { openLoop } from '../drive';
import { projectorAnswers } from '../stack';
import { summarize } from '../stats';
import { writeBurst } from './burst';
import { rawReplicationRead } from './catchUp';
import { priceChanger, summaryWatcher } from './lag';

const RAW_SLOT = 'bench_stream_raw';
const PUBLISHER_SLOT = 'bench_change_stream';

/**
 * The change stream: a nats-server and the publisher beside the stack. Measured: the snapshot
 * publish; the publish rate over a burst the publisher missed (killed before it) against
 * pg_recvlogical reading the same WAL; and commit → visible in product_summaries through the
 * stream (a projector worker reading JetStream) against the direct path (the projector on the
 * slot), at the same rate in the same run.
 */
export async function measureStream(ctx: BenchContext): Promise<void> {
  const { stack, progress, write } = ctx;
  const dir = mkdtempSync(join(tmpdir(), 'storefront-bench-nats-'));
  let nats: NatsServer | undefined;
  let client: ChangeStreamClient | undefined;
  let publisher: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  const commands = createWriteDb(stack.env.DATABASE_URL, { max: 8, applicationName: 'bench-stream' });
  try {
    nats = await startNats({ dataDir: dir, port: await freePort() });
    const env = { ...stack.env, CHANGE_STREAM_URL: nats.url, PUBLISHER_SLOT, CHANGE_STREAM_HEARTBEAT_MS: '100' };
    client = await connectChangeStream(nats.url, 'bench');
    const jsm = client.jsm;
    const startPublisher = () => {
      const child = startProjector(env, { args: ['publish'] });
      pipeWithPrefix(child, '[publisher]', process.stderr);
      return child;
    };
    const streamHolds = async (lsn: string) => {
      const { tail } = await readTail(jsm).catch(() => ({ tail: undefined }));
      return tail !== undefined && (tail.kind === 'end' || tail.kind === 'heartbeat') && compareLsn(tail.commitLsn, lsn) >= 0;
    };

    progress.note('publisher: snapshot of the write model');
    const snapshotStarted = performance.now();
    publisher = startPublisher();
    const afterSnapshot = await currentLsn(ctx);
    await waitFor('the snapshot to be published', () => streamHolds(afterSnapshot), 30 * 60_000, 100);
    const snapshotMs = performance.now() - snapshotStarted;
    const snapshotMessages = (await jsm.streams.info('SHOP')).state.messages;

    // The publisher misses a burst, then publishes it from its slot; pg_recvlogical reads the same WAL.
    await stopGroup(publisher, 'SIGKILL');
    await write`select pg_create_logical_replication_slot(${RAW_SLOT}, 'wal2json')`;
    const changes = Math.max(200, Math.round(ctx.options.burstChanges / 4));
    const bar = progress.bar('burst for the publisher', changes);
    const burst = await writeBurst(stack.env.ADMIN_DATABASE_URL, ctx.catalog.productIds, changes, (done) => bar.set(done));
    bar.done();
    ctx.versions.clear();
    const end = await currentLsn(ctx);
    const total = burst.reduce((s, t) => s + t.changes, 0);
    const rawMs = await rawReplicationRead(stack.env.ADMIN_DATABASE_URL, end, RAW_SLOT);
    const before = (await jsm.streams.info('SHOP')).state.messages;
    const spawned = performance.now();
    publisher = startPublisher();
    // Timed from the first message stored (the process start is not publishing).
    await waitFor('the publisher to start publishing', async () => (await jsm.streams.info('SHOP')).state.messages > before, 120_000, 10);
    const publishStarted = performance.now();
    await waitFor('the burst to be published', () => streamHolds(end), 30 * 60_000, 20);
    const publishMs = performance.now() - publishStarted;
    const messages = (await jsm.streams.info('SHOP')).state.messages - before;

    // Lag: the direct path, then the same rate through the stream.
    const rate = ctx.options.lagRates[0]!;
    const duration = Math.min(ctx.options.lagMs, 10_000);
    const change = priceChanger(ctx, commands.db);
    let offset = 0;
    const lagRun = async (base: number) => {
      const summary = summaryWatcher(ctx).start();
      const result = await openLoop(rate, duration, async (i) => {
        const id = ctx.editable[(offset + i) % ctx.editable.length]!;
        const out = await change(id, base + i);
        rememberVersion(ctx.versions, id, out.version);
        summary.add({ id, version: out.version, priceCents: base + i, committedAt: performance.now() });
      });
      offset += result.samples.length;
      const missing = await summary.finish(60_000);
      return { lags: summary.lags, missing };
    };
    // The stack's projector has the same burst to apply: its lag is measured once it has.
    await waitFor('the projector to apply the burst', () => checkpointsPast(ctx, end), 30 * 60_000, 100);
    progress.note(`lag at ${rate} cmd/s: the projector on the slot`);
    const direct = await lagRun(7_000_000);
    await stack.stopProjector('SIGTERM');
    const port = await freePort();
    progress.note('a projector worker on the stream: recomputing its read models, then the same rate');
    const workerStarted = performance.now();
    worker = startProjector({ ...env, PROJECTOR_METRICS_PORT: String(port) });
    pipeWithPrefix(worker, '[worker]', process.stderr);
    const position = await currentLsn(ctx);
    await waitFor('the worker to catch up', async () => (await projectorAnswers(port, '/readyz')) && (await checkpointsPast(ctx, position)), 30 * 60_000, 100);
    const recomputeMs = performance.now() - workerStarted;
    const streamed = await lagRun(7_500_000);

    const load = `${rate} cmd/s`;
    ctx.figures.push(
      {
        id: 'stream.publish',
        section: 'throughput',
        name: 'publisher: slot → change events stored in JetStream',
        unit: 'changes/s',
        load: `${total.toLocaleString('en')} changes behind`,
        ours: { value: (total / publishMs) * 1000, note: `${messages.toLocaleString('en')} messages (events, markers, domain events) in ${(publishMs / 1000).toFixed(1)} s from the first one stored, ${((publishStarted - spawned) / 1000).toFixed(1)} s after the process started` },
        baseline: { name: 'pg_recvlogical + wal2json → /dev/null, same WAL', value: (total / rawMs) * 1000, note: `${(rawMs / 1000).toFixed(1)} s` },
      },
      {
        id: 'stream.snapshot',
        section: 'throughput',
        name: 'publisher: snapshot of the write model as r events',
        unit: 'rows/s',
        ours: { value: (snapshotMessages / snapshotMs) * 1000, note: `${snapshotMessages.toLocaleString('en')} messages in ${(snapshotMs / 1000).toFixed(1)} s from process start; a new worker then recomputed its read models in ${(recomputeMs / 1000).toFixed(1)} s` },
      },
      {
        id: 'stream.lag',
        section: 'lag',
        name: 'commit → visible in product_summaries, through the stream',
        unit: 'ms',
        load,
        ours: { stats: summarize(streamed.lags), errors: streamed.missing, note: 'slot → publisher → JetStream → projector worker' },
        baseline: { name: 'the projector on the slot, same rate, same run', stats: summarize(direct.lags), errors: direct.missing },
      },
    );
  } finally {
    await commands.sql.end({ timeout: 5 });
    if (worker) await stopGroup(worker, 'SIGTERM', 30_000);
    if (publisher) await stopGroup(publisher, 'SIGKILL');
    await client?.close();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
    // A slot nobody reads holds WAL back.
    await write`select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name in (${RAW_SLOT}, ${PUBLISHER_SLOT}) and not active`.catch(() => {});
    if (!stack.projector) {
      stack.startProjector();
      await waitFor('the projector to stream again', () => projectorAnswers(stack.env.PROJECTOR_METRICS_PORT, '/readyz'), 30 * 60_000, 100);
    }
  }
}

async function currentLsn(ctx: BenchContext): Promise<string> {
  return (await ctx.write<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`)[0]!.lsn;
}

async function checkpointsPast(ctx: BenchContext, lsn: string): Promise<boolean> {
  const [row] = await ctx.read<{ behind: number; n: number }[]>`
    select count(*) filter (where lsn < ${lsn}::pg_lsn)::int as behind, count(*)::int as n from projection_checkpoints`;
  return row!.behind === 0 && row!.n === ALL_PROJECTIONS.length;
}
