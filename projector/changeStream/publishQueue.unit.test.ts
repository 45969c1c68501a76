import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { PublishQueue } from './publishQueue';

/** A JetStream client whose acks the test settles by hand, recording what each publish expected. */
function fakeClient() {
  const sent: { subject: string; lastSequence: number | undefined; settle: (ack: PubAck | Error) => void }[] = [];
  const js = {
    publish: (subject: string, _data: unknown, options: { expect?: { lastSequence?: number } }) =>
      new Promise<PubAck>((resolve, reject) => {
        sent.push({ subject, lastSequence: options.expect?.lastSequence, settle: (ack) => (ack instanceof Error ? reject(ack) : resolve(ack)) });
      }),
  } as unknown as JetStreamClient;
  return { js, sent };
}
const ack = (seq: number, duplicate = false): PubAck => ({ stream: 'SHOP', seq, duplicate });
const tick = () => new Promise((r) => setTimeout(r, 0));
const options = (id: string) => ({ msgID: id, headers: headers() });

describe('PublishQueue', () => {
  it('chains each publish on the one before it and confirms the slot only up to an END JetStream stored', async () => {
    const { js, sent } = fakeClient();
    const durable: string[] = [];
    const queue = new PublishQueue(js, 10, async (lsn) => void durable.push(lsn), () => {});
    queue.publish('shop.transaction', '{}', options('a'));
    queue.publish('shop.cdc.products', '{}', options('b'));
    queue.publish('shop.transaction', '{}', options('c'), '0/100');
    expect(sent.map((s) => s.lastSequence)).toEqual([10, 11, 12]);
    sent[1]!.settle(ack(12));
    sent[2]!.settle(ack(13));
    await tick();
    expect(durable).toEqual([]); // the first is not stored yet
    sent[0]!.settle(ack(11));
    await queue.drain();
    expect(durable).toEqual(['0/100']);
    expect(queue.stored).toBe(3);
  });

  it('stops at the first failure: nothing after it confirms the slot, and later publishes are refused', async () => {
    const { js, sent } = fakeClient();
    const durable: string[] = [];
    const errors: unknown[] = [];
    const queue = new PublishQueue(js, 0, async (lsn) => void durable.push(lsn), (error) => errors.push(error));
    queue.publish('shop.transaction', '{}', options('a'), '0/100');
    queue.publish('shop.transaction', '{}', options('b'), '0/200');
    sent[0]!.settle(new Error('wrong last sequence'));
    sent[1]!.settle(ack(2));
    await expect(queue.drain()).rejects.toThrow(/wrong last sequence/);
    expect(durable).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(() => queue.publish('shop.transaction', '{}', options('c'))).toThrow(/wrong last sequence/);
  });

  it('takes a duplicate ack as a failure (the session restarts from what the stream holds)', async () => {
    const { js, sent } = fakeClient();
    const queue = new PublishQueue(js, 0, async () => {}, () => {});
    queue.publish('shop.transaction', '{}', options('a'), '0/100');
    sent[0]!.settle(ack(1, true));
    await expect(queue.drain()).rejects.toThrow(/duplicate/);
  });
});
