import postgres from 'postgres';
import { PROJECTED_TABLES } from '@/db/write/schema';
import type { ProjectorEnv } from '@/lib/env';
import { compareLsn, lsnToBigInt } from '@/lib/lsn';
import type { Logger } from '@/lib/logger';
import type { Position } from '../events/envelope';
import { outboxEvent } from '../events/outbox';
import { TRANSACTION_SUBJECT, cdcSubject, outboxSubject } from '../events/subjects';
import { createSlotWithSnapshot, dropSlot, identifySystem, readSlot } from '../source/slot';
import { ReplicationStream } from '../source/stream';
import type { StreamMessage } from '../source/transactions';
import { HEARTBEAT_SUBJECT, alreadyPublished, connectChangeStream, ensureStream, messageHeaders, messageId, readTail, type MessageKind, type StoredPosition } from './jetstream';
import { PublishQueue } from './publishQueue';
import { createPublisherMetrics, serveMetrics } from '../metrics';
import { SessionBackoff } from '../sessionBackoff';
import { publishSnapshot } from './snapshot';

export type PublisherEnv = ProjectorEnv & { CHANGE_STREAM_URL: string };

/**
 * `npm run projector -- publish`: the slot's changes, as change events (envelope.ts), into the
 * JetStream stream `SHOP`, with exactly-once effect:
 *
 * - each message has a position (commit LSN, place in its transaction) and a message id made
 *   from it, which JetStream de-duplicates;
 * - a session starts after the last message the stream holds (it reads the stream's tail) and
 *   publishes every message conditional on the stream's last sequence (publishQueue.ts), so
 *   the stream is always a prefix of the history, never a gap;
 * - the slot is confirmed only up to transactions JetStream has stored.
 *
 * A crash at any instant loses nothing and stores nothing twice. Its own slot (PUBLISHER_SLOT):
 * projectors reading their slot directly are unaffected. A second publisher waits on the slot.
 */
export class ChangePublisher {
  private readonly source: postgres.Sql;
  private stopping = false;
  private stream: ReplicationStream | undefined;
  private readonly backoff = new SessionBackoff();
  private readonly metrics = createPublisherMetrics();
  /** For `/readyz`: 200 while it publishes from its slot. */
  private state: 'starting' | 'streaming' | 'reconnecting' = 'starting';
  /** Messages stored since start (for the log and the bench). */
  published = 0;

  constructor(
    private readonly env: PublisherEnv,
    private readonly log: Logger,
  ) {
    this.source = postgres(env.PROJECTOR_DATABASE_URL, { max: 2, onnotice: () => {}, connection: { application_name: 'publisher' } });
  }

  async run(): Promise<void> {
    const server = await serveMetrics(this.metrics.registry, {
      host: this.env.PROJECTOR_METRICS_HOST,
      port: this.env.PUBLISHER_METRICS_PORT,
      state: () => this.state,
      log: this.log,
    });
    while (!this.stopping) {
      const started = Date.now();
      try {
        await this.session();
      } catch (error) {
        if (this.stopping) break;
        this.log.warn({ err: error, retryInMs: this.backoff.nextMs }, 'publisher session failed; retrying');
      }
      if (this.stopping) break;
      await this.backoff.wait(started);
    }
    server?.close();
    await this.source.end({ timeout: 5 });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.backoff.wake();
    await this.stream?.stop().catch(() => {});
  }

  private async session(): Promise<void> {
    const client = await connectChangeStream(this.env.CHANGE_STREAM_URL, 'shop-publisher');
    let queue: PublishQueue | undefined;
    try {
      await ensureStream(client.jsm);
      let { lastSeq, tail } = await readTail(client.jsm);
      const slotName = this.env.PUBLISHER_SLOT;
      const slot = await readSlot(this.source, slotName);
      const server = await identifySystem(this.env.PROJECTOR_DATABASE_URL);
      // The slot's stream, once made: the queue and the connection report to it.
      const live: { stream?: ReplicationStream } = {};
      const published = new PublishQueue(
        client.nc,
        lastSeq,
        async (lsn) => {
          await live.stream?.acknowledge(lsn);
          this.metrics.position.set(Number(lsnToBigInt(lsn)));
        },
        (error) => live.stream?.fail(error),
        () => this.metrics.stored.inc(),
      );
      queue = published;
      void client.nc.closed().then((error) => {
        if (!this.stopping) live.stream?.fail(error ?? new Error('NATS connection closed'));
      });
      const reason = !slot
        ? 'no publisher slot yet'
        : slot.walStatus === 'lost'
          ? 'the publisher slot lost WAL it needed'
          : !tail
            ? 'the stream is empty'
            : tail.snapshot && tail.kind !== 'end'
              ? 'the last snapshot was cut short'
              : slot.confirmedFlushLsn && compareLsn(slot.confirmedFlushLsn, tail.commitLsn) > 0
                ? // The slot is confirmed only up to what JetStream stored: the stream lost acknowledged messages
                  // (a single NATS server killed before it wrote them out). The slot cannot send them again.
                  `the stream ends at ${tail.commitLsn}, before what the slot confirmed (${slot.confirmedFlushLsn}): it lost messages`
                : undefined;
      let start: string;
      if (reason) {
        this.log.info({ reason }, 'publishing a snapshot of the write model');
        if (slot) await dropSlot(this.source, slotName);
        const exported = await createSlotWithSnapshot(this.env.PROJECTOR_DATABASE_URL, slotName);
        try {
          const rows = await publishSnapshot(this.source, published, { name: exported.snapshotName, consistentPoint: exported.consistentPoint, database: server.database });
          this.log.info({ rows, lsn: exported.consistentPoint }, 'snapshot published');
        } finally {
          await exported.release();
        }
        ({ lastSeq, tail } = await readTail(client.jsm));
        start = exported.consistentPoint;
      } else {
        start = slot!.confirmedFlushLsn ?? '0/0';
      }
      if (this.stopping) return; // asked to stop while the snapshot was published
      const publisher = new TransactionPublisher(published, tail, this.env.CHANGE_STREAM_HEARTBEAT_MS);
      const stream = new ReplicationStream(
        { connectionString: this.env.PROJECTOR_DATABASE_URL, slot: slotName, tables: PROJECTED_TABLES, log: this.log, database: server.database },
        {
          onTransaction: async () => {},
          onMessage: (message) => publisher.publish(message),
          afterRecord: () => published.room(),
          onCaughtUp: (lsn) => publisher.heartbeat(lsn, () => stream.acknowledge(lsn)),
        },
      );
      live.stream = stream;
      this.stream = stream;
      this.state = 'streaming';
      this.metrics.streaming.set(1);
      this.log.info({ lsn: start, slot: slotName, after: tail && `${tail.commitLsn}#${tail.order}`, seq: lastSeq }, 'publishing changes');
      try {
        await stream.run(start);
      } finally {
        this.published += published.stored;
        this.state = 'reconnecting';
        this.metrics.streaming.set(0);
        this.stream = undefined;
      }
    } finally {
      queue?.close();
      await client.close();
    }
  }
}

/**
 * Turns the assembler's messages into stream messages: `shop.transaction` markers,
 * `shop.cdc.<table>` change events, and for each journal insert its domain event on
 * `shop.events.<aggregate_type>` right after it. Skips what the stream already holds.
 */
class TransactionPublisher {
  private lastHeartbeatAt = 0;
  private lastPublished: string | undefined;
  /** Positions only grow: once one is past the stream's tail, every later one is. */
  private pastTail = false;

  constructor(
    private readonly queue: PublishQueue,
    private readonly tail: StoredPosition | undefined,
    private readonly heartbeatMs: number,
  ) {}

  publish(message: StreamMessage): void {
    // Positions: the assembler's order doubled; a domain event takes the odd place after its change.
    const at = (order: number): Position => ({ commitLsn: message.position.commitLsn, order });
    const order = message.position.order * 2;
    switch (message.kind) {
      case 'begin':
        return this.send(TRANSACTION_SUBJECT, message.marker, 'begin', at(order), message.xid);
      case 'change': {
        const { event } = message;
        this.send(cdcSubject(event.source.table), event, 'change', at(order), message.xid);
        if (event.source.table === 'journal' && event.op === 'c' && event.after) {
          const domain = outboxEvent(event.after, { txId: event.source.txId, lsn: event.source.lsn, commitLsn: message.position.commitLsn });
          this.send(outboxSubject(domain.aggregatetype), domain, 'event', at(order + 1), message.xid);
        }
        return;
      }
      case 'end': {
        const headers = messageHeaders('end', at(order), message.xid);
        if (message.unreadable > 0) headers.set('Shop-Unreadable', String(message.unreadable));
        return this.send(TRANSACTION_SUBJECT, message.marker, 'end', at(order), message.xid, headers);
      }
    }
  }

  /**
   * Nothing is left to read before `lsn`: now and then, a heartbeat says so to the workers (their
   * checkpoints move past quiet stretches, like the slot's keepalives move a direct projector).
   */
  heartbeat(lsn: string, confirm: () => Promise<void>): void {
    const position = { commitLsn: lsn, order: 0 };
    // A keepalive handled late may report a position below what has been published since.
    if (alreadyPublished(position, this.tail) || (this.lastPublished && compareLsn(lsn, this.lastPublished) <= 0)) {
      if (this.queue.idle) void confirm().catch(() => {});
      return;
    }
    if (Date.now() - this.lastHeartbeatAt < this.heartbeatMs) return;
    this.lastHeartbeatAt = Date.now();
    this.send(HEARTBEAT_SUBJECT, { lsn, ts_ms: Date.now() }, 'heartbeat', position, undefined, undefined, lsn);
  }

  private send(subject: string, body: unknown, kind: MessageKind, position: Position, xid: number | undefined, headers = messageHeaders(kind, position, xid), durableLsn?: string): void {
    if (!this.pastTail) {
      if (alreadyPublished(position, this.tail)) return;
      this.pastTail = true;
    }
    this.queue.publish(subject, JSON.stringify(body), { msgID: messageId(position, kind), headers }, durableLsn ?? (kind === 'end' ? position.commitLsn : undefined));
    // In commit order: the position just published is the highest so far.
    this.lastPublished = position.commitLsn;
  }
}
