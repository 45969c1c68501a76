import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@/lib/logger';

/** Restarts of one slot within this window count as a crash loop and back off (1 s, doubling, at most 30 s). */
const CRASH_WINDOW_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * The primary of a web tier of `count` processes sharing one port (node:cluster hands
 * connections round-robin to the workers). The processes share nothing but the databases:
 * sessions and login counters live in Postgres, so any worker serves any request. A worker
 * that dies is replaced; SIGTERM or SIGINT stops them all and then the primary.
 */
export function runWorkers(count: number, log: Logger): void {
  let stopping = false;
  const slots = new Map<Worker, { slot: number; startedAt: number; backoffMs: number }>();

  const fork = (slot: number, backoffMs: number) => {
    const worker = cluster.fork({ WEB_WORKER_SLOT: String(slot) });
    slots.set(worker, { slot, startedAt: Date.now(), backoffMs });
  };

  cluster.on('exit', (worker, code, signal) => {
    const info = slots.get(worker);
    slots.delete(worker);
    if (stopping || !info) {
      if (stopping && slots.size === 0) process.exit(0);
      return;
    }
    const crashLoop = Date.now() - info.startedAt < CRASH_WINDOW_MS;
    const backoffMs = crashLoop ? Math.min(MAX_BACKOFF_MS, Math.max(1000, info.backoffMs * 2)) : 1000;
    log.warn({ pid: worker.process.pid, code, signal, slot: info.slot, restartInMs: backoffMs }, 'web worker died; starting another');
    setTimeout(() => {
      if (!stopping) fork(info.slot, backoffMs);
    }, backoffMs).unref();
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (slots.size === 0) process.exit(0);
    for (const worker of slots.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of slots.keys()) worker.process.kill('SIGKILL');
      process.exit(0);
    }, STOP_TIMEOUT_MS).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  for (let slot = 0; slot < count; slot++) fork(slot, 0);
  log.info({ workers: count }, 'web tier starting');
}
