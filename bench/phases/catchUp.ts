import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { PRODUCT_SEARCH, SQL_PROJECTIONS } from '@/db/read/projections';
import { PROJECTED_TABLES } from '@/db/write/schema';
import { compareLsn, minLsn } from '@/lib/lsn';
import { wal2jsonOptions } from '@/projector/source/wal2json';
import { PG_BIN } from '@/scripts/stack/postgres';
import { loginAs } from '@/test/support/api';
import type { BenchContext } from '../context';
import { cpuWindow, pick } from '../context';
import { sampleTreePeak } from '../memory';
import { projectorAnswers } from '../stack';
import { writeBurst, writeMarker, type BurstTransaction } from './burst';

const RAW_SLOT = 'bench_raw';
/** Past this, the rate is reported over what was applied so far (and the note says so). */
const CATCH_UP_LIMIT_MS = 15 * 60_000;

/** The plugin options the projector streams with, as pg_recvlogical `-o` flags. */
function recvlogicalOptions(): string[] {
  const o = wal2jsonOptions(PROJECTED_TABLES);
  const pairs: [string, string | boolean][] = [
    ['format-version', o.formatVersion],
    ['include-xids', o.includeXids],
    ['include-timestamp', o.includeTimestamp],
    ['include-lsn', o.includeLsn],
    ['include-types', o.includeTypes],
    ['include-transaction', o.includeTransaction],
    ['add-tables', o.addTables],
  ];
  return pairs.flatMap(([k, v]) => ['-o', `${k}=${typeof v === 'boolean' ? (v ? '1' : '0') : v}`]);
}

/** pg_recvlogical with wal2json from a raw slot up to `endLsn`, into /dev/null: ms taken. */
export async function rawReplicationRead(adminUrl: string, endLsn: string, slot = RAW_SLOT): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const args = ['-d', adminUrl, '--slot', slot, '--start', '--endpos', endLsn, '--no-loop', '-F', '0', '-f', '/dev/null', ...recvlogicalOptions()];
    const child = spawn(`${PG_BIN}/pg_recvlogical`, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_recvlogical exited with ${code}: ${stderr}`))));
  });
  return performance.now() - started;
}

async function checkpoints(ctx: BenchContext): Promise<{ sql: string; search: string }> {
  const rows = await ctx.read<{ projection: string; lsn: string }[]>`select projection, lsn::text as lsn from projection_checkpoints`;
  const sqlLsns = rows.filter((r) => (SQL_PROJECTIONS as readonly string[]).includes(r.projection)).map((r) => r.lsn);
  return { sql: sqlLsns.reduce(minLsn), search: rows.find((r) => r.projection === PRODUCT_SEARCH)!.lsn };
}

/** The burst's changes a projector at `checkpoint` has still to apply. */
function changesBehind(burst: BurstTransaction[], checkpoint: string): number {
  return burst.filter((t) => compareLsn(checkpoint, t.lsnBeforeCommit) <= 0).reduce((sum, t) => sum + t.changes, 0);
}


/**
 * Projector catch-up: the projector is SIGKILLed early in a large burst of writes and restarted
 * once the burst is done. The same WAL is first read raw by pg_recvlogical (the ceiling); then
 * the projector's rate into the SQL read models and into the index is measured up to a marker
 * change written after the burst, with the peak memory of the projector and of the web server
 * (answering reads meanwhile).
 */
export async function measureCatchUp(ctx: BenchContext): Promise<void> {
  const { write, stack, progress, catalog } = ctx;
  await write`select pg_create_logical_replication_slot(${RAW_SLOT}, 'wal2json')`;
  try {
    const bar = progress.bar('burst', ctx.options.burstChanges);
    let killed = false;
    const burst = await writeBurst(stack.env.ADMIN_DATABASE_URL, catalog.productIds, ctx.options.burstChanges, async (done) => {
      bar.set(done);
      if (!killed && done >= ctx.options.burstChanges * 0.05) {
        killed = true;
        await stack.stopProjector('SIGKILL');
      }
    });
    bar.done();
    if (!killed) await stack.stopProjector('SIGKILL');
    ctx.versions.clear(); // the burst changed prices behind the version cache's back
    const marker = await writeMarker(stack.env.ADMIN_DATABASE_URL, catalog.productIds[0]!);
    const end = (await write<{ end: string }[]>`select pg_current_wal_lsn()::text as end`)[0]!.end;
    const total = burst.reduce((s, t) => s + t.changes, 0);

    progress.note(`pg_recvlogical over the same WAL (${total.toLocaleString('en')} changes)`);
    const rawMs = await rawReplicationRead(stack.env.ADMIN_DATABASE_URL, end);
    const rawRate = (total / rawMs) * 1000;

    const stoppedAt = await checkpoints(ctx);
    const behindSql = changesBehind(burst, stoppedAt.sql);
    const behindSearch = changesBehind(burst, stoppedAt.search);
    progress.note(`projector restarted ${behindSql.toLocaleString('en')} changes behind`);
    const spawned = performance.now();
    const projector = stack.startProjector();
    const cpu = cpuWindow(ctx);
    const projectorPeak = sampleTreePeak(projector.pid!);
    const webPeak = sampleTreePeak(stack.web!.pid!);
    const { api } = await loginAs(stack.webUrl, 'viewer');
    // Staff keep reading meanwhile, at a modest pace (a closed loop would take a core from the projector).
    let reading = true;
    const reads = (async () => {
      for (let i = 0; reading; i++) {
        await api.catalog.product.query({ id: pick(catalog.productIds, i) }).catch(() => {});
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    let streamingAt: number | undefined;
    let sqlDoneAt: number | undefined;
    let searchDoneAt: number | undefined;
    const catchBar = progress.bar('catch-up (SQL read models)', behindSql);
    const past = (checkpoint: string) => compareLsn(checkpoint, marker.lsnBeforeCommit) > 0;
    while (sqlDoneAt === undefined || searchDoneAt === undefined) {
      if (streamingAt === undefined && (await projectorAnswers(stack.env.PROJECTOR_METRICS_PORT, '/readyz'))) streamingAt = performance.now();
      const at = await checkpoints(ctx);
      if (sqlDoneAt === undefined) {
        if (past(at.sql)) sqlDoneAt = performance.now();
        else catchBar.set(behindSql - changesBehind(burst, at.sql));
      }
      if (searchDoneAt === undefined && past(at.search)) searchDoneAt = performance.now();
      if (performance.now() - spawned > CATCH_UP_LIMIT_MS) break;
      if (projector.exitCode !== null) throw new Error(`the projector exited with ${projector.exitCode} while catching up`);
      await new Promise((r) => setTimeout(r, 20));
    }
    catchBar.done();
    const stoppedWaiting = performance.now();
    const doneSql = sqlDoneAt;
    const doneSearch = searchDoneAt;
    const final = await checkpoints(ctx);
    const appliedSql = sqlDoneAt === undefined ? behindSql - changesBehind(burst, final.sql) : behindSql;
    const appliedSearch = searchDoneAt === undefined ? behindSearch - changesBehind(burst, final.search) : behindSearch;
    const unfinished = (done: number | undefined, applied: number, behind: number) =>
      done === undefined ? `; NOT caught up after ${CATCH_UP_LIMIT_MS / 60_000} min: rate over the ${applied.toLocaleString('en')} of ${behind.toLocaleString('en')} changes applied` : '';
    sqlDoneAt ??= stoppedWaiting;
    searchDoneAt ??= stoppedWaiting;
    reading = false;
    await reads;
    const usage = cpu();
    const projectorMb = projectorPeak.stop();
    const webMb = webPeak.stop();
    const from = streamingAt ?? spawned;
    const raw = { name: 'pg_recvlogical + wal2json → /dev/null, same WAL', value: rawRate, note: `${total.toLocaleString('en')} changes in ${(rawMs / 1000).toFixed(1)} s` };
    ctx.figures.push(
      {
        id: 'throughput.catchup.sql',
        section: 'throughput',
        name: 'projector catch-up into the SQL read models',
        unit: 'changes/s',
        load: `${behindSql.toLocaleString('en')} changes behind`,
        ours: {
          value: (appliedSql / (sqlDoneAt - from)) * 1000,
          note: `${((sqlDoneAt - spawned) / 1000).toFixed(1)} s from process start, of which ${((from - spawned) / 1000).toFixed(1)} s before streaming (not counted in the rate); ${usage.note}${unfinished(doneSql, appliedSql, behindSql)}`,
        },
        baseline: raw,
      },
      {
        id: 'throughput.catchup.search',
        section: 'throughput',
        name: 'projector catch-up into Meilisearch',
        unit: 'changes/s',
        load: `${behindSearch.toLocaleString('en')} changes behind`,
        ours: {
          value: (appliedSearch / (searchDoneAt - from)) * 1000,
          note: `${((searchDoneAt - spawned) / 1000).toFixed(1)} s from process start${unfinished(doneSearch, appliedSearch, behindSearch)}`,
        },
        baseline: { name: raw.name, value: raw.value },
      },
      {
        id: 'resources.projector.catchup',
        section: 'resources',
        name: 'projector peak memory (RSS) during catch-up',
        unit: 'MB',
        load: `${behindSql.toLocaleString('en')} changes behind`,
        ours: { value: projectorMb },
      },
      {
        id: 'resources.web.catchup',
        section: 'resources',
        name: 'web server peak memory (RSS) during catch-up, serving reads',
        unit: 'MB',
        load: '20 reads/s',
        ours: { value: webMb },
      },
    );
  } finally {
    await write`select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = ${RAW_SLOT}`;
  }
}
