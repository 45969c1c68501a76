import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalog } from './data/loadCatalog';
import { adminSql, type BenchContext } from './context';
import type { BenchReport } from './figures';
import { machineInfo } from './machine';
import { BENCH_USAGE, parseBenchArgs, type BenchPhase } from './options';
import { measureCatchUp } from './phases/catchUp';
import { measureHttpCommands } from './phases/commandsHttp';
import { measureInProcessCommands } from './phases/commandsInProcess';
import { measureInitialLoad } from './phases/initialLoad';
import { measureLag } from './phases/lag';
import { measureQueries } from './phases/queries';
import { measureSearchRebuild } from './phases/rebuild';
import { measureStream } from './phases/stream';
import { measureTakeover } from './phases/takeover';
import { Progress } from './progress';
import { renderMarkdown } from './report';
import { BenchStack } from './stack';
import { withTargets } from './targets';

/**
 * `npm run bench [-- --quick | --tiny]`: starts its own stack, loads a catalog, measures, and
 * prints a Markdown table (also written as results.md and results.json under --out).
 */
async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  if ('error' in options) {
    process.stderr.write(`${options.error}\n${BENCH_USAGE}`);
    return 2;
  }
  const startedAt = new Date();
  const t0 = performance.now();
  const progress = new Progress(3 + options.phases.length);
  progress.begin(`starting Postgres and Meilisearch (${options.mode} mode)`);
  const stack = await BenchStack.start((line) => progress.note(line));
  const stop = () => {
    void stack.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const write = adminSql(stack.env.ADMIN_DATABASE_URL);
  const read = adminSql(stack.env.ADMIN_READ_DATABASE_URL);
  try {
    progress.begin(`loading ${options.products.toLocaleString('en')} products and ${options.orderLines.toLocaleString('en')} order lines`);
    const bar = progress.bar('catalog (%)', 100);
    const catalog = await loadCatalog(stack.env.ADMIN_DATABASE_URL, { products: options.products, orderLines: options.orderLines }, (done, total) => {
      bar.set(total > 0 ? Math.floor((100 * done) / total) : 0);
    });
    bar.done();
    const ctx: BenchContext = { options, stack, progress, catalog, write, read, orderable: [], editable: [], versions: new Map(), figures: [] };
    for (const row of await write<{ id: string; version: number; status: string }[]>`select id, version, status from products`) {
      ctx.versions.set(row.id, row.version);
      if (row.status !== 'archived') ctx.editable.push(row.id);
    }

    progress.begin('initial load by the projector');
    await measureInitialLoad(ctx);
    await stack.startWeb();
    ctx.orderable = (
      await write<{ id: string }[]>`
        select p.id from products p
         where p.status = 'active' and (select coalesce(sum(quantity), 0) from stock_levels s where s.product_id = p.id) >= 20
         order by p.id limit 20000`
    ).map((r) => r.id);
    if (ctx.orderable.length === 0) throw new Error('no product has stock to order');
    // A phase that fails is reported and the run goes on: the other figures are still worth having.
    const failures: string[] = [];
    const phase = async (name: BenchPhase, title: string, run: () => Promise<void>) => {
      if (!options.phases.includes(name)) return;
      progress.begin(title);
      try {
        await run();
      } catch (error) {
        failures.push(`${title}: ${error instanceof Error ? error.message : String(error)}`);
        progress.note(`FAILED: ${failures.at(-1)}`);
      }
    };

    await phase('queries', 'queries over HTTP, and read model against write schema', () => measureQueries(ctx));
    await phase('commands', 'commands over HTTP at 1, 8 and 32 clients', () => measureHttpCommands(ctx));
    await phase('in-process', 'commands in process: asynchronous projection against synchronous read-model updates', () => measureInProcessCommands(ctx));
    await phase('lag', 'lag under a sustained write rate', () => measureLag(ctx));
    await phase('takeover', 'projector takeover: two projectors, the active one SIGKILLed under load', () => measureTakeover(ctx));
    await phase('rebuild', 'full rebuild of the search index against a Meilisearch bulk load', () => measureSearchRebuild(ctx));
    await phase('catch-up', `catch-up after a burst of ${options.burstChanges.toLocaleString('en')} changes`, () => measureCatchUp(ctx));
    await phase('stream', 'change events on NATS JetStream: publish rate, and lag through the stream against the slot', () => measureStream(ctx));

    const report: BenchReport = {
      startedAt: startedAt.toISOString(),
      durationS: (performance.now() - t0) / 1000,
      mode: options.mode,
      data: { ...catalog.counts },
      machine: await machineInfo(write, stack.env.MEILI_URL, stack.env.MEILI_MASTER_KEY),
      figures: withTargets(ctx.figures),
      failures,
    };
    const markdown = renderMarkdown(report);
    const outDir = resolve(options.outDir);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(outDir, 'results.md'), markdown);
    process.stdout.write(`\n${markdown}`);
    process.stderr.write(`\nwritten to ${join(outDir, 'results.md')} and results.json\n`);
    return failures.length > 0 ? 1 : 0;
  } finally {
    await Promise.all([write.end({ timeout: 5 }), read.end({ timeout: 5 })]);
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
