import type { MsgHdrs } from '@nats-io/transport-node';
import type { ChangeEvent, TransactionMarker } from '../events/envelope';
import { addEvent, emptyTouches, type Touches } from '../projections/touches';
import type { SourceTransaction } from '../source/transactions';
import { storedPosition } from './jetstream';

/** What a worker reads from the stream: a message's sequence, headers and body. */
export interface StreamRecord {
  seq: number;
  headers?: MsgHdrs;
  data: Uint8Array;
}

export type Assembled = { transaction: SourceTransaction } | { quietUntil: string } | undefined;

interface Open {
  id: string;
  xid: number | undefined;
  commitLsn: string;
  touches: Touches;
  events: number;
}

const decoder = new TextDecoder();

/**
 * A projector worker's side of the stream: whole transactions from their BEGIN … END markers,
 * the keys each touched derived from its change events, exactly like on the slot. A
 * transaction is handed on only at its END, and only whole: a transaction whose END counts
 * more events than arrived (never, by how the publisher writes, but the stream is input)
 * recomputes every read row, as does a snapshot (it may follow lost history).
 */
export class StreamTransactionAssembler {
  private open: Open | undefined;
  /** A change arrived outside any transaction: the next transaction recomputes everything. */
  private stray = false;

  constructor(
    private readonly report: (seq: number, reason: string) => void = () => {},
    /**
     * Reading starts inside a transaction whose effects a recompute already holds (a worker's
     * start at the stream's tail): its remaining messages are passed over, up to the next frame.
     */
    private midway = false,
  ) {}

  get inTransaction(): boolean {
    return this.open !== undefined;
  }

  push(record: StreamRecord): Assembled {
    const position = storedPosition(record);
    if (!position) {
      this.report(record.seq, 'a message without position headers');
      return undefined;
    }
    if (this.midway) {
      if (position.kind !== 'begin' && position.kind !== 'heartbeat') return undefined;
      this.midway = false;
    }
    switch (position.kind) {
      case 'begin': {
        if (this.open) this.report(record.seq, `transaction ${this.open.id} never ended; dropped (it is sent again whole)`);
        const marker = JSON.parse(decoder.decode(record.data)) as TransactionMarker;
        this.open = { id: marker.id, xid: position.xid, commitLsn: position.commitLsn, touches: emptyTouches(), events: 0 };
        if (position.snapshot || this.stray) this.open.touches.everything = true;
        this.stray = false;
        return undefined;
      }
      case 'change': {
        if (!this.open) {
          this.report(record.seq, 'a change outside a transaction: the next transaction recomputes every read row');
          this.stray = true;
          return undefined;
        }
        this.open.events += 1;
        if (this.open.touches.everything) {
          this.open.touches.changeCount += 1;
          return undefined;
        }
        addEvent(this.open.touches, JSON.parse(decoder.decode(record.data)) as ChangeEvent);
        return undefined;
      }
      case 'end': {
        const open = this.open;
        const marker = JSON.parse(decoder.decode(record.data)) as TransactionMarker;
        if (!open || open.id !== marker.id) {
          this.report(record.seq, `END of ${marker.id} without its BEGIN`);
          this.open = undefined;
          this.stray = true;
          return undefined;
        }
        if (marker.event_count !== open.events) {
          this.report(record.seq, `transaction ${marker.id} ended with ${open.events} of ${marker.event_count} events: recomputing every read row`);
          open.touches.everything = true;
        }
        if (Number(record.headers?.get('Shop-Unreadable') || 0) > 0) open.touches.everything = true;
        this.open = undefined;
        const commitTime = new Date(marker.ts_ms);
        return { transaction: { xid: open.xid, commitLsn: position.commitLsn, commitTime, touches: open.touches, streamSeq: record.seq } };
      }
      case 'heartbeat':
        return this.open ? undefined : { quietUntil: position.commitLsn };
      case 'event':
        return undefined;
    }
  }
}
