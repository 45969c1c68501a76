import { LogicalReplicationService, Wal2JsonPlugin } from 'pg-logical-replication';
import { bigIntToLsn, compareLsn, lsnToBigInt } from '@/lib/lsn';
import type { Logger } from '@/lib/logger';
import { TransactionAssembler, type SourceTransaction, type StreamMessage } from './transactions';
import { parseWal2Json, wal2jsonOptions, type Wal2JsonMessage } from './wal2json';

/** wal2json through our own reader, which never throws inside the library's socket listener. */
class TolerantWal2JsonPlugin extends Wal2JsonPlugin {
  override parse(buffer: Buffer): Wal2JsonMessage {
    return parseWal2Json(buffer);
  }
}

export interface StreamHandlers {
  /** A whole committed transaction, in commit order. Awaited: the stream pauses meanwhile. */
  onTransaction(txn: SourceTransaction): Promise<void>;
  /**
   * The server has sent everything up to `lsn` and every record before it has been handed
   * to onTransaction: a quiet stretch the projections can skip over.
   */
  onCaughtUp(lsn: string): void;
  /** Every change event and marker, as the records arrive (the publisher). */
  onMessage?(message: StreamMessage): void;
  /** Awaited after each record: a handler slows the stream down here (bounded memory). */
  afterRecord?(): Promise<void>;
}

/** Where the pipeline's transactions come from: the slot, or the change stream (a projector worker). */
export interface ChangeSource {
  /** Everything up to `lsn` (a commit end) is durable in the read models. */
  acknowledge(lsn: string): Promise<void>;
  fail(error: unknown): void;
  stop(): Promise<void>;
}

/**
 * One replication connection on the slot. The library's acknowledge timer would confirm
 * changes not yet applied, so it is off: `acknowledge()` is called only with durable
 * positions, and heartbeats that ask for an answer get the last durable one.
 */
export class ReplicationStream implements ChangeSource {
  private readonly service: LogicalReplicationService;
  private readonly assembler: TransactionAssembler;
  private failure: unknown;
  /** Records the projector could not read since start (each made its transaction recompute everything). */
  unreadableRecords = 0;
  private durable: string | undefined;

  constructor(
    private readonly options: { connectionString: string; slot: string; tables: readonly string[]; log: Logger; database?: string },
    private readonly handlers: StreamHandlers,
  ) {
    this.assembler = new TransactionAssembler({
      report: (lsn, record) => {
        this.unreadableRecords += 1;
        options.log.error({ lsn, reason: record.reason, record: record.raw }, 'unreadable replication record: its transaction recomputes every read row');
      },
      database: options.database,
      emit: handlers.onMessage && ((message) => handlers.onMessage!(message)),
    });
    this.service = new LogicalReplicationService(
      { connectionString: options.connectionString },
      { acknowledge: { auto: false, timeoutSeconds: 0 }, flowControl: { enabled: true } },
    );
  }

  /** Streams from `startLsn` until the connection ends, a handler fails, or stop() is called. */
  async run(startLsn: string): Promise<void> {
    this.durable = startLsn;
    this.service.on('data', (lsn: string, message: Wal2JsonMessage) => this.onData(lsn, message));
    this.service.on('heartbeat', (lsn: string, _time: number, shouldRespond: boolean) => {
      // Deferred: records parsed before this keepalive may still sit in the library's queue.
      setImmediate(() => this.onHeartbeat(lsn, shouldRespond));
    });
    this.service.on('error', (error: Error) => {
      this.failure ??= error;
    });
    const plugin = new TolerantWal2JsonPlugin(wal2jsonOptions(this.options.tables));
    try {
      await this.service.subscribe(plugin, this.options.slot, startLsn);
    } catch (error) {
      this.failure ??= error;
    }
    await this.service.stop().catch(() => {});
    if (this.failure) throw this.failure;
    if (!this.stopping) throw new Error('replication connection closed');
  }

  private stopping = false;

  async stop(): Promise<void> {
    this.stopping = true;
    await this.service.stop();
  }

  /**
   * Confirm to the server that everything up to `lsn` (a commit end) is applied, so it can
   * drop that WAL. The library reports `lsn + 1` as flushed; a commit record can start
   * exactly at the previous commit's end, so hand it `lsn - 1`.
   */
  async acknowledge(lsn: string): Promise<void> {
    if (this.durable && compareLsn(lsn, this.durable) < 0) return;
    this.durable = lsn;
    await this.sendAck(lsn);
  }

  private async sendAck(lsn: string): Promise<void> {
    const value = lsnToBigInt(lsn);
    if (value === 0n) return;
    await this.service.acknowledge(bigIntToLsn(value - 1n));
  }

  private async onData(lsn: string, message: Wal2JsonMessage): Promise<void> {
    if (this.failure || this.stopping) return;
    try {
      const txn = this.assembler.push(lsn, message);
      if (txn) await this.handlers.onTransaction(txn);
      if (this.handlers.afterRecord) await this.handlers.afterRecord();
    } catch (error) {
      this.fail(error);
    }
  }

  private onHeartbeat(lsn: string, shouldRespond: boolean): void {
    if (this.failure || this.stopping) return;
    if (!this.assembler.inTransaction && this.libraryQueueLength() === 0) this.handlers.onCaughtUp(lsn);
    if (shouldRespond && this.durable) void this.sendAck(this.durable).catch((error: unknown) => this.fail(error));
  }

  /** pg-logical-replication keeps unhandled records in a private queue; none may be pending for a skip. */
  private libraryQueueLength(): number {
    const queue = (this.service as unknown as { _messageQueue?: unknown[] })._messageQueue;
    return queue?.length ?? Number.POSITIVE_INFINITY;
  }

  fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error;
    this.options.log.error({ err: error }, 'stream stopped by a failure');
    void this.service.stop().catch(() => {});
  }
}
