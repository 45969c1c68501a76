import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import type { MsgHdrs } from '@nats-io/transport-node';

/** Publishes awaited at once at most (the stream pauses for the oldest acks beyond this). */
const MAX_IN_FLIGHT = 4096;

interface InFlight {
  ack: Promise<PubAck>;
  /** Set on a transaction's END or a heartbeat: once stored, the slot may be confirmed up to here. */
  durableLsn?: string;
}

/**
 * Publishes in order, many at once, each one conditional on the stream's last sequence being
 * the one before it (`Nats-Expected-Last-Sequence`). A message the server did not store makes
 * every later one fail too, so the stream always holds a prefix of what was sent and never a
 * gap in a transaction; the session then ends and the next one starts after what is stored.
 * The slot is confirmed only up to a transaction whose END JetStream has acknowledged.
 */
export class PublishQueue {
  private readonly inFlight: InFlight[] = [];
  private pumping = false;
  private failure: unknown;
  private waiters: (() => void)[] = [];
  /** Messages JetStream stored in this session. */
  stored = 0;

  constructor(
    private readonly js: JetStreamClient,
    /** The stream's last sequence when the session began. */
    private expectedLast: number,
    private readonly onDurable: (lsn: string) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  get idle(): boolean {
    return this.inFlight.length === 0;
  }

  publish(subject: string, payload: string, options: { msgID: string; headers: MsgHdrs }, durableLsn?: string): void {
    if (this.failure) throw this.failure;
    const lastSequence = this.expectedLast;
    this.expectedLast += 1;
    const ack = this.js.publish(subject, payload, { msgID: options.msgID, headers: options.headers, expect: { lastSequence } });
    ack.catch(() => {}); // read in order by pump()
    this.inFlight.push({ ack, durableLsn });
    void this.pump();
  }

  /** Resolves when there is room for more (bounded memory however large a transaction is). */
  async room(): Promise<void> {
    while (this.inFlight.length >= MAX_IN_FLIGHT && !this.failure) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure) throw this.failure;
  }

  /** Resolves once everything published so far is stored. */
  async drain(): Promise<void> {
    while (this.inFlight.length > 0 && !this.failure) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure) throw this.failure;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      let durable: string | undefined;
      while (this.inFlight.length > 0 && !this.failure) {
        const head = this.inFlight[0]!;
        const ack = await head.ack;
        if (ack.duplicate) throw new Error(`JetStream took message ${ack.seq} as a duplicate: the session restarts from what the stream holds`);
        this.inFlight.shift();
        this.stored += 1;
        if (head.durableLsn) durable = head.durableLsn;
        if (this.inFlight.length < MAX_IN_FLIGHT / 2 || this.inFlight.length === 0) this.wake();
        // Confirm the slot in steps, not after every transaction.
        if (durable && (this.inFlight.length === 0 || this.stored % 256 === 0)) {
          await this.onDurable(durable);
          durable = undefined;
        }
      }
      if (durable) await this.onDurable(durable);
    } catch (error) {
      this.failure ??= error;
      this.onError(error);
    } finally {
      this.pumping = false;
      this.wake();
    }
    // Published while the last confirmation was being sent.
    if (this.inFlight.length > 0 && !this.failure) void this.pump();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
