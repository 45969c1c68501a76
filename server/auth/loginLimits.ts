import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import pLimit from 'p-limit';
import type { WriteDb } from '@/db/clients';
import { rateLimits } from '@/db/write/schema';
import { DomainError } from '../domain/errors';

export interface LoginLimitSettings {
  /** Login attempts one client address may make per minute (successful ones are given back). */
  perClientPerMinute: number;
  /** Failed attempts one account may take per 15 minutes, from anywhere. */
  perAccountPer15Minutes: number;
  /** Password hashes computed at once (scrypt runs on libuv's 4-thread pool). */
  hashConcurrency: number;
  /** Logins waiting for a hash slot; beyond it a login is refused at once. */
  hashQueue: number;
}

const tooMany = (message: string, retryAfterSeconds: number) =>
  new DomainError('TOO_MANY_REQUESTS', message, { rule: 'login-rate-limit', retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });

/**
 * Bounds what logins can cost. Counters live in Postgres (`rate_limits`, via
 * rate-limiter-flexible), so every web process shares them; an attempt is counted before its
 * password is hashed, so a batch of 200 logins runs scrypt only as often as the limit allows.
 */
export class LoginLimits {
  private readonly perClient: RateLimiterDrizzle;
  private readonly perAccount: RateLimiterDrizzle;
  private readonly hashing: ReturnType<typeof pLimit>;

  constructor(
    db: WriteDb,
    private readonly settings: LoginLimitSettings,
  ) {
    // The library deletes counters expired for an hour every 5 minutes (an unref'd timer).
    const store = { storeClient: db, schema: rateLimits };
    this.perClient = new RateLimiterDrizzle({
      ...store,
      keyPrefix: 'login-client',
      points: settings.perClientPerMinute,
      duration: 60,
      // A client far over its limit is refused from memory, without a database write.
      inMemoryBlockOnConsumed: settings.perClientPerMinute * 2,
      inMemoryBlockDuration: 60,
    });
    this.perAccount = new RateLimiterDrizzle({ ...store, keyPrefix: 'login-account', points: settings.perAccountPer15Minutes, duration: 15 * 60 });
    this.hashing = pLimit(settings.hashConcurrency);
  }

  /** Counts one attempt for both keys; refuses when either is over its limit. */
  async attempt(client: string, account: string): Promise<void> {
    await consume(this.perClient, client, 'Too many login attempts from this address; wait and try again');
    await consume(this.perAccount, account, 'Too many failed logins for this account; wait and try again');
  }

  /** A successful login: its client attempt is given back and the account's failures forgotten. */
  async succeeded(client: string, account: string): Promise<void> {
    await Promise.all([this.perClient.reward(client, 1), this.perAccount.delete(account)]);
  }

  /** Runs a password check within the hashing limit, or refuses when too many wait already. */
  hash<T>(check: () => Promise<T>): Promise<T> {
    if (this.hashing.pendingCount >= this.settings.hashQueue) throw tooMany('The server is busy with other logins; try again in a moment', 1);
    return this.hashing(check);
  }
}

async function consume(limiter: RateLimiterDrizzle, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw tooMany(message, rejection.msBeforeNext / 1000);
    throw rejection;
  }
}
