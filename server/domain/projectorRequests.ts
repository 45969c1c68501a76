import type { EventOf } from '@/db/write/events';
import { DomainError, notFound } from './errors';

/**
 * The rules for operator requests to the projector, as pure functions of what the read
 * model showed: command handlers look the facts up, call these, and write the request.
 */

/** A dead letter as an operator's retry needs it. */
export interface DeadLetterState {
  projection: string;
  key: string;
  status: 'pending' | 'resolved';
  resolution: string | null;
  resolvedAt: Date | null;
}

/** Only a pending dead letter has anything left to apply; a resolved one refuses the retry. */
export function checkRetryable(id: string, letter: DeadLetterState | undefined): DeadLetterState {
  if (!letter) throw notFound('Dead letter', id);
  if (letter.status !== 'pending') {
    throw new DomainError('RULE_VIOLATION', `Dead letter ${id} is already resolved${letter.resolution ? ` (${letter.resolution})` : ''}; there is nothing to retry`, {
      rule: 'dead-letter-resolved',
      resolution: letter.resolution,
      resolvedAt: letter.resolvedAt,
    });
  }
  return letter;
}

/** A retry of a pending dead letter's key; refused like `checkRetryable`. */
export function decideDeadLetterRetry(id: string, letter: DeadLetterState | undefined): EventOf<'DeadLetterRetryRequested'> {
  const pending = checkRetryable(id, letter);
  return { type: 'DeadLetterRetryRequested', schemaVersion: 1, payload: { deadLetterId: id, projection: pending.projection, key: pending.key } };
}

/** A rebuild the projector has started and not yet switched in or given up. */
export interface RunningRebuild {
  id: string;
  startedAt: Date;
}

/** One rebuild of a projection at a time: a second would only repeat the work of the first. */
export function checkNoRunningRebuild(projection: string, running: RunningRebuild | undefined): void {
  if (!running) return;
  throw new DomainError('CONFLICT', `A rebuild of ${projection} is already running (started ${running.startedAt.toISOString()}); wait for it to finish`, {
    rule: 'rebuild-running',
    rebuildId: running.id,
    startedAt: running.startedAt,
  });
}

/** A rebuild of `projection`; refused like `checkNoRunningRebuild`. */
export function decideRebuild(projection: string, running: RunningRebuild | undefined): EventOf<'RebuildRequested'> {
  checkNoRunningRebuild(projection, running);
  return { type: 'RebuildRequested', schemaVersion: 1, payload: { projection } };
}
