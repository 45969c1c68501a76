import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { compareLsn } from '@/lib/lsn';
import type { Logger } from '@/lib/logger';
import type { ChangeSource, StreamHandlers } from '../source/stream';
import { connectChangeStream, isNotFound, STREAM_NAME, type ChangeStreamClient } from './jetstream';
import { StreamTransactionAssembler } from './streamTransactions';

const PULL_BATCH = 2000;
/** Far above any batch's apply time: the worker acknowledges only after a batch commits. */
const ACK_WAIT_NS = 15 * 60 * 1e9;

/**
 * A projector worker's source: the durable JetStream consumer `name` on the stream `SHOP`,
 * placed at the sequence after the worker's checkpoint each session (the checkpoint in the
 * read database is the truth; the consumer shows the worker's progress to NATS tools). Whole
 * transactions go to the pipeline like the slot's; the consumer is acknowledged (ack-all) up
 * to the last transaction every read model of the worker has made durable.
 */
export class StreamConsumer implements ChangeSource {
  private client: ChangeStreamClient | undefined;
  private messages: ConsumerMessages | undefined;
  private failure: unknown;
  private stopping = false;
  private lastSeq = 0;
  /** Delivered END markers and heartbeats not acknowledged yet, in stream order. */
  private readonly ackable: { lsn: string; message: JsMsg }[] = [];

  constructor(
    private readonly options: { url: string; consumer: string; log: Logger },
    private readonly handlers: StreamHandlers,
  ) {}

  /**
   * Reads from stream sequence `startSeq` until the connection ends, a handler fails, or stop().
   * `midway`: `startSeq` may fall inside a transaction a recompute already holds (see workerStart.ts).
   */
  async run(startSeq: number, midway = false): Promise<void> {
    const assembler = new StreamTransactionAssembler((seq, reason) => this.options.log.error({ seq, reason }, 'change stream: message out of place'), midway);
    this.lastSeq = startSeq - 1;
    try {
      this.client = await connectChangeStream(this.options.url, `shop-projector-${this.options.consumer}`);
      const { jsm, js, nc } = this.client;
      void nc.closed().then((error) => this.fail(error ?? new Error('NATS connection closed')));
      await jsm.consumers.delete(STREAM_NAME, this.options.consumer).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
      await jsm.consumers.add(STREAM_NAME, {
        durable_name: this.options.consumer,
        ack_policy: AckPolicy.All,
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: startSeq,
        ack_wait: ACK_WAIT_NS,
        max_ack_pending: 1_000_000,
      });
      const consumer = await js.consumers.get(STREAM_NAME, this.options.consumer);
      this.messages = await consumer.consume({ max_messages: PULL_BATCH });
      if (this.stopping) this.messages.stop();
      for await (const message of this.messages) {
        if (this.failure || this.stopping) break;
        if (message.seq <= this.lastSeq) continue; // a redelivery
        this.lastSeq = message.seq;
        const assembled = assembler.push({ seq: message.seq, headers: message.headers, data: message.data });
        if (!assembled) continue;
        if ('transaction' in assembled) {
          this.ackable.push({ lsn: assembled.transaction.commitLsn, message });
          await this.handlers.onTransaction(assembled.transaction);
        } else {
          this.ackable.push({ lsn: assembled.quietUntil, message });
          this.handlers.onCaughtUp(assembled.quietUntil);
        }
      }
    } catch (error) {
      this.failure ??= error;
    } finally {
      await this.client?.close();
    }
    if (this.failure) throw this.failure;
    if (!this.stopping) throw new Error('change stream consumer ended');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.messages?.stop();
    await this.client?.close();
  }

  async acknowledge(lsn: string): Promise<void> {
    let last: JsMsg | undefined;
    while (this.ackable.length > 0 && compareLsn(this.ackable[0]!.lsn, lsn) <= 0) last = this.ackable.shift()!.message;
    last?.ack();
  }

  fail(error: unknown): void {
    if (this.failure || this.stopping) return;
    this.failure = error;
    this.options.log.error({ err: error }, 'change stream consumer stopped by a failure');
    this.messages?.stop();
  }
}
