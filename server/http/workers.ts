import cluster from 'node:cluster';
import type { Logger } from '@/lib/logger';
import { stopProcess } from '@/scripts/stack/processes';
import { Supervisor } from '@/scripts/stack/supervisor';

/**
 * The primary of a web tier of `count` processes sharing one port (node:cluster hands
 * connections round-robin to the workers). The processes share nothing but the databases:
 * sessions and login counters live in Postgres, so any worker serves any request. Each worker
 * slot is kept alive by the same Supervisor `npm start` uses (restart with backoff, 1 s
 * doubling to 30 s); SIGTERM or SIGINT stops them all and then the primary.
 */
export async function runWorkers(count: number, log: Logger): Promise<void> {
  const supervisors = Array.from(
    { length: count },
    (_, slot) =>
      new Supervisor({
        name: `web worker ${slot}`,
        start: () => cluster.fork({ WEB_WORKER_SLOT: String(slot) }).process,
        // Workers share the primary's process group: stop the worker alone.
        stop: (child) => stopProcess(child, 'SIGTERM', 10_000),
        log: (source, line) => log.warn(`${source}: ${line}`),
      }),
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.all(supervisors.map((supervisor) => supervisor.stop())).then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await Promise.all(supervisors.map((supervisor) => supervisor.start()));
  log.info({ workers: count }, 'web tier started');
}
