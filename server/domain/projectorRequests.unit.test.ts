import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { checkNoRunningRebuild, checkRetryable, decideDeadLetterRetry, decideRebuild, type DeadLetterState } from './projectorRequests';

const pending: DeadLetterState = { projection: 'product_summaries', key: 'p-1', status: 'pending', resolution: null, resolvedAt: null };

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('retrying a dead letter', () => {
  it('goes ahead while the letter is pending', () => {
    expect(checkRetryable('7', pending)).toBe(pending);
  });

  it('is NOT_FOUND for a letter that does not exist', () => {
    const error = refusal(() => checkRetryable('7', undefined));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('Dead letter 7 does not exist');
  });

  it('refuses a resolved letter, saying how it was resolved', () => {
    const resolvedAt = new Date('2025-01-02T03:04:05Z');
    const error = refusal(() => checkRetryable('7', { ...pending, status: 'resolved', resolution: 'retried', resolvedAt }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toEqual({ rule: 'dead-letter-resolved', resolution: 'retried', resolvedAt });
    expect(error.message).toContain('already resolved (retried)');
  });
});

describe('requesting a rebuild', () => {
  it('goes ahead when none is running', () => {
    expect(() => checkNoRunningRebuild('category_tree', undefined)).not.toThrow();
  });

  it('refuses while one is running, naming it', () => {
    const startedAt = new Date('2025-01-02T03:04:05Z');
    const error = refusal(() => checkNoRunningRebuild('category_tree', { id: 'r-1', startedAt }));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ rule: 'rebuild-running', rebuildId: 'r-1', startedAt });
  });
});

describe('request events', () => {
  it('records a retry with the letter\'s projection and key', () => {
    expect(decideDeadLetterRetry('7', pending)).toEqual({
      type: 'DeadLetterRetryRequested',
      schemaVersion: 1,
      payload: { deadLetterId: '7', projection: 'product_summaries', key: 'p-1' },
    });
    expect(refusal(() => decideDeadLetterRetry('7', undefined)).code).toBe('NOT_FOUND');
  });

  it('records a rebuild of a projection, refused while one runs', () => {
    expect(decideRebuild('activity', undefined)).toEqual({ type: 'RebuildRequested', schemaVersion: 1, payload: { projection: 'activity' } });
    expect(refusal(() => decideRebuild('activity', { id: 'r-1', startedAt: new Date() })).code).toBe('CONFLICT');
  });
});
