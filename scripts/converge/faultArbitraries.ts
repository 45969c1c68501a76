import fc from 'fast-check';
import { ALL_PROJECTIONS } from '@/db/read/projections';
import type { Fault, FaultOp } from './operations';

/** Batch sizes from one change per batch to the default and beyond. */
export const batchChanges = fc.constantFrom(1, 7, 50, 500, 5000);
/** Long enough, at the long end, for dozens of operations to pile up behind a stopped part. */
const downMs = fc.constantFrom(0, 200, 1000, 3000, 8000);

const fault: fc.Arbitrary<Fault> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('projectorKill' as const), signal: fc.constantFrom('SIGKILL' as const, 'SIGKILL' as const, 'SIGTERM' as const), downMs, batchChanges }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('meiliRestart' as const), signal: fc.constantFrom('SIGKILL' as const, 'SIGTERM' as const), downMs }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('postgresRestart' as const), mode: fc.constantFrom('fast' as const, 'immediate' as const), downMs }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('rebuild' as const), projection: fc.constantFrom(...ALL_PROJECTIONS), via: fc.constantFrom('http' as const, 'cli' as const) }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'retryDeadLetters' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('poison' as const), downMs: fc.constantFrom(500, 2000, 5000) }), weight: 1 },
);

/** With the change stream: the same faults, and the publisher and NATS stopped and started again. */
const streamFault: fc.Arbitrary<Fault> = fc.oneof(
  { arbitrary: fault, weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('publisherKill' as const), signal: fc.constantFrom('SIGKILL' as const, 'SIGKILL' as const, 'SIGTERM' as const), downMs }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('natsRestart' as const), signal: fc.constantFrom('SIGKILL' as const, 'SIGTERM' as const), downMs }), weight: 1 },
);

const faultOpOf = (kinds: fc.Arbitrary<Fault>): fc.Arbitrary<FaultOp> =>
  fc.record({
    kind: fc.constant('fault' as const),
    fault: kinds,
    delayMs: fc.constantFrom(0, 0, 50, 300, 1000, 3000),
    background: fc.boolean(),
  });

export const faultOp = faultOpOf(fault);
export const streamFaultOp = faultOpOf(streamFault);
