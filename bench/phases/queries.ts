import { isDeepStrictEqual } from 'node:util';
import { Meilisearch } from 'meilisearch';
import type { z } from 'zod';
import { searchProducts } from '@/server/queries/searchProducts';
import { searchProductsInput } from '@/server/queries/searchProducts.input';
import { loginAs, type ApiClient } from '@/test/support/api';
import { READ_PAIRS, searchFromWriteSchema, type ReadPair } from '../baselines/writeSchemaReads';
import type { BenchContext } from '../context';
import { measuredOverHttp, pick } from '../context';
import { closedLoop } from '../drive';
import type { Figure } from '../figures';
import { summarize } from '../stats';

type Query = (i: number) => Promise<unknown>;
type SearchInput = z.input<typeof searchProductsInput>;

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The search requests the bench sends, as inputs: the same ones go over HTTP and, as the baseline, straight to Meilisearch. */
function searchInputs(ctx: BenchContext): Record<string, { name: string; input: (i: number) => SearchInput }> {
  const { catalog } = ctx;
  const terms = [...catalog.searchTerms.common, ...catalog.searchTerms.rare];
  return {
    'search.text': { name: 'search.products: text', input: (i) => ({ q: pick(terms, i) }) },
    'search.facets': {
      name: 'search.products: text + facet filters',
      input: (i) => ({ q: pick(catalog.searchTerms.common, i), filters: { brand: [pick(catalog.brands, i)], tags: [pick(catalog.tags, i)] } }),
    },
    'search.filters': {
      name: 'search.products: filters, no text',
      input: (i) => ({ filters: { inStock: true, status: ['active'], minPriceCents: (i % 50) * 100, maxPriceCents: (i % 50) * 100 + 20_000 } }),
    },
    'search.sort': { name: 'search.products: text, price sort, page 2', input: (i) => ({ q: pick(catalog.searchTerms.common, i), sort: 'price:asc', page: 2 }) },
  };
}

/** The clients a query is sent through: the web tier and the bare tRPC baseline server. */
interface Apis {
  api: ApiClient;
  bare: ApiClient;
}

interface HttpQuery {
  name: string;
  call: Query;
  /** The same search requests straight to Meilisearch. */
  direct?: Query;
  /** The same call to the bare tRPC server. */
  bare?: Query;
}

/** The queries the issue names, over the real tRPC HTTP endpoint, with varied inputs. */
function httpQueries(ctx: BenchContext, { api, bare }: Apis): Record<string, HttpQuery> {
  const { catalog } = ctx;
  const statuses = [['placed'], ['paid'], ['shipped'], ['paid', 'shipped']] as const;
  // The web server's own search code, run in the bench process against Meilisearch: the floor the HTTP figure sits on.
  const meili = new Meilisearch({ host: ctx.stack.env.MEILI_URL, apiKey: ctx.stack.env.MEILI_SEARCH_KEY });
  const searches = Object.fromEntries(
    Object.entries(searchInputs(ctx)).map(([id, s]) => [
      id,
      {
        name: s.name,
        call: (i: number) => api.search.products.query(s.input(i)),
        direct: (i: number) => searchProducts(meili, ctx.stack.env.MEILI_INDEX, searchProductsInput.parse(s.input(i))),
      },
    ]),
  );
  return {
    ...searches,
    'auth.me': { name: 'auth.me', call: () => api.auth.me.query(), bare: () => bare.auth.me.query() },
    'catalog.product': {
      name: 'catalog.product',
      call: (i) => api.catalog.product.query({ id: pick(catalog.productIds, i) }),
      bare: (i) => bare.catalog.product.query({ id: pick(catalog.productIds, i) }),
    },
    'orders.list': {
      name: 'orders.list: status + 30 days',
      call: (i) => {
        const to = Date.now() - (i % 300) * DAY_MS;
        return api.orders.list.query({ status: [...pick(statuses, i)], from: new Date(to - 30 * DAY_MS), to: new Date(to) });
      },
    },
    'analytics.salesDaily': {
      name: 'analytics.salesDaily: 90 days',
      call: (i) => {
        const to = Date.now() - (i % 200) * DAY_MS;
        return api.analytics.salesDaily.query({ from: isoDay(to - 89 * DAY_MS), to: isoDay(to), currency: catalog.currency });
      },
    },
  };
}

/**
 * Queries over HTTP at the 8 clients; then each read answered by the read model and by
 * the write schema with joins and aggregates, as plain SQL at the same concurrency (what CQRS buys).
 */
export async function measureQueries(ctx: BenchContext): Promise<void> {
  const { api } = await loginAs(ctx.stack.webUrl, 'viewer');
  const bareUrl = await ctx.stack.startBareApi();
  try {
    const apis: Apis = { api, bare: (await loginAs(bareUrl, 'viewer')).api };
    await measureHttpQueries(ctx, httpQueries(ctx, apis));
  } finally {
    await ctx.stack.stopBareApi();
  }
  await measureReadPairs(ctx);
}

async function measureHttpQueries(ctx: BenchContext, queries: Record<string, HttpQuery>): Promise<void> {
  const clients = ctx.options.queryClients;
  const load = `${clients} clients`;
  for (const [id, query] of Object.entries(queries)) {
    ctx.progress.note(`${id} × ${clients} clients`);
    const figure: Figure = { id: `query.${id}.c${clients}`, section: 'queries', name: `${query.name} (HTTP)`, unit: 'ms', load, ours: await measuredOverHttp(ctx, clients, (_c, i) => query.call(i)) };
    if (query.direct) {
      const direct = query.direct;
      const base = await closedLoop(clients, ctx.options.measureMs, (_c, i) => direct(i).then(() => undefined));
      figure.baseline = { name: 'the same Meilisearch requests, straight from the bench (no web tier)', stats: summarize(base.samples), errors: base.errors };
    }
    if (query.bare) {
      const bareCall = query.bare;
      const bare = await measuredOverHttp(ctx, clients, (_c, i) => bareCall(i), 'bare');
      figure.baseline = { ...bare, name: `the same router on a bare tRPC Node server, no Next (${bare.webCpuMsPerCall?.toFixed(2) ?? '—'} ms CPU/call)`, note: undefined };
    }
    ctx.figures.push(figure);
    if (id === 'search.text') {
      // What CQRS buys for search: the same text search on the write schema.
      const terms = [...ctx.catalog.searchTerms.common, ...ctx.catalog.searchTerms.rare];
      const sql = await closedLoop(clients, ctx.options.measureMs, (_c, i) => searchFromWriteSchema(ctx.write, pick(terms, i)).then(() => undefined));
      ctx.figures.push({
        id: `query.search.writeSchema.c${clients}`,
        section: 'queries',
        name: 'search.products: text on the write schema (ILIKE + facet GROUP BYs, SQL, no HTTP)',
        unit: 'ms',
        load,
        ours: { stats: summarize(sql.samples), errors: sql.errors },
      });
    }
  }
}

/** Each read answered by the read model and by the write schema, as plain SQL at the query clients (what CQRS buys). */
async function measureReadPairs(ctx: BenchContext): Promise<void> {
  const clients = ctx.options.queryClients;
  const load = `${clients} clients`;
  for (const pair of READ_PAIRS) {
    await assertPairAgrees(ctx, pair);
    ctx.progress.note(`${pair.name}: read model vs write schema × ${clients} clients`);
    const ours = await closedLoop(clients, ctx.options.measureMs, (_c, i) => pair.readModel(ctx.read, pair.sample(ctx.catalog, i)).then(() => undefined));
    const base = await closedLoop(clients, ctx.options.measureMs, (_c, i) => pair.writeSchema(ctx.write, pair.sample(ctx.catalog, i)).then(() => undefined));
    ctx.figures.push({
      id: `read.${pair.name}.c${clients}`,
      section: 'queries',
      name: `${pair.name}: read model (SQL)`,
      unit: 'ms',
      load,
      ours: { stats: summarize(ours.samples), errors: ours.errors },
      baseline: { name: 'write schema joins + aggregates (SQL)', stats: summarize(base.samples), errors: base.errors },
    });
  }
}

/** A baseline that answers something else measures nothing: the first samples must agree (the projector is caught up). */
async function assertPairAgrees(ctx: BenchContext, pair: ReadPair<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const sample = pair.sample(ctx.catalog, i);
    const [ours, theirs] = await Promise.all([pair.readModel(ctx.read, sample), pair.writeSchema(ctx.write, sample)]);
    if (!isDeepStrictEqual(ours, theirs)) {
      throw new Error(`${pair.name}: the read model and the write schema disagree for ${JSON.stringify(sample)}: ${JSON.stringify(ours).slice(0, 300)} vs ${JSON.stringify(theirs).slice(0, 300)}`);
    }
  }
}
