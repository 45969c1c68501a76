import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { cpuNote, cpuSnapshot } from './cpu';
import type { LoadedCatalog } from './data/loadCatalog';
import { closedLoop } from './drive';
import type { Figure, Measured } from './figures';
import type { BenchOptions } from './options';
import type { Progress } from './progress';
import { summarize } from './stats';
import type { BenchStack } from './stack';

/** What every phase of a run shares. */
export interface BenchContext {
  options: BenchOptions;
  stack: BenchStack;
  progress: Progress;
  catalog: LoadedCatalog;
  /** Superuser connections: the write database `shop` and the read database `shop_read`. */
  write: postgres.Sql;
  read: postgres.Sql;
  /** Active products with stock to spare: what orders are placed for. */
  orderable: string[];
  /** Products not archived: what prices and stock are changed on (archived ones refuse). */
  editable: string[];
  /** The last version seen of each product, so commands can send `expectedVersion`. */
  versions: Map<string, number>;
  figures: Figure[];
}

export function adminSql(url: string, max = 10): postgres.Sql {
  // JIT off as in the app's and the projector's clients, so baselines are compared like for like.
  return postgres(url, { max, onnotice: () => {}, connection: { application_name: 'bench', jit: 'off' } });
}

/** Deterministic pick from a list, spread so that neighbouring calls hit different rows. */
export function pick<T>(list: readonly T[], i: number): T {
  return list[(i * 7919) % list.length]!;
}

/** The products client `client` of `clients` owns: concurrent clients never edit one product. */
export function owned<T>(list: readonly T[], client: number, clients: number, i: number): T {
  const share = Math.max(1, Math.floor(list.length / clients));
  return list[(client * share + (i % share)) % list.length]!;
}

/** Remember a product's version from a command's answer; answers may arrive out of order. */
export function rememberVersion(versions: Map<string, number>, id: string, version: number): void {
  versions.set(id, Math.max(versions.get(id) ?? 0, version));
}

export interface CpuUsage {
  /** "CPU (cores): web 1.21, postgres 0.42, …" */
  note: string;
  /** CPU time of the whole web tier (every worker), per call made meanwhile, in ms. */
  webMsPerCall(calls: number): number | undefined;
  /** The same for the bare tRPC baseline server. */
  bareMsPerCall(calls: number): number | undefined;
}

/** Start watching CPU use; the returned function says how many cores each part used since. */
export function cpuWindow(ctx: BenchContext): () => CpuUsage {
  const roots = () => ({ web: ctx.stack.web?.pid, projector: ctx.stack.projector?.pid, 'bare tRPC': ctx.stack.bareApi?.pid });
  const started = performance.now();
  const before = cpuSnapshot(roots());
  return () => {
    const after = cpuSnapshot(roots());
    const perCall = (label: string) => (calls: number) =>
      calls > 0 && after[label] !== undefined ? ((after[label]! - (before[label] ?? 0)) * 1000) / calls : undefined;
    return { note: cpuNote(before, after, performance.now() - started), webMsPerCall: perCall('web'), bareMsPerCall: perCall('bare tRPC') };
  };
}

/**
 * A closed loop of calls over HTTP at `clients`, as a figure measures it: latency, failures,
 * and the CPU the web tier (or, with `cpuOf: 'bare'`, the bare tRPC server) spent per call.
 */
export async function measuredOverHttp(ctx: BenchContext, clients: number, op: (client: number, i: number) => Promise<unknown>, cpuOf: 'web' | 'bare' = 'web'): Promise<Measured> {
  const cpu = cpuWindow(ctx);
  const result = await closedLoop(clients, ctx.options.measureMs, (client, i) => op(client, i).then(() => undefined));
  const usage = cpu();
  const calls = result.samples.length + result.errors;
  return {
    stats: summarize(result.samples),
    errors: result.errors,
    webCpuMsPerCall: cpuOf === 'web' ? usage.webMsPerCall(calls) : usage.bareMsPerCall(calls),
    note: [usage.note, result.firstError && `first failure: ${result.firstError}`].filter(Boolean).join('; '),
  };
}
