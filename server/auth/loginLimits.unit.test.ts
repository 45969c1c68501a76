import { describe, expect, it } from 'vitest';
import type { WriteDb } from '@/db/clients';
import { DomainError } from '../domain/errors';
import { LoginLimits } from './loginLimits';

/** Only the hashing gate is pure; the counters are tested against Postgres in test/int/webEdge. */
const limits = (hashConcurrency: number, hashQueue: number) =>
  new LoginLimits({} as WriteDb, { perClientPerMinute: 5, perAccountPer15Minutes: 3, hashConcurrency, hashQueue });

describe('LoginLimits.hash', () => {
  it('runs at most `hashConcurrency` checks at once and refuses beyond the queue at once', async () => {
    const gate = limits(1, 2);
    let running = 0;
    let most = 0;
    const check = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return true;
    };
    const admitted = [gate.hash(check), gate.hash(check), gate.hash(check)];
    let refused: unknown;
    try {
      await gate.hash(check);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 1 } });
    await expect(Promise.all(admitted)).resolves.toEqual([true, true, true]);
    expect(most).toBe(1);
    // Once the queue has drained, logins are admitted again.
    await expect(gate.hash(check)).resolves.toBe(true);
  });
});
