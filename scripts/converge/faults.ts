import type { ProjectionName } from '@/db/read/projections';
import { outcomeOfError } from './outcomes';
import type { Fault, FaultOp } from './operations';
import type { ConvergeStack } from './stack';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What happened when a fault ran, for the report: where it fired and what ran meanwhile. */
export interface FaultEvent {
  label: string;
  op: FaultOp;
  /** Index of the operation running when the fault fired, and when it was over. */
  firedAtOp?: number;
  endedAtOp?: number;
  result?: string;
}

/** Faults on one part never overlap; faults on different parts may (a rebuild asked for while the projector is down). */
function partOf(fault: Fault): 'projector' | 'meilisearch' | 'postgres' | 'publisher' | 'nats' | 'operator' {
  switch (fault.kind) {
    case 'publisherKill':
      return 'publisher';
    case 'natsRestart':
      return 'nats';
    case 'projectorKill':
      return 'projector';
    case 'meiliRestart':
      return 'meilisearch';
    case 'postgresRestart':
      return 'postgres';
    default:
      return 'operator';
  }
}

/**
 * Runs faults either awaited or in the background while the history's next operations run;
 * one after another on the same part of the system, possibly overlapping across parts.
 */
export class FaultRunner {
  readonly events: FaultEvent[] = [];
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly stack: ConvergeStack,
    /** The index of the operation the history is at. */
    private readonly position: () => number,
  ) {}

  async run(op: FaultOp, label: string): Promise<void> {
    const event: FaultEvent = { label, op };
    this.events.push(event);
    const part = partOf(op.fault);
    const done = (this.chains.get(part) ?? Promise.resolve()).then(async () => {
      await sleep(op.delayMs);
      event.firedAtOp = this.position();
      try {
        event.result = await this.execute(op.fault);
      } catch (error) {
        event.result = `failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      event.endedAtOp = this.position();
    });
    this.chains.set(part, done);
    if (!op.background) await done;
  }

  /** Resolves when every fault so far has run (and what it stopped is running again). */
  async settled(): Promise<void> {
    await Promise.all(this.chains.values());
  }

  private async execute(fault: Fault): Promise<string> {
    const { stack } = this;
    switch (fault.kind) {
      case 'projectorKill':
        await stack.stopProjector(fault.signal);
        await sleep(fault.downMs);
        stack.startProjector(fault.batchChanges);
        return `restarted with PROJECTOR_BATCH_CHANGES=${fault.batchChanges}`;
      case 'meiliRestart':
        await stack.stopMeilisearch(fault.signal);
        await sleep(fault.downMs);
        await stack.startMeilisearch();
        return 'Meilisearch back';
      case 'postgresRestart':
        await stack.stopPostgres(fault.mode);
        await sleep(fault.downMs);
        await stack.startPostgres();
        return 'Postgres back';
      case 'publisherKill':
        await stack.stopPublisher(fault.signal);
        await sleep(fault.downMs);
        stack.startPublisher();
        return 'publisher restarted';
      case 'natsRestart':
        await stack.stopNats(fault.signal);
        await sleep(fault.downMs);
        await stack.startNats();
        return 'NATS back';
      case 'rebuild':
        return stack.gate.pass(() => this.rebuild(fault.projection, fault.via));
      case 'retryDeadLetters':
        return stack.gate.pass(() => this.retryDeadLetters());
      case 'poison':
        await stack.poison();
        await sleep(fault.downMs);
        await stack.liftPoison();
        return `lifted; ${await stack.gate.pass(() => this.retryDeadLetters())}`;
    }
  }

  private async rebuild(projection: ProjectionName, via: 'http' | 'cli'): Promise<string> {
    if (via === 'cli') return `npm run projector -- rebuild ${projection} --no-wait: exit ${String(await this.stack.rebuildFromCli(projection))}`;
    try {
      const request = await this.stack.api.system.rebuild.mutate({ projection });
      return `system.rebuild: request ${request.id}`;
    } catch (error) {
      const outcome = outcomeOfError(error);
      return `system.rebuild: ${outcome.status} ${outcome.detail ?? ''}`.trim();
    }
  }

  /** Every pending dead letter retried through the API, as an operator would. */
  async retryDeadLetters(): Promise<string> {
    const { api } = this.stack;
    const letters = await api.system.deadLetters.query({ status: 'pending', pageSize: 100 });
    let retried = 0;
    for (const letter of letters.items) {
      try {
        await api.system.retryDeadLetter.mutate({ id: letter.id });
        retried++;
      } catch {
        // resolved meanwhile, or a server down: the next retry or the settle step takes it
      }
    }
    return `${retried} of ${letters.total} pending dead letters retried`;
  }
}
