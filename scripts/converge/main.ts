import { generateHistory } from './history';
import { CONVERGE_USAGE, parseConvergeArgs, type ConvergeOptions } from './options';
import { formatHeadline, formatKeep, formatOutcomeLine, formatResult, signaturesOf } from './report';
import { runHistory, type HistoryResult } from './runHistory';
import { shrinkHistory } from './shrink';
import { ConvergeStack } from './stack';

const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm run converge`: seeded histories of commands, direct SQL and faults against a real
 * stack, each followed by a comparison of every read model with a fresh rebuild. Exit code 1
 * when any history failed (divergence, stuck projector, crash, unexplained dead letters).
 */
async function main(): Promise<number> {
  const options = parseConvergeArgs(process.argv.slice(2), () => Math.floor(Math.random() * 2 ** 31));
  if ('error' in options) {
    process.stderr.write(`${options.error}\n${CONVERGE_USAGE}`);
    return 2;
  }
  out('starting the stack (Postgres, Meilisearch, web app, projector)…');
  const stack = await ConvergeStack.start({ verbose: options.verbose, stream: options.generation.stream === true });
  const stop = () => void stack.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.on('uncaughtException', (error) => {
    // The gate keeps transactions away from Postgres stops; should one still be cut, postgres.js's throw outside any promise is not the projector's fault.
    if (isDriverFaultOnClosedConnection(error)) return void process.stderr.write(`ignored a postgres.js error outside any promise: ${error.message}\n${error.stack ?? ''}\n`);
    process.stderr.write(`converge failed: ${error.stack ?? String(error)}\n`);
    void stack.stop().finally(() => process.exit(1));
  });
  try {
    const results = await runAll(stack, options);
    const failed = results.filter((r) => r.findings.length > 0);
    printSummary(results);
    if (failed.length > 0 && options.shrink) await shrink(stack, failed[0]!, options);
    return failed.length > 0 ? 1 : 0;
  } finally {
    await stack.stop();
  }
}

async function runAll(stack: ConvergeStack, options: ConvergeOptions): Promise<HistoryResult[]> {
  const deadline = options.minutes === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.minutes * 60_000;
  const results: HistoryResult[] = [];
  for (let i = 0; i < options.histories && Date.now() < deadline; i++) {
    const history = generateHistory(options.seed + i, options.generation);
    out(`history ${i + 1}: seed ${history.seed}, ${history.ops.length} operations…`);
    const result = await runHistory(stack, history, {
      keep: options.keep,
      settleMs: options.settleSeconds * 1000,
      ...(options.verbose && { onOutcome: (label, op, outcome) => out(formatOutcomeLine(label, op, outcome)) }),
    });
    results.push(result);
    out(result.findings.length > 0 || options.verbose ? formatResult(result, { operations: !options.verbose }) : formatHeadline(result));
  }
  return results;
}

function printSummary(results: HistoryResult[]): void {
  const failed = results.filter((r) => r.findings.length > 0);
  const operations = results.reduce((n, r) => n + r.tally.total, 0);
  const faults = results.reduce((n, r) => n + r.faults.length, 0);
  out('');
  out(`summary: ${results.length} histories, ${operations} operations, ${faults} faults, ${failed.length} failed`);
  const classes = new Map<string, number[]>();
  for (const result of failed) {
    for (const signature of new Set(signaturesOf(result.findings))) classes.set(signature, [...(classes.get(signature) ?? []), result.history.seed]);
  }
  for (const [signature, seeds] of classes) out(`  ${signature}: seeds ${seeds.join(', ')}`);
}

async function shrink(stack: ConvergeStack, failed: HistoryResult, options: ConvergeOptions): Promise<void> {
  out(`\nshrinking seed ${failed.history.seed} for up to ${options.shrinkMinutes} minutes…`);
  const smallest = await shrinkHistory(
    failed,
    (keep) => runHistory(stack, failed.history, { keep, settleMs: options.settleSeconds * 1000 }),
    Date.now() + options.shrinkMinutes * 60_000,
    (keep, result, kept) => out(`  ${keep.size} operations (${formatKeep(keep)}): ${kept ? 'still fails' : 'passes or fails otherwise'} (${signaturesOf(result.findings).join(', ') || 'converged'})`),
  );
  out('\nsmallest failing history found:');
  out(formatResult(smallest));
}

/**
 * postgres.js writing to a socket it has already dropped (porsager/postgres#1154; see
 * projector/main.ts), or rejecting a connection's query nobody waits for when Postgres shuts down.
 */
function isDriverFaultOnClosedConnection(error: Error): boolean {
  const fromDriver = /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '');
  const closedSocket = error instanceof TypeError && /reading 'write'/.test(error.message);
  const shutdown = ['57P01', '57P02', '57P03'].includes(String((error as { code?: unknown }).code));
  return fromDriver && (closedSocket || shutdown);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`converge failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
