import type { DeadLetterView } from '@/server/queries/systemDeadLetters';

export interface RetryOutcome {
  color: 'green' | 'red' | 'yellow';
  title: string;
  message: string;
}

/**
 * How a retry went, read with `after` = the retry's position: once the projector has handled the
 * request the letter is either gone from the pending list (applied) or there with its new error.
 */
export function retryOutcome(letter: Pick<DeadLetterView, 'id' | 'projection' | 'key'>, pending: { fresh: boolean; items: DeadLetterView[] }): RetryOutcome {
  const name = `Dead letter ${letter.id} (${letter.projection}, ${letter.key})`;
  if (!pending.fresh) {
    return {
      color: 'yellow',
      title: 'Retry requested',
      message: `${name}: the projector has not handled the request yet; it runs as soon as the projector catches up.`,
    };
  }
  const still = pending.items.find((l) => l.id === letter.id);
  if (still) return { color: 'red', title: 'Retry failed', message: `${name} failed again (attempt ${still.attempts}): ${still.error}` };
  return { color: 'green', title: 'Retry succeeded', message: `${name} was applied and is resolved.` };
}
