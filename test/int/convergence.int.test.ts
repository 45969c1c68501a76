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
const GENERATION = { ops: 40, faults: 3, largeRows: 2000 };
const SETTLE_MS = 120_000;

let stack: ConvergeStack;

beforeAll(async () => {
  stack = await ConvergeStack.start();
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

describe('convergence under generated histories with faults', () => {
  it.each(SEEDS)('seed %i: every read model equals a fresh rebuild from the write model', async (seed) => {
    const result = await runHistory(stack, generateHistory(seed, GENERATION), { settleMs: SETTLE_MS });
    expect(result.findings, formatResult(result)).toEqual([]);
  }, 420_000);
});
