import { performance } from 'node:perf_hooks';

/** What a load run measured: one latency sample per successful call, failures counted apart. */
export interface DriveResult {
  samples: number[];
  errors: number;
  firstError?: string;
  elapsedMs: number;
}

type Op = (client: number, i: number) => Promise<void>;

/** Time one call; a failure is counted, not sampled. */
async function timed(op: () => Promise<void>, result: DriveResult): Promise<void> {
  const start = performance.now();
  try {
    await op();
    result.samples.push(performance.now() - start);
  } catch (error) {
    result.errors += 1;
    result.firstError ??= error instanceof Error ? error.message : String(error);
  }
}

/**
 * `clients` callers, each issuing its next call as soon as the last one returned, for
 * `durationMs` (after an unmeasured warm-up of a few calls each), until `maxCalls`, or until
 * `until()` says so.
 */
export async function closedLoop(clients: number, durationMs: number, op: Op, options: { warmup?: number; maxCalls?: number; until?: () => boolean } = {}): Promise<DriveResult> {
  const warmup = options.warmup ?? 3;
  const maxCalls = options.maxCalls ?? Number.POSITIVE_INFINITY;
  const discard: DriveResult = { samples: [], errors: 0, elapsedMs: 0 };
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let k = 0; k < warmup; k++) await timed(() => op(client, next++), discard);
    }),
  );
  const result: DriveResult = { samples: [], errors: 0, elapsedMs: 0 };
  const started = performance.now();
  const deadline = started + durationMs;
  let issued = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline && issued < maxCalls && !options.until?.()) {
        issued += 1;
        await timed(() => op(client, next++), result);
      }
    }),
  );
  result.elapsedMs = performance.now() - started;
  return result;
}

/**
 * Calls started on a fixed schedule (`rate` per second, for `durationMs`) whatever the
 * latency, as real traffic arrives: a slow system queues calls instead of slowing the load.
 * `op` gets the call's number; the caller records what it needs per call.
 */
export async function openLoop(rate: number, durationMs: number, op: (i: number) => Promise<void>): Promise<DriveResult> {
  const result: DriveResult = { samples: [], errors: 0, elapsedMs: 0 };
  const total = Math.max(1, Math.round((rate * durationMs) / 1000));
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(timed(() => op(i), result));
  }
  await Promise.all(inFlight);
  result.elapsedMs = performance.now() - started;
  return result;
}
