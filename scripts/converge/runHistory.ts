import { runCommand } from './commands';
import { FaultRunner, type FaultEvent } from './faults';
import { isSqlOp, type CommandOp, type History, type Op, type SqlOp } from './operations';
import { Tally, type Outcome } from './outcomes';
import { runSql } from './rawSql';
import { settle, type Finding, type Settled } from './settle';
import type { ConvergeStack } from './stack';
import { Targets } from './targets';

export interface RunOptions {
  /** Run only the operations at these indexes (a shrunk history); all when absent. */
  keep?: ReadonlySet<number>;
  /** How long the projector may take to catch up, and rebuilds to finish. */
  settleMs: number;
  /** One line per operation as it ends. */
  onOutcome?: (label: string, op: Op, outcome: Outcome) => void;
}

export interface HistoryResult {
  history: History;
  keep?: ReadonlySet<number>;
  entries: { label: string; op: Op; outcome: Outcome }[];
  tally: Tally;
  faults: FaultEvent[];
  findings: Finding[];
  rebuilds: Settled['rebuilds'];
  durationMs: number;
}

/**
 * One history against the stack: a fresh start, the operations in order (faults awaited or in
 * the background, bursts all at once), then the settle step and the comparison.
 */
export async function runHistory(stack: ConvergeStack, history: History, options: RunOptions): Promise<HistoryResult> {
  const startedAt = Date.now();
  await stack.reset(history.batchChanges, options.settleMs);
  let position = 0;
  const faults = new FaultRunner(stack, () => position);
  const targets = new Targets(stack.write);
  const result: HistoryResult = { history, keep: options.keep, entries: [], tally: new Tally(), faults: faults.events, findings: [], rebuilds: [], durationMs: 0 };
  const record = (label: string, op: Op, outcome: Outcome) => {
    result.entries.push({ label, op, outcome });
    if (op.kind !== 'fault' && op.kind !== 'burst') result.tally.add(outcome);
    options.onOutcome?.(label, op, outcome);
  };
  const runOne = (op: CommandOp | SqlOp, label: string) =>
    stack.gate.pass(() =>
      isSqlOp(op) ? runSql(op, { sql: stack.write, targets, label }) : runCommand(op, { api: stack.api, targets, label, seed: history.seed }),
    );

  for (const [index, op] of history.ops.entries()) {
    if (options.keep && !options.keep.has(index)) continue;
    position = index;
    const label = String(index);
    await noteCrash(stack, result, label);
    if (op.kind === 'check') {
      await faults.settled();
      const settled = await settle(stack, faults, options.settleMs);
      result.findings.push(...settled.findings);
      record(label, op, settled.findings.length > 0 ? { status: 'ok', detail: 'FAILED: the history stops here' } : { status: 'ok', detail: 'converged' });
      if (settled.findings.length > 0) return finish(result, settled, startedAt);
    } else if (op.kind === 'fault') {
      await faults.run(op, label);
      record(label, op, { status: 'ok', detail: op.background ? 'scheduled' : 'done' });
    } else if (op.kind === 'burst') {
      const outcomes = await Promise.all(op.ops.map((sub, i) => runOne(sub, `${label}.${i}`)));
      record(label, op, { status: 'ok', detail: `${op.ops.length} at once` });
      outcomes.forEach((outcome, i) => record(`${label}.${i}`, op.ops[i]!, outcome));
    } else {
      record(label, op, await runOne(op, label));
    }
  }
  position = history.ops.length;
  await faults.settled();
  await noteCrash(stack, result, 'end');
  const settled = await settle(stack, faults, options.settleMs);
  result.findings.push(...settled.findings);
  return finish(result, settled, startedAt);
}

function finish(result: HistoryResult, settled: Settled, startedAt: number): HistoryResult {
  result.rebuilds = settled.rebuilds;
  result.durationMs = Date.now() - startedAt;
  return result;
}

/** A projector or web server that ended without the harness stopping it is a finding; it is started again so the history goes on. */
async function noteCrash(stack: ConvergeStack, result: HistoryResult, atOp: string): Promise<void> {
  const how = stack.projectorCrash();
  if (how) {
    result.findings.push({ kind: 'projectorExited', atOp, how, output: stack.projector.output.slice(-15).join('') });
    stack.startProjector();
  }
  const web = await stack.restartWebIfExited();
  if (web) result.findings.push({ kind: 'webExited', atOp, how: web });
}
