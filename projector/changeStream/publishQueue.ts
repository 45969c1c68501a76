import { PubHeaders } from '@nats-io/jetstream';
import { createInbox, type Msg, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';

/** Publishes awaited at once at most (the stream pauses for the oldest acks beyond this). */
const MAX_IN_FLIGHT = 4096;
/** The oldest publish not acknowledged after this long ends the session. */
const ACK_TIMEOUT_MS = 10_000;

interface InFlight {
  /** Index of the publish in this queue (its reply subject's last token). */
  index: number;
  sentAt: number;
  /** Set on a transaction's END or a heartbeat: once stored, the slot may be confirmed up to here. */
  durableLsn?: string;
}

type Transport = Pick<NatsConnection, 'publish' | 'subscribe'>;
type Reply = { ok: true; duplicate: boolean; seq: number } | { ok: false; error: string };

/**
 * Publishes in order, many at once, each one conditional on the stream's last sequence being
 * the one before it (`Nats-Expected-Last-Sequence`). A message the server did not store makes
 * every later one fail too, so the stream always holds a prefix of what was sent and never a
 * gap in a transaction; the session then ends and the next one starts after what is stored.
 * The slot is confirmed only up to a transaction whose END JetStream has acknowledged.
 *
 * JetStream publishes as plain NATS publishes with one reply subscription for all their acks:
 * the client's request per publish built two error objects (with stack traces) and a timer for
 * each, 28% of the publisher's CPU (docs/benchmarks.md).
 */
export class PublishQueue {
  private readonly inFlight: InFlight[] = [];
  private readonly replies = new Map<number, Reply>();
  private readonly inbox = createInbox('_INBOX');
  private readonly subscription;
  private readonly timer: NodeJS.Timeout;
  private next = 0;
  private failure: unknown;
  private waiters: (() => void)[] = [];
  private confirming = false;
  /** Publishes handed to NATS together on the next turn of the event loop (one socket write, not one each). */
  private outbox: [string, string, { headers: MsgHdrs; reply: string }][] = [];
  private toConfirm: string | undefined;
  /** Messages JetStream stored in this session. */
  stored = 0;

  constructor(
    private readonly nc: Transport,
    /** The stream's last sequence when the session began. */
    private expectedLast: number,
    private readonly onDurable: (lsn: string) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly onStored: () => void = () => {},
  ) {
    this.subscription = nc.subscribe(`${this.inbox}.*`, { callback: (error, msg) => (error ? this.fail(error) : this.onReply(msg)) });
    this.timer = setInterval(() => {
      const head = this.inFlight[0];
      if (head && Date.now() - head.sentAt > ACK_TIMEOUT_MS) this.fail(new Error(`JetStream did not acknowledge a publish within ${ACK_TIMEOUT_MS} ms`));
    }, 1000);
    this.timer.unref();
  }

  get idle(): boolean {
    return this.inFlight.length === 0;
  }

  publish(subject: string, payload: string, options: { msgID: string; headers: MsgHdrs }, durableLsn?: string): void {
    if (this.failure) throw this.failure;
    options.headers.set(PubHeaders.MsgIdHdr, options.msgID);
    options.headers.set(PubHeaders.ExpectedLastSeqHdr, String(this.expectedLast));
    this.expectedLast += 1;
    const index = this.next++;
    this.inFlight.push({ index, sentAt: Date.now(), durableLsn });
    if (this.outbox.length === 0) setImmediate(() => this.send());
    this.outbox.push([subject, payload, { headers: options.headers, reply: `${this.inbox}.${index}` }]);
  }

  private send(): void {
    const outbox = this.outbox;
    this.outbox = [];
    if (this.failure) return;
    try {
      for (const [subject, payload, options] of outbox) this.nc.publish(subject, payload, options);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Resolves when there is room for more (bounded memory however large a transaction is). */
  async room(): Promise<void> {
    while (this.inFlight.length >= MAX_IN_FLIGHT && !this.failure) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure) throw this.failure;
  }

  /** Resolves once everything published so far is stored. */
  async drain(): Promise<void> {
    while ((this.inFlight.length > 0 || this.confirming) && !this.failure) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure) throw this.failure;
  }

  close(): void {
    clearInterval(this.timer);
    if (!this.subscription.isClosed()) this.subscription.unsubscribe();
  }

  private onReply(msg: Msg): void {
    const index = Number(msg.subject.slice(this.inbox.length + 1));
    this.replies.set(index, parseReply(msg));
    this.settle();
  }

  /** Takes the acknowledged publishes off the head of the queue, in order. */
  private settle(): void {
    let durable: string | undefined;
    while (this.inFlight.length > 0 && !this.failure) {
      const head = this.inFlight[0]!;
      const reply = this.replies.get(head.index);
      if (!reply) break;
      this.replies.delete(head.index);
      if (!reply.ok) return this.fail(new Error(`JetStream refused a publish: ${reply.error}`));
      if (reply.duplicate) return this.fail(new Error(`JetStream took message ${reply.seq} as a duplicate: the session restarts from what the stream holds`));
      this.inFlight.shift();
      this.stored += 1;
      this.onStored();
      if (head.durableLsn) durable = head.durableLsn;
    }
    if (durable) this.confirm(durable);
    if (this.inFlight.length < MAX_IN_FLIGHT / 2) this.wake();
  }

  /** Confirms the slot up to `lsn`, one confirmation at a time (the latest wins). */
  private confirm(lsn: string): void {
    this.toConfirm = lsn;
    if (this.confirming) return;
    this.confirming = true;
    void (async () => {
      try {
        while (this.toConfirm && !this.failure) {
          const at = this.toConfirm;
          this.toConfirm = undefined;
          await this.onDurable(at);
        }
      } catch (error) {
        this.fail(error);
      } finally {
        this.confirming = false;
        this.wake();
      }
    })();
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error;
    this.close();
    this.onError(error);
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** A PubAck, an API error, or a status message (503: no stream listens on the subject). */
function parseReply(msg: Msg): Reply {
  if (msg.headers?.hasError) return { ok: false, error: `${msg.headers.code} ${msg.headers.description}` };
  try {
    const body = JSON.parse(new TextDecoder().decode(msg.data)) as { seq?: number; duplicate?: boolean; error?: { description?: string; code?: number } };
    if (body.error) return { ok: false, error: `${body.error.code ?? ''} ${body.error.description ?? ''}`.trim() };
    if (typeof body.seq !== 'number') return { ok: false, error: 'an acknowledgement without a sequence' };
    return { ok: true, duplicate: body.duplicate === true, seq: body.seq };
  } catch {
    return { ok: false, error: 'an unreadable acknowledgement' };
  }
}
