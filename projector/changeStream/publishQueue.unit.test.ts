import { headers, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { PublishQueue } from './publishQueue';

/** A NATS connection whose JetStream acks the test sends by hand, recording what each publish expected. */
function fakeConnection() {
  const sent: { subject: string; reply: string; expected: string | undefined; msgId: string | undefined }[] = [];
  let deliver: (msg: Msg) => void = () => {};
  const nc = {
    publish: (subject: string, _data: unknown, options: { reply: string; headers: ReturnType<typeof headers> }) => {
      sent.push({ subject, reply: options.reply, expected: options.headers.get('Nats-Expected-Last-Sequence'), msgId: options.headers.get('Nats-Msg-Id') });
    },
    subscribe: (_subject: string, options: { callback: (error: Error | null, msg: Msg) => void }) => {
      deliver = (msg) => options.callback(null, msg);
      return { unsubscribe: () => {}, isClosed: () => false };
    },
  } as unknown as Pick<NatsConnection, 'publish' | 'subscribe'>;
  const ack = (i: number, body: object) => deliver({ subject: sent[i]!.reply, data: new TextEncoder().encode(JSON.stringify(body)) } as Msg);
  return { nc, sent, ack };
}
const options = (id: string) => ({ msgID: id, headers: headers() });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('PublishQueue', () => {
  it('chains each publish on the one before it and confirms the slot only up to an END JetStream stored', async () => {
    const { nc, sent, ack } = fakeConnection();
    const durable: string[] = [];
    const queue = new PublishQueue(nc, 10, async (lsn) => void durable.push(lsn), () => {});
    queue.publish('shop.transaction', '{}', options('a'));
    queue.publish('shop.cdc.products', '{}', options('b'));
    queue.publish('shop.transaction', '{}', options('c'), '0/100');
    await tick();
    expect(sent.map((s) => [s.expected, s.msgId])).toEqual([['10', 'a'], ['11', 'b'], ['12', 'c']]);
    ack(1, { stream: 'SHOP', seq: 12 });
    ack(2, { stream: 'SHOP', seq: 13 });
    await tick();
    expect(durable).toEqual([]); // the first is not stored yet
    ack(0, { stream: 'SHOP', seq: 11 });
    await queue.drain();
    expect(durable).toEqual(['0/100']);
    expect(queue.stored).toBe(3);
    queue.close();
  });

  it('stops at the first refusal: nothing after it confirms the slot, and later publishes are refused', async () => {
    const { nc, ack } = fakeConnection();
    const durable: string[] = [];
    const errors: unknown[] = [];
    const queue = new PublishQueue(nc, 0, async (lsn) => void durable.push(lsn), (error) => errors.push(error));
    queue.publish('shop.transaction', '{}', options('a'), '0/100');
    queue.publish('shop.transaction', '{}', options('b'), '0/200');
    await tick();
    ack(1, { stream: 'SHOP', seq: 2 });
    ack(0, { error: { code: 400, description: 'wrong last sequence: 7' }, stream: 'SHOP', seq: 0 });
    await expect(queue.drain()).rejects.toThrow(/wrong last sequence/);
    expect(durable).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(() => queue.publish('shop.transaction', '{}', options('c'))).toThrow(/wrong last sequence/);
  });

  it('takes a duplicate ack as a failure (the session restarts from what the stream holds)', async () => {
    const { nc, ack } = fakeConnection();
    const queue = new PublishQueue(nc, 0, async () => {}, () => {});
    queue.publish('shop.transaction', '{}', options('a'), '0/100');
    await tick();
    ack(0, { stream: 'SHOP', seq: 1, duplicate: true });
    await expect(queue.drain()).rejects.toThrow(/duplicate/);
  });
});
