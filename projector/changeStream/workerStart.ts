import type postgres from 'postgres';
import { SQL_PROJECTIONS, type ProjectionName } from '@/db/read/projections';
import type { Logger } from '@/lib/logger';
import { compareLsn } from '@/lib/lsn';
import { readCheckpoints, readStreamSeqs } from '../checkpoints';
import { emptyTouches } from '../projections/touches';
import type { SourceTransaction } from '../source/transactions';
import { connectChangeStream, readTail, STREAM_NAME, storedPosition, type ChangeStreamClient, type StoredPosition } from './jetstream';

export interface WorkerStart {
  /** The first stream sequence to read. */
  startSeq: number;
  /** A transaction to apply first: every read row recomputed, as of the stream's last message. */
  initial?: SourceTransaction;
  /** The first message may be inside a transaction the recompute holds: pass over it up to the next frame. */
  midway?: boolean;
}

/**
 * Where a projector worker resumes: right after the stream sequence its read models hold.
 * When they hold none (a new worker, a read model from the slot), or the stream no longer
 * has the messages after it (retention, a recreated stream), every read row of the worker is
 * recomputed from the write model as of the stream's last message, and reading resumes after
 * it. That neither misses nor doubles a change: whatever was published up to that message had
 * committed before the recompute reads, and everything after it is read from the stream.
 */
export async function prepareWorker(deps: { read: postgres.Sql; url: string; owned: readonly ProjectionName[]; log: Logger }): Promise<WorkerStart> {
  const seqs = await readStreamSeqs(deps.read);
  const checkpoints = await readCheckpoints(deps.read);
  const owned = SQL_PROJECTIONS.filter((name) => deps.owned.includes(name));
  const held = owned.map((name) => seqs.get(name));
  const lowest = held.every((seq) => seq !== undefined) ? Math.min(...(held as number[])) : undefined;
  const client = await connectChangeStream(deps.url, 'shop-projector-prepare');
  let state;
  let reason: string | undefined;
  let stoppedAt: StoredPosition | undefined;
  try {
    state = await readTail(client.jsm);
    if (lowest !== undefined && lowest <= state.lastSeq && lowest + 1 >= state.firstSeq) stoppedAt = await positionAt(client, lowest);
    const checkpoint = lowest === undefined ? undefined : checkpoints.get(owned[held.indexOf(lowest)]!);
    reason =
      lowest === undefined
        ? `read models without a stream position (${owned.filter((_, i) => held[i] === undefined).join(', ')})`
        : lowest > state.lastSeq
          ? `the read models are at stream sequence ${lowest}, past the stream's last (${state.lastSeq}): the stream was recreated or lost messages`
          : lowest + 1 < state.firstSeq
            ? `the stream no longer holds sequence ${lowest + 1} (it starts at ${state.firstSeq})`
            : lowest > 0 && (!stoppedAt || !checkpoint || compareLsn(stoppedAt.commitLsn, checkpoint) > 0)
              ? // A NATS server killed before it wrote its last messages out loses them, and their sequence
                // numbers go to new messages: the one the read models stopped at must be at or before them.
                `the stream's message ${lowest} is not the one the read models stopped at (${stoppedAt ? `${stoppedAt.kind} at ${stoppedAt.commitLsn}` : 'gone'}, read models at ${checkpoint ?? 'none'})`
              : undefined;
  } finally {
    await client.close();
  }
  // A recompute's position may be inside a transaction (the tail it started from): the rest of it is passed over.
  if (!reason) return { startSeq: lowest! + 1, midway: stoppedAt !== undefined && stoppedAt.kind !== 'end' && stoppedAt.kind !== 'heartbeat' };

  deps.log.info({ reason, seq: state.lastSeq }, 'recomputing every read row of this worker as of the stream tail');
  // Checkpoints are set afresh by the recompute (which they would otherwise mark as applied already).
  await deps.read`delete from projection_checkpoints where projection = any(${owned as string[]}::text[])`;
  const touches = emptyTouches();
  touches.everything = true;
  touches.changeCount = 1;
  const tail = state.tail;
  return {
    startSeq: state.lastSeq + 1,
    midway: tail !== undefined && tail.kind !== 'end' && tail.kind !== 'heartbeat',
    initial: {
      // The last transaction must be visible to the recompute's snapshot.
      xid: tail?.xid,
      commitLsn: tail?.commitLsn ?? '0/0',
      commitTime: new Date(),
      touches,
      streamSeq: state.lastSeq,
    },
  };
}

/** The position of the message at `seq`, if the stream still holds it. */
async function positionAt(client: ChangeStreamClient, seq: number): Promise<StoredPosition | undefined> {
  if (seq === 0) return undefined;
  const stored = await client.jsm.streams.getMessage(STREAM_NAME, { seq }).catch(() => null);
  return stored ? storedPosition(stored) : undefined;
}
