import { TRPCClientError } from '@trpc/client';

/**
 * How an operation ended. `refused` is a fair answer (a business rule, a stale version, a
 * constraint); `unavailable` is what a fault causes (a server down); `invalid` means the
 * harness sent something it should not have, and is worth a look.
 */
export type OutcomeStatus = 'ok' | 'refused' | 'unavailable' | 'skipped' | 'invalid';

export interface Outcome {
  status: OutcomeStatus;
  detail?: string;
}

export const ok = (detail?: string): Outcome => ({ status: 'ok', ...(detail && { detail }) });
export const skipped = (detail: string): Outcome => ({ status: 'skipped', detail });

const REFUSALS = new Set(['CONFLICT', 'UNPROCESSABLE_CONTENT', 'NOT_FOUND']);
const REFUSED_SQLSTATE = /^(22|23|40|55P03)/;
const UNAVAILABLE_SQLSTATE = /^(08|57|53)/;

export function outcomeOfError(error: unknown): Outcome {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; rule?: string } | undefined;
    const code = data?.code;
    if (code && REFUSALS.has(code)) return { status: 'refused', detail: data?.rule ? `${code} ${data.rule}` : code };
    if (code === 'BAD_REQUEST') return { status: 'invalid', detail: `BAD_REQUEST ${error.message.slice(0, 200)}` };
    return { status: 'unavailable', detail: code ?? error.message.slice(0, 80) };
  }
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState === 'string') {
    if (REFUSED_SQLSTATE.test(sqlState)) return { status: 'refused', detail: `SQLSTATE ${sqlState}` };
    if (UNAVAILABLE_SQLSTATE.test(sqlState) || /^(E[A-Z]+|CONNECTION_\w+)$/.test(sqlState)) return { status: 'unavailable', detail: sqlState };
    return { status: 'invalid', detail: `${sqlState} ${String((error as Error).message).slice(0, 200)}` };
  }
  return { status: 'unavailable', detail: String((error as Error)?.message ?? error).slice(0, 80) };
}

/** Counts per status, and per status and detail (`refused CONFLICT expected-version: 3`). */
export class Tally {
  readonly byStatus = new Map<OutcomeStatus, number>();
  readonly byDetail = new Map<string, number>();

  add(outcome: Outcome): void {
    this.byStatus.set(outcome.status, (this.byStatus.get(outcome.status) ?? 0) + 1);
    if (outcome.status === 'refused' || outcome.status === 'unavailable' || outcome.status === 'invalid') {
      const key = `${outcome.status} ${outcome.detail ?? ''}`.trim();
      this.byDetail.set(key, (this.byDetail.get(key) ?? 0) + 1);
    }
  }

  count(status: OutcomeStatus): number {
    return this.byStatus.get(status) ?? 0;
  }

  get total(): number {
    let n = 0;
    for (const count of this.byStatus.values()) n += count;
    return n;
  }
}
