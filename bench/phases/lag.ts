import { performance } from 'node:perf_hooks';
import { Meilisearch } from 'meilisearch';
import { createWriteDb } from '@/db/clients';
import { changePrice } from '@/server/commands/changePrice';
import { DomainError } from '@/server/domain/errors';
import { rememberVersion, type BenchContext } from '../context';
import { openLoop } from '../drive';
import { summarize } from '../stats';

export interface Pending {
  id: string;
  version: number;
  priceCents: number;
  /** When the command returned: its commit happened just before. */
  committedAt: number;
}

const POLL_MS = 10;

/**
 * Watches for committed changes to show up, every POLL_MS: a product summary at the command's
 * version, a search document at the command's price. Each lag is response → first poll that
 * saw it, so it over-reads by up to one poll interval and one query.
 */
export class Watcher {
  /** Each lag with the commit time it was measured from. */
  readonly timed: { committedAt: number; lag: number }[] = [];
  private readonly waiting = new Map<string, Pending>();
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly seen: (pending: Pending[]) => Promise<Set<string>>) {}

  start(): this {
    this.loop = (async () => {
      while (!this.stopped || this.waiting.size > 0) {
        if (this.waiting.size > 0) {
          const batch = [...this.waiting.values()].slice(0, 1000);
          const found = await this.seen(batch);
          const now = performance.now();
          for (const p of batch) {
            if (!found.has(p.id)) continue;
            this.timed.push({ committedAt: p.committedAt, lag: now - p.committedAt });
            this.waiting.delete(p.id);
          }
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    })();
    return this;
  }

  get lags(): number[] {
    return this.timed.map((t) => t.lag);
  }

  add(p: Pending): void {
    this.waiting.set(p.id, p);
  }

  /** Wait for what is still in flight (at most `timeoutMs`); what never showed up is counted. */
  async finish(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.waiting.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const missing = this.waiting.size;
    this.waiting.clear();
    this.stopped = true;
    await this.loop;
    return missing;
  }
}

/**
 * Lag under a sustained write rate: price changes on a fixed schedule (open loop), each on a
 * product of its own, watched until the summary table and the search index show it. The
 * commands run in process through the real handlers (the web server alone cannot take 500
 * commands/s on this machine: see the HTTP figures), so the lag measured is the projector's.
 */
export async function measureLag(ctx: BenchContext): Promise<void> {
  const commands = createWriteDb(ctx.stack.env.DATABASE_URL, { max: 16, applicationName: 'bench-lag' });
  try {
    await measureRates(ctx, commands.db);
  } finally {
    await commands.sql.end({ timeout: 5 });
  }
}

/** A price change through the real handler, retried once at the current version on a conflict. */
export function priceChanger(ctx: BenchContext, db: ReturnType<typeof createWriteDb>['db']) {
  return async (id: string, priceCents: number) => {
    const input = (expectedVersion: number) => ({ id, expectedVersion, priceCents });
    try {
      return await changePrice({ db }, ctx.stack.admin, input(ctx.versions.get(id) ?? 1));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'CONFLICT' || error.details.currentVersion === undefined) throw error;
      return changePrice({ db }, ctx.stack.admin, input(error.details.currentVersion));
    }
  };
}

/** Products whose summary row is at the pending change's version. */
export function summaryWatcher(ctx: BenchContext): Watcher {
  return new Watcher(async (batch) => {
    const rows = await ctx.read<{ id: string; version: number }[]>`
      select id, version from product_summaries where id = any(${batch.map((p) => p.id)}::uuid[])`;
    const want = new Map(batch.map((p) => [p.id, p.version]));
    return new Set(rows.filter((r) => r.version >= want.get(r.id)!).map((r) => r.id));
  });
}

async function measureRates(ctx: BenchContext, db: ReturnType<typeof createWriteDb>['db']): Promise<void> {
  const change = priceChanger(ctx, db);
  const meili = new Meilisearch({ host: ctx.stack.env.MEILI_URL, apiKey: ctx.stack.env.MEILI_MASTER_KEY });
  const index = meili.index(ctx.stack.env.MEILI_INDEX);
  let offset = 0;
  for (const rate of ctx.options.lagRates) {
    const total = Math.min(Math.round((rate * ctx.options.lagMs) / 1000), ctx.editable.length);
    const duration = (total / rate) * 1000;
    ctx.progress.note(`${rate} commands/s for ${(duration / 1000).toFixed(0)} s`);
    const summary = summaryWatcher(ctx).start();
    const search = new Watcher(async (batch) => {
      const docs = await index.getDocuments<{ id: string; priceCents: number }>({ ids: batch.map((p) => p.id), fields: ['id', 'priceCents'], limit: batch.length });
      const want = new Map(batch.map((p) => [p.id, p.priceCents]));
      return new Set(docs.results.filter((d) => d.priceCents === want.get(d.id)).map((d) => d.id));
    }).start();
    // Prices no product had before: the search watcher can tell this change from any earlier one.
    const base = 9_000_000 + offset * 10;
    const started = performance.now();
    const phaseStart = new Date();
    const result = await openLoop(rate, duration, async (i) => {
      const id = ctx.editable[(offset + i) % ctx.editable.length]!;
      const priceCents = base + i;
      const out = await change(id, priceCents);
      rememberVersion(ctx.versions, id, out.version);
      const pending = { id, version: out.version, priceCents, committedAt: performance.now() };
      summary.add(pending);
      search.add(pending);
    });
    const achieved = (result.samples.length / (performance.now() - started)) * 1000;
    const tasks = await meiliTaskNote(meili, ctx.stack.env.MEILI_INDEX, phaseStart);
    offset += total;
    const missingSummary = await summary.finish(30_000);
    const missingSearch = await search.finish(60_000);
    const load = `${rate} cmd/s`;
    const note = `${result.samples.length} commands at ${achieved.toFixed(0)}/s achieved; command p99 ${summarize(result.samples).p99.toFixed(1)} ms`;
    const failures = result.errors ? `; ${result.errors} commands failed (${result.firstError})` : '';
    ctx.figures.push(
      {
        id: `lag.summary.r${rate}`,
        section: 'lag',
        name: 'commit → visible in product_summaries',
        unit: 'ms',
        load,
        ours: { stats: summarize(summary.lags), errors: missingSummary, note: note + failures },
      },
      {
        id: `lag.search.r${rate}`,
        section: 'lag',
        name: 'commit → searchable in Meilisearch',
        unit: 'ms',
        load,
        ours: { stats: summarize(search.lags), errors: missingSearch, note: tasks },
      },
    );
  }
}

const seconds = (iso: string | null) => (iso ? Number(/PT([\d.]+)S/.exec(iso)?.[1] ?? Number.NaN) : Number.NaN);

/** How the index's own tasks went meanwhile: how many, how long each waited and took. */
async function meiliTaskNote(meili: Meilisearch, indexUid: string, since: Date): Promise<string> {
  const { results } = await meili.tasks.getTasks({ indexUids: [indexUid], afterEnqueuedAt: since.toISOString(), limit: 1000 });
  const done = results.filter((t) => t.status === 'succeeded');
  if (done.length === 0) return 'no Meilisearch task finished';
  const took = summarize(done.map((t) => seconds(t.duration) * 1000));
  const waited = summarize(done.map((t) => new Date(t.startedAt!).getTime() - new Date(t.enqueuedAt).getTime()));
  return `${done.length} Meilisearch tasks: processing median ${took.median.toFixed(0)} ms, p95 ${took.p95.toFixed(0)} ms; queued median ${waited.median.toFixed(0)} ms`;
}
