import { connect, headers as natsHeaders, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';
import { compareLsn } from '@/lib/lsn';
import type { Position } from '../events/envelope';

/** The one stream the publisher fills (docs/events.md). Only the publisher writes its subjects. */
export const STREAM_NAME = 'SHOP';
export const STREAM_SUBJECTS = ['shop.cdc.>', 'shop.events.>', 'shop.transaction', 'shop.heartbeat'];
export const HEARTBEAT_SUBJECT = 'shop.heartbeat';
/** JetStream drops a repeated message id inside this window (a publish retried after a lost ack). */
const DUPLICATE_WINDOW_NS = 120_000_000_000;

/** Headers every message carries, besides `Nats-Msg-Id`: where it sits in the change history. */
export const HEADER = {
  commitLsn: 'Shop-Commit-Lsn',
  order: 'Shop-Order',
  kind: 'Shop-Kind',
  xid: 'Shop-Xid',
  snapshot: 'Shop-Snapshot',
} as const;

/** begin / change / end frame a transaction; event = a domain event; heartbeat = nothing left before its LSN. */
export type MessageKind = 'begin' | 'change' | 'end' | 'event' | 'heartbeat';

export interface ChangeStreamClient {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  close(): Promise<void>;
}

/**
 * A connection that gives up instead of buffering: a publish made while disconnected would be
 * sent after reconnecting, behind messages the server never stored (see publisher.ts), so a
 * session ends at the first disconnect and the next one starts from what the stream holds.
 */
export async function connectChangeStream(url: string, name: string): Promise<ChangeStreamClient> {
  const nc = await connect({ servers: url, name, reconnect: false, timeout: 5_000 });
  const jsm = await jetstreamManager(nc, { timeout: 10_000 });
  const js = jetstream(nc, { timeout: 10_000 });
  return {
    nc,
    js,
    jsm,
    close: async () => {
      await nc.close().catch(() => {});
    },
  };
}

/** Creates the stream, or brings its subjects and duplicate window to what this code expects. */
export async function ensureStream(jsm: JetStreamManager): Promise<void> {
  const config = { name: STREAM_NAME, subjects: STREAM_SUBJECTS, duplicate_window: DUPLICATE_WINDOW_NS };
  try {
    await jsm.streams.info(STREAM_NAME);
    await jsm.streams.update(STREAM_NAME, { subjects: STREAM_SUBJECTS, duplicate_window: DUPLICATE_WINDOW_NS });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams.add(config);
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof Error && /not found/i.test(error.message);
}

export function messageHeaders(kind: MessageKind, position: Position, xid: number | undefined, snapshot = false): MsgHdrs {
  const h = natsHeaders();
  h.set(HEADER.kind, kind);
  h.set(HEADER.commitLsn, position.commitLsn);
  h.set(HEADER.order, String(position.order));
  if (xid !== undefined) h.set(HEADER.xid, String(xid));
  if (snapshot) h.set(HEADER.snapshot, 'true');
  return h;
}

/** The message id JetStream de-duplicates on: the same change always gets the same one. */
export function messageId(position: Position, kind: MessageKind): string {
  return kind === 'heartbeat' ? `heartbeat:${position.commitLsn}` : `${position.commitLsn}:${position.order}`;
}

export interface StoredPosition extends Position {
  seq: number;
  kind: MessageKind;
  xid: number | undefined;
  snapshot: boolean;
}

/** Reads the position headers of a stored message (undefined when it has none: not ours). */
export function storedPosition(message: { seq: number; header?: MsgHdrs; headers?: MsgHdrs }): StoredPosition | undefined {
  const h = message.header ?? message.headers;
  const commitLsn = h?.get(HEADER.commitLsn);
  const order = h?.get(HEADER.order);
  const kind = h?.get(HEADER.kind) as MessageKind | undefined;
  if (!commitLsn || !order || !kind) return undefined;
  const xid = h?.get(HEADER.xid);
  return { seq: message.seq, commitLsn, order: Number(order), kind, xid: xid ? Number(xid) : undefined, snapshot: h?.get(HEADER.snapshot) === 'true' };
}

/** The last message in the stream and its position, or undefined for an empty stream. */
export async function readTail(jsm: JetStreamManager): Promise<{ lastSeq: number; firstSeq: number; tail: StoredPosition | undefined }> {
  const info = await jsm.streams.info(STREAM_NAME);
  const { last_seq: lastSeq, first_seq: firstSeq, messages } = info.state;
  if (messages === 0 || lastSeq === 0) return { lastSeq, firstSeq, tail: undefined };
  const stored: StoredMsg | null = await jsm.streams.getMessage(STREAM_NAME, { seq: lastSeq });
  if (!stored) return { lastSeq, firstSeq, tail: undefined };
  const tail = storedPosition(stored);
  if (!tail) throw new Error(`the last message of stream ${STREAM_NAME} (seq ${lastSeq}, subject ${stored.subject}) has no position headers: only the publisher may write ${STREAM_SUBJECTS.join(', ')}`);
  return { lastSeq, firstSeq, tail };
}

/**
 * Whether a message at `position` is already in the stream, given its last message: an
 * earlier transaction, an earlier message of the same one, or anything at or before a
 * completed transaction's or a heartbeat's LSN.
 */
export function alreadyPublished(position: Position, tail: StoredPosition | undefined): boolean {
  if (!tail) return false;
  const c = compareLsn(position.commitLsn, tail.commitLsn);
  if (c !== 0) return c < 0;
  return tail.kind === 'end' || tail.kind === 'heartbeat' || position.order <= tail.order;
}
