import { describe, expect, it } from 'vitest';
import type { DeadLetterView } from '@/server/queries/systemDeadLetters';
import { retryOutcome } from './retryOutcome';

describe('retry outcome', () => {
  const letter = { id: '7', projection: 'product_summaries', key: 'abc' };
  const pendingLetter = { ...letter, attempts: 2, error: 'violates check constraint' } as DeadLetterView;

  it('is a success when the handled letter is no longer pending', () => {
    expect(retryOutcome(letter, { fresh: true, items: [] })).toMatchObject({ color: 'green', title: 'Retry succeeded' });
  });

  it('reports the new error and attempt when it failed again', () => {
    const outcome = retryOutcome(letter, { fresh: true, items: [pendingLetter] });
    expect(outcome).toMatchObject({ color: 'red', title: 'Retry failed' });
    expect(outcome.message).toContain('attempt 2');
    expect(outcome.message).toContain('violates check constraint');
  });

  it('does not guess while the projector has not handled the request', () => {
    expect(retryOutcome(letter, { fresh: false, items: [pendingLetter] })).toMatchObject({ color: 'yellow', title: 'Retry requested' });
  });
});
