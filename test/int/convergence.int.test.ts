import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '@/scripts/converge/history';
import { formatResult } from '@/scripts/converge/report';
import { runHistory } from '@/scripts/converge/runHistory';
import { ConvergeStack } from '@/scripts/converge/stack';

/**
 * The convergence harness (`npm run converge`) on a few pinned seeds: each history of commands
 * over HTTP, direct SQL and faults must end with every read model equal to a fresh rebuild
 * from the write model. Its own stack: the faults stop and restart Postgres and Meilisearch.
 * A failure prints the seed, the diff, the history and the command that replays it.
 */
// Between them: every fault kind, a TRUNCATE, deleted orders, a large transaction, TOAST, key changes; batch sizes 7 and 5000.
const SEEDS = [15, 32, 165];
// With the change stream in between (`--stream`): between them the publisher SIGKILLed, NATS
// restarted (SIGKILL and SIGTERM), the projector killed, Postgres restarted; batch sizes 50 and 1.
const STREAM_SEEDS = [19, 69];
const GENERATION = { ops: 40, faults: 3, largeRows: 2000 };
const SETTLE_MS = 120_000;

describe.each([
  { title: 'on the slot', seeds: SEEDS, stream: false },
  { title: 'with the change stream in between', seeds: STREAM_SEEDS, stream: true },
])('convergence under generated histories with faults, $title', ({ seeds, stream }) => {
  let stack: ConvergeStack;

  beforeAll(async () => {
    stack = await ConvergeStack.start({ stream });
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it.each(seeds)('seed %i: every read model equals a fresh rebuild from the write model', async (seed) => {
    const result = await runHistory(stack, generateHistory(seed, { ...GENERATION, stream }), { settleMs: SETTLE_MS });
    expect(result.findings, formatResult(result)).toEqual([]);
  }, 420_000);
});
