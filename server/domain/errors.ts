/**
 * The one error type of the domain. Command and query handlers throw it; the tRPC
 * error formatter maps `code` to a transport code. Domain code never imports tRPC.
 */
export const DOMAIN_ERROR_CODES = [
  'BAD_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface DomainErrorDetails {
  /** The business rule that refused the command, e.g. `unique-sku`. */
  rule?: string;
  /** Field name → human messages, for input problems. */
  fields?: Record<string, string[]>;
  currentVersion?: number;
  /** For TOO_MANY_REQUESTS: when to try again (sent as `Retry-After`). */
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} ${id} does not exist`);

export const versionConflict = (what: string, expected: number, current: number) =>
  new DomainError('CONFLICT', `${what} was changed by someone else (you had version ${expected}, it is now ${current}); reload and try again`, {
    rule: 'expected-version',
    currentVersion: current,
  });
