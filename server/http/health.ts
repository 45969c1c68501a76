import type { IncomingMessage, ServerResponse } from 'node:http';

const LIVE = '/healthz';
const READY = '/readyz';

/** A dependency readiness needs: the promise resolves when it answers. */
export type ReadinessCheck = () => Promise<unknown>;

/** The part of the logger the probes use. */
export interface HealthLog {
  info(message: string): void;
  warn(fields: object, message: string): void;
}

export function isHealthPath(path: string): boolean {
  const pathname = path.split('?')[0];
  return pathname === LIVE || pathname === READY;
}

/**
 * `/healthz` (liveness): 200 while the process answers. `/readyz` (readiness): 200 when every
 * check answers within `timeoutMs`, else 503 naming those that did not, so a proxy or an
 * orchestrator sends the process no traffic. No session, no rate limit; only a change of
 * readiness is logged, since probes come every few seconds. Error details go to the log, not
 * to the unauthenticated caller.
 */
export function createHealthHandler(checks: Record<string, ReadinessCheck>, options: { timeoutMs: number; log: HealthLog }) {
  let failingBefore: string | undefined;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.url?.split('?')[0] === LIVE) return send(res, 200, { status: 'live' });
    const failures = await failingChecks(checks, options.timeoutMs);
    const failing = Object.keys(failures);
    const summary = failing.join(',');
    if (summary !== failingBefore) {
      if (failing.length > 0) options.log.warn({ failing, errors: Object.values(failures).map(String) }, 'not ready');
      else if (failingBefore !== undefined) options.log.info('ready again');
      failingBefore = summary;
    }
    send(res, failing.length > 0 ? 503 : 200, failing.length > 0 ? { status: 'unavailable', failing } : { status: 'ready' });
  };
}

async function failingChecks(checks: Record<string, ReadinessCheck>, timeoutMs: number): Promise<Record<string, unknown>> {
  const results = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await withinTime(check, timeoutMs)] as const));
  return Object.fromEntries(results.filter(([, error]) => error !== undefined));
}

/** undefined when the check answered in time, else why not. */
async function withinTime(check: ReadinessCheck, timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Error>((resolve) => {
    timer = setTimeout(() => resolve(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const answered = Promise.resolve()
      .then(check)
      .then(() => undefined, (error: unknown) => error ?? new Error('failed'));
    return await Promise.race([answered, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
