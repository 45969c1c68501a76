import { canonical, signatureOf, type TableDiff } from './diff';
import type { FaultEvent } from './faults';
import type { Fault, History, Op } from './operations';
import type { Outcome } from './outcomes';
import type { HistoryResult } from './runHistory';
import type { Finding } from './settle';

const MAX_TEXT = 60;

/** A value short enough for one line: long text (a TOAST description) as its start and length. */
function short(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(canonical(value));
  if (text === undefined) return 'undefined';
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length} chars)` : text;
}

function fields(record: object): string {
  return Object.entries(record)
    .filter(([key, value]) => key !== 'kind' && value !== false)
    .map(([key, value]) => (value === true ? key : `${key}=${short(value)}`))
    .join(' ');
}

export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'projectorKill':
      return `projector ${fault.signal}, down ${fault.downMs} ms, restarted with PROJECTOR_BATCH_CHANGES=${fault.batchChanges}`;
    case 'meiliRestart':
      return `Meilisearch ${fault.signal}, down ${fault.downMs} ms`;
    case 'postgresRestart':
      return `Postgres ${fault.mode} shutdown, down ${fault.downMs} ms`;
    case 'rebuild':
      return `rebuild ${fault.projection} via ${fault.via === 'http' ? 'system.rebuild' : 'the projector CLI'}`;
    case 'retryDeadLetters':
      return 'retry pending dead letters (system.deadLetters + system.retryDeadLetter)';
    case 'poison':
      return `poison product_summaries (names POISON…) for ${fault.downMs} ms, then lift and retry dead letters`;
    case 'publisherKill':
      return `change-stream publisher ${fault.signal}, down ${fault.downMs} ms`;
    case 'natsRestart':
      return `NATS ${fault.signal}, down ${fault.downMs} ms`;
  }
}

export function describeOp(op: Op): string {
  if (op.kind === 'fault') return `FAULT ${describeFault(op.fault)} (${op.background ? 'background' : 'awaited'}, after ${op.delayMs} ms)`;
  if (op.kind === 'burst') return `burst of ${op.ops.length} at once`;
  if (op.kind === 'check') return 'CHECK: faults over, projector caught up, every read model compared';
  return `${op.kind} ${fields(op)}`;
}

const describeOutcome = (outcome: Outcome) => `${outcome.status}${outcome.detail ? ` (${outcome.detail})` : ''}`;

function describeEvent(event: FaultEvent): string {
  const when = event.firedAtOp === undefined ? 'never fired' : `fired at op ${event.firedAtOp}, over at op ${event.endedAtOp ?? '?'}`;
  return `op ${event.label}: ${describeFault(event.op.fault)}; ${event.op.background ? 'background' : 'awaited'}, +${event.op.delayMs} ms; ${when}: ${event.result ?? 'no result'}`;
}

/** Ranges for a list of indexes: 0-4,7,9-10. */
export function formatKeep(keep: Iterable<number>): string {
  const sorted = [...keep].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return parts.join(',');
}

export function replayCommand(history: History, keep?: ReadonlySet<number>): string {
  const { ops, faults, largeRows, exclude } = history.options;
  const excluded = exclude && exclude.length > 0 ? ` --exclude ${exclude.join(',')}` : '';
  const base = `npm run converge -- --seed ${history.seed} --ops ${ops} --faults ${faults} --large-rows ${largeRows}${excluded}${history.options.stream ? ' --stream' : ''}`;
  return keep ? `${base} --keep ${formatKeep(keep)}` : base;
}

/** The classes of what went wrong, to tell distinct bugs apart across seeds. */
export function signaturesOf(findings: Finding[]): string[] {
  return findings.flatMap((finding) => {
    switch (finding.kind) {
      case 'divergence':
        return finding.diffs.flatMap(signatureOf);
      case 'stuck':
        return [`stuck: ${finding.what}`];
      case 'projectorExited':
        return ['projector exited by itself'];
      case 'webExited':
        return ['web server exited by itself'];
      case 'deadLetters':
        return [...new Set(finding.letters.map((l) => `dead letter in ${l.projection}`))];
    }
  });
}

function formatDiff(diff: TableDiff): string[] {
  const lines = [`  ${diff.name}: ${diff.actualRows} live rows, ${diff.expectedRows} in a fresh rebuild; ${diff.missingCount} missing, ${diff.unexpectedCount} unexpected, ${diff.changedCount} differ`];
  const name = (row: Record<string, unknown>) => short(row.sku ?? row.name ?? row.command ?? '');
  for (const row of diff.missing) lines.push(`    missing ${short(row.id ?? row.day)} ${name(row)}`);
  for (const row of diff.unexpected) lines.push(`    unexpected ${short(row.id ?? row.day)} ${name(row)}`);
  for (const row of diff.changed) {
    lines.push(`    ${row.key}: ${row.fields.map((f) => `${f.field} expected ${short(f.expected)}, live ${short(f.actual)}`).join('; ')}`);
  }
  return lines;
}

function formatFinding(finding: Finding): string[] {
  switch (finding.kind) {
    case 'divergence':
      return ['DIVERGENCE (live read models against a fresh rebuild from the write model):', ...finding.diffs.flatMap(formatDiff)];
    case 'stuck':
      return [`STUCK waiting for ${finding.what}:`, ...finding.detail.split('\n').map((l) => `  ${l}`)];
    case 'projectorExited':
      return [`PROJECTOR EXITED by itself (${finding.how}) before op ${finding.atOp}; its last output:`, ...finding.output.split('\n').map((l) => `  ${l}`)];
    case 'webExited':
      return [`WEB SERVER EXITED by itself (${finding.how}) before op ${finding.atOp}; started again`];
    case 'deadLetters':
      return ['DEAD LETTERS with no poison behind them:', ...finding.letters.slice(0, 10).map((l) => `  ${l.projection} ${l.key}: ${l.error.slice(0, 200)}`)];
  }
}

export function formatHeadline(result: HistoryResult): string {
  const { tally, history } = result;
  const verdict = result.findings.length === 0 ? 'converged' : `FAILED: ${[...new Set(signaturesOf(result.findings))].join(', ')}`;
  const counts = `${tally.count('ok')} ok, ${tally.count('refused')} refused, ${tally.count('unavailable')} unavailable, ${tally.count('skipped')} skipped, ${tally.count('invalid')} invalid`;
  return `seed ${history.seed}: ${tally.total} operations (${counts}), ${result.faults.length} faults, ${Math.round(result.durationMs / 1000)} s: ${verdict}`;
}

/** The full account of a history: what ran, what the faults did, what differs, how to replay it. */
export function formatResult(result: HistoryResult, options: { operations?: boolean } = {}): string {
  const lines = [formatHeadline(result), `  replay: ${replayCommand(result.history, result.keep)}`];
  lines.push(`  starting PROJECTOR_BATCH_CHANGES=${result.history.batchChanges}`);
  const details = [...result.tally.byDetail].sort((a, b) => b[1] - a[1]);
  if (details.length > 0) lines.push(`  outcomes: ${details.map(([detail, n]) => `${detail} ×${n}`).join(', ')}`);
  lines.push('faults:', ...result.faults.map((event) => `  ${describeEvent(event)}`));
  if (result.rebuilds.length > 0) lines.push(`rebuilds: ${result.rebuilds.map((r) => `${r.projection} ${r.status}${r.error ? ` (${r.error})` : ''}`).join('; ')}`);
  for (const finding of result.findings) lines.push(...formatFinding(finding));
  if (options.operations !== false) lines.push('operations:', ...result.entries.map((e) => formatOutcomeLine(e.label, e.op, e.outcome)));
  lines.push(`replay: ${replayCommand(result.history, result.keep)}`);
  return lines.join('\n');
}

export function formatOutcomeLine(label: string, op: Op, outcome: Outcome): string {
  return `  #${label} ${describeOp(op)} → ${describeOutcome(outcome)}`;
}
