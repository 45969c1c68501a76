import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSIONS } from '@/db/write/events';
import { outboxEvent } from './outbox';

const PRODUCT = '1b5b6f1e-3c55-4f43-9d7e-2a4f0c6b8e11';
const COMMAND = '5f0c2a1e-8d3b-4c7a-9e6f-1a2b3c4d5e6f';
const ACTOR = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const source = { txId: 753, lsn: '0/1E4B3A0', commitLsn: '0/1E4B518' };

const created = {
  sku: 'PRB-1',
  name: 'Probe lamp',
  description: 'A lamp for probing.',
  brand: 'Lumen',
  categoryId: null,
  priceCents: 1999,
  currency: 'EUR',
  tags: ['desk'],
  status: 'active',
};

/** A journal insert's after-image as wal2json prints it: jsonb as its text, the bigint id as a number. */
const journalRow = (overrides: Record<string, unknown> = {}) => ({
  id: 42,
  command_id: COMMAND,
  command: 'catalog.createProduct',
  aggregate_type: 'product',
  aggregate_id: PRODUCT,
  aggregate_version: 1,
  actor_id: ACTOR,
  event_type: 'ProductCreated',
  schema_version: 2,
  payload: JSON.stringify(created),
  result: JSON.stringify({ id: PRODUCT }),
  recorded_at: '2026-12-02 07:31:22.45944+00',
  ...overrides,
});

describe('outboxEvent', () => {
  it("turns a journal insert into the outbox router's shape", () => {
    expect(outboxEvent(journalRow(), source)).toEqual({
      id: '42',
      aggregatetype: 'product',
      aggregateid: PRODUCT,
      aggregateversion: 1,
      type: 'ProductCreated',
      schemaVersion: 2,
      payload: created,
      commandId: COMMAND,
      actorId: ACTOR,
      occurredAt: '2026-12-02T07:31:22.45944+00:00',
      source,
    });
  });

  it('takes the payload as text or as a parsed value alike', () => {
    expect(outboxEvent(journalRow({ payload: created }), source).payload).toEqual(created);
  });

  it('upcasts an old ProductCreated v1 to the current version', () => {
    const { description: _none, ...v1 } = created;
    const event = outboxEvent(journalRow({ schema_version: 1, payload: JSON.stringify(v1) }), source);
    expect(event.schemaVersion).toBe(EVENT_SCHEMA_VERSIONS.ProductCreated);
    expect(event.payload).toEqual({ ...v1, description: null });
  });

  it('passes what it cannot read as stored, with the stored version', () => {
    const future = outboxEvent(journalRow({ schema_version: 9, payload: '{"sku": "PRB-1", "novel": true}' }), source);
    expect(future).toMatchObject({ type: 'ProductCreated', schemaVersion: 9, payload: { sku: 'PRB-1', novel: true } });
    const unknown = outboxEvent(journalRow({ event_type: 'ProductTeleported', schema_version: 1, payload: '[1, 2]' }), source);
    expect(unknown).toMatchObject({ type: 'ProductTeleported', schemaVersion: 1, payload: [1, 2] });
  });

  it('reads a bigint id given as text, a missing command or actor as null, any UTC offset', () => {
    const event = outboxEvent(journalRow({ id: '9007199254740993', command_id: null, actor_id: null, recorded_at: '2026-12-02 09:31:22+05:30' }), source);
    expect(event).toMatchObject({ id: '9007199254740993', commandId: null, actorId: null, occurredAt: '2026-12-02T09:31:22+05:30' });
  });

  it('refuses an image that is not a journal row', () => {
    expect(() => outboxEvent({ id: 42 }, source)).toThrow(/journal row without/);
  });
});
