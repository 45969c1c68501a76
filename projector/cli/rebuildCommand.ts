import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { ALL_PROJECTIONS, isProjectionName, type ProjectionName } from '@/db/read/projections';
import type { REBUILD_STATUSES } from '@/db/read/schema';
import type { ProjectorEnv } from '@/lib/env';
import type { Logger } from '@/lib/logger';
import { progressReporter } from '../progress';

const POLL_MS = 250;
/** How long a request may wait for its rebuild to start before the projector's health is checked. */
const START_GRACE_MS = 30_000;
/** The projector reports every ~2 s: a report older than this means it is not running. */
const ALIVE_WITHIN_SECONDS = 10;

export const REBUILD_USAGE = `Usage: npm run projector -- rebuild <projection> [--no-wait]\n  projections: ${ALL_PROJECTIONS.join(', ')}\n`;

export type RebuildArgs = { projection: ProjectionName; wait: boolean } | { error: string };

/** `args` are the words after `rebuild`. */
export function parseRebuildArgs(args: string[]): RebuildArgs {
  const flags = args.filter((a) => a.startsWith('-'));
  const names = args.filter((a) => !a.startsWith('-'));
  const unknown = flags.find((f) => f !== '--no-wait');
  if (unknown) return { error: `Unknown option "${unknown}".` };
  if (names.length !== 1) return { error: names.length === 0 ? 'Name the projection to rebuild.' : 'Name one projection to rebuild.' };
  const name = names[0]!;
  if (!isProjectionName(name)) return { error: `Unknown projection "${name}".` };
  return { projection: name, wait: !flags.includes('--no-wait') };
}

interface RebuildRow {
  status: (typeof REBUILD_STATUSES)[number];
  total: number;
  done: number;
  error: string | null;
}

/**
 * `npm run projector -- rebuild <projection> [--no-wait]`: queues a rebuild request through
 * the write database (the running projector picks it up in commit order) and follows its
 * progress. Exit codes: 0 switched (or queued, with --no-wait), 1 failed, 2 bad usage,
 * 3 the projector does not seem to be running (the request stays queued).
 */
export async function rebuildCommand(args: string[], env: ProjectorEnv, log: Logger): Promise<number> {
  const parsed = parseRebuildArgs(args);
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n${REBUILD_USAGE}`);
    return 2;
  }
  const options = { max: 1, onnotice: () => {}, connection: { application_name: 'projector-rebuild' } };
  const write = postgres(env.PROJECTOR_DATABASE_URL, options);
  const read = postgres(env.PROJECTOR_READ_DATABASE_URL, options);
  let requestId: string | undefined;
  try {
    requestId = await insertRequest(write, parsed.projection);
    log.info({ projection: parsed.projection, request: requestId }, 'rebuild requested');
    if (!parsed.wait) return 0;
    return await followRebuild(read, requestId, parsed.projection, log);
  } catch (error) {
    log.error({ err: error, projection: parsed.projection, request: requestId }, requestId ? 'lost track of the rebuild; see system.status' : 'could not request the rebuild');
    return 1;
  } finally {
    await Promise.all([write.end({ timeout: 5 }), read.end({ timeout: 5 })]);
  }
}

/** The id is chosen here, so the projector role needs only INSERT on the table (no RETURNING). */
async function insertRequest(write: postgres.Sql, projection: ProjectionName): Promise<string> {
  const id = randomUUID();
  await write`insert into projector_requests (id, kind, target, requested_by) values (${id}, 'rebuild', ${projection}, null)`;
  return id;
}

async function followRebuild(read: postgres.Sql, requestId: string, projection: ProjectionName, log: Logger): Promise<number> {
  const context = { projection, request: requestId };
  const started = Date.now();
  let progress: ReturnType<typeof progressReporter> | undefined;
  let shown = 0;
  for (;;) {
    const row = await readRebuild(read, requestId);
    // The projector counts the rows once the rebuild has started: the bar waits for that count.
    if (row && row.total > 0) {
      progress ??= progressReporter(log, `rebuild ${projection}`, row.total);
      if (row.done > shown) progress.advance(row.done - shown);
      shown = Math.max(shown, row.done);
    }
    if (row?.status === 'switched') {
      progress?.done();
      log.info(context, 'rebuild finished: the fresh copy is live');
      return 0;
    }
    if (row?.status === 'failed') {
      progress?.done();
      log.error({ ...context, error: row.error }, 'rebuild failed; the live copy is unchanged');
      return 1;
    }
    if (Date.now() - started > START_GRACE_MS && !(await projectorAlive(read))) {
      progress?.done();
      log.warn(
        context,
        row
          ? 'the projector stopped during the rebuild; when it starts again it marks this rebuild failed, and it can be requested again'
          : 'the projector does not seem to be running; the request stays queued and the rebuild runs when it starts',
      );
      return 3;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function readRebuild(read: postgres.Sql, requestId: string): Promise<RebuildRow | undefined> {
  const [row] = await read<RebuildRow[]>`
    select status, total::float8 as total, done::float8 as done, error from projection_rebuilds where id = ${requestId}`;
  return row;
}

async function projectorAlive(read: postgres.Sql): Promise<boolean> {
  const [row] = await read<{ alive: boolean }[]>`
    select updated_at > now() - make_interval(secs => ${ALIVE_WITHIN_SECONDS}::float8) as alive from projector_process where id = 1`;
  return row?.alive ?? false;
}
