import { createWriteDb } from '@/db/clients';
import { commandRunner, BENCH_COMMANDS } from '../baselines/syncCommandRunner';
import { prepareSyncReadModels, syncCommandDeps } from '../baselines/syncCommands';
import type { BenchContext } from '../context';
import { closedLoop } from '../drive';
import { summarize } from '../stats';

const CLIENTS = 8;

/**
 * "What asynchronous projection buys": the same command handlers called in process at 8
 * clients, once as they are (the projector updates the read models later) and once updating
 * the read models inside the command's own transaction. Both on one pool of the same role, so
 * the only difference is the synchronous read-model work and the locks it takes.
 */
export async function measureInProcessCommands(ctx: BenchContext): Promise<void> {
  const url = ctx.stack.env.ADMIN_DATABASE_URL;
  await prepareSyncReadModels(url);
  const client = createWriteDb(url, { max: CLIENTS });
  try {
    const catalog = { productIds: ctx.editable, warehouseIds: ctx.catalog.warehouseIds, customerIds: ctx.catalog.customerIds, orderableIds: ctx.orderable, currency: ctx.catalog.currency };
    const ours = commandRunner({ db: client.db }, ctx.stack.admin, catalog, { versions: ctx.versions });
    const sync = commandRunner(syncCommandDeps(client.db), ctx.stack.admin, catalog, { versions: ctx.versions });
    for (const kind of BENCH_COMMANDS) {
      ctx.progress.note(`${kind}: asynchronous, then synchronous read models`);
      const a = await closedLoop(CLIENTS, ctx.options.measureMs, (_c, i) => ours.run(kind, i));
      const b = await closedLoop(CLIENTS, ctx.options.measureMs, (_c, i) => sync.run(kind, i));
      ctx.figures.push({
        id: `command.${kind}.inprocess.c8`,
        section: 'commands',
        name: `${kind} in process (read models by the projector)`,
        unit: 'ms',
        load: `${CLIENTS} clients`,
        ours: { stats: summarize(a.samples), errors: a.errors, ...(a.firstError && { note: `first failure: ${a.firstError}` }) },
        baseline: {
          name: 'same handler + read models updated in its transaction',
          stats: summarize(b.samples),
          errors: b.errors,
          ...(b.firstError && { note: `first failure: ${b.firstError}` }),
        },
      });
    }
    const conflicts = ours.conflicts + sync.conflicts;
    if (conflicts > 0) ctx.progress.note(`${conflicts} price changes met a newer version and were retried once`);
  } finally {
    await client.sql.end({ timeout: 5 });
  }
}
