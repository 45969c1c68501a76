import { SQL_PROJECTION_LIST } from '@/projector/projections/registry';
import type { Row } from '@/projector/projections/types';
import { waitFor } from '@/scripts/stack/processes';
import { compareWithWriteModel } from '@/test/support/readModels';
import { diffRows, type TableDiff } from './diff';
import type { FaultRunner } from './faults';
import { POISON_CONSTRAINT, type ConvergeStack } from './stack';

export interface DeadLetter {
  projection: string;
  key: string;
  error: string;
}

/** Something that is not convergence: each is a failure of the history. */
export type Finding =
  | { kind: 'divergence'; diffs: TableDiff[] }
  | { kind: 'stuck'; what: string; detail: string }
  | { kind: 'projectorExited'; atOp: string; how: string; output: string }
  | { kind: 'webExited'; atOp: string; how: string }
  | { kind: 'deadLetters'; letters: DeadLetter[] };

export interface Settled {
  findings: Finding[];
  rebuilds: { projection: string; status: string; error: string | null }[];
}

const keyOf = (keyColumn: string) => (row: Row) => (row.currency === undefined ? String(row[keyColumn]) : `${String(row[keyColumn])} ${String(row.currency)}`);

/**
 * The end of a history: every service up and the projector running, poison lifted, every
 * projection caught up with the write model, dead letters retried, requested rebuilds
 * finished; then every read model compared with a fresh computation from the write model.
 */
export async function settle(stack: ConvergeStack, faults: FaultRunner, timeoutMs: number): Promise<Settled> {
  const findings: Finding[] = [];
  await stack.startPostgres();
  await stack.startMeilisearch();
  if (!stack.projector.running) stack.startProjector();
  await stack.liftPoison();
  const caughtUp = async (what: string) => {
    try {
      await stack.caughtUp(timeoutMs);
      return true;
    } catch (error) {
      findings.push({ kind: 'stuck', what, detail: `${String(error)}\n${await projectorState(stack)}` });
      return false;
    }
  };
  if (!(await caughtUp('projections to catch up'))) return { findings, rebuilds: [] };

  const letters = await stack.read<DeadLetter[]>`select projection, key, error from dead_letters where status = 'pending' order by id`;
  const unexplained = letters.filter((letter) => !letter.error.includes(POISON_CONSTRAINT));
  if (unexplained.length > 0) findings.push({ kind: 'deadLetters', letters: unexplained });
  if (letters.length > 0) {
    await faults.retryDeadLetters();
    if (!(await caughtUp('dead letter retries to be applied'))) return { findings, rebuilds: [] };
  }

  if (!(await rebuildsFinished(stack, timeoutMs))) {
    findings.push({ kind: 'stuck', what: 'requested rebuilds to finish', detail: await projectorState(stack) });
  }
  if (!(await caughtUp('projections to catch up after the rebuilds'))) return { findings, rebuilds: [] };
  const rebuilds = await stack.read<Settled['rebuilds']>`select projection, status, error from projection_rebuilds order by started_at`;

  const diffs = await compare(stack);
  if (diffs.length > 0) findings.push({ kind: 'divergence', diffs });
  return { findings, rebuilds };
}

async function compare(stack: ConvergeStack): Promise<TableDiff[]> {
  const models = await compareWithWriteModel(stack.env);
  const diffs: (TableDiff | undefined)[] = SQL_PROJECTION_LIST.map((p) => diffRows(p.name, keyOf(p.keyColumn), models.sql[p.name]!.expected, models.sql[p.name]!.actual));
  diffs.push(diffRows('product_search', (doc) => String(doc.id), models.search.expected as unknown as Row[], models.search.actual as Row[]));
  return diffs.filter((d): d is TableDiff => d !== undefined);
}

/** Every rebuild asked for (API or CLI) has switched or failed. */
async function rebuildsFinished(stack: ConvergeStack, timeoutMs: number): Promise<boolean> {
  const requested = (await stack.write<{ id: string }[]>`select id::text from projector_requests where kind = 'rebuild'`).map((r) => r.id);
  try {
    await waitFor('requested rebuilds to finish', async () => {
      const done = new Set((await stack.read<{ id: string }[]>`select id from projection_rebuilds where status in ('switched', 'failed')`).map((r) => r.id));
      return requested.every((id) => done.has(id));
    }, timeoutMs, 250);
    return true;
  } catch {
    return false;
  }
}

/** For a finding: where each projection is, what the projector says about itself, and its last lines. */
async function projectorState(stack: ConvergeStack): Promise<string> {
  const checkpoints = await stack.read`select projection, lsn::text from projection_checkpoints order by projection`.catch(() => []);
  const status = await stack.read`select state, last_error from projector_process`.catch(() => []);
  const rebuilds = await stack.read`select id, projection, status, error from projection_rebuilds`.catch(() => []);
  return [
    `write position ${await stack.currentPosition().catch(() => '?')}`,
    `checkpoints ${JSON.stringify(checkpoints)}`,
    `projector ${JSON.stringify(status)}, running ${stack.projector.running}`,
    `rebuilds ${JSON.stringify(rebuilds)}`,
    `projector output:\n${stack.projector.output.slice(-15).join('')}`,
  ].join('\n');
}
