import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loginAs, type ApiClient } from '../support/api';
import { ProjectorProcess, waitForCheckpoints } from '../support/projector';
import type { ProductCreatedV1Payload } from '@/db/write/eventVersions';

const env = inject('stackEnv');
const webUrl = inject('webUrl');
const projector = new ProjectorProcess(env);
const admin$ = postgres(env.ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
const read$ = postgres(env.ADMIN_READ_DATABASE_URL, { max: 1, onnotice: () => {} });
let admin: ApiClient;

const run = Date.now().toString(36).toUpperCase();
const currentPosition = async () => (await admin$<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`)[0]!.lsn;
const applied = (position: string) => waitForCheckpoints(env.ADMIN_READ_DATABASE_URL, position, 120_000);

beforeAll(async () => {
  projector.start();
  admin = (await loginAs(webUrl, 'admin')).api;
});

afterAll(async () => {
  await projector.stop();
  await admin$.end();
  await read$.end();
});

/**
 * A product as an older release created it: the row, and a journal entry written as
 * `ProductCreated` version 1, which did not record the description.
 */
async function productCreatedByAnOlderRelease(sku: string, schemaVersion: number, payload: postgres.JSONValue): Promise<string> {
  const [product] = await admin$<{ id: string }[]>`
    insert into products (sku, name, description, price_cents, currency, status)
    values (${sku}, ${`Old ${sku}`}, 'Written before descriptions reached the journal', 700, 'EUR', 'draft')
    returning id`;
  const id = product!.id;
  await admin$`
    insert into journal (command, aggregate_type, aggregate_id, aggregate_version, event_type, schema_version, payload, result)
    values ('catalog.createProduct', 'product', ${id}, 1, 'ProductCreated', ${schemaVersion}, ${admin$.json(payload)},
            ${admin$.json({ id, version: 1 })})`;
  return id;
}

describe('event versions', () => {
  it('reads old journal entries through the upcaster and new ones at the current version', async () => {
    const fresh = await admin.catalog.createProduct.mutate({
      sku: `EVV-NEW-${run}`,
      name: 'Versioned teapot',
      description: 'Pours without dripping.',
      priceCents: 2500,
      currency: 'EUR',
    });
    const oldSku = `EVV-OLD-${run}`;
    const v1: ProductCreatedV1Payload = {
      sku: oldSku,
      name: `Old ${oldSku}`,
      brand: null,
      categoryId: null,
      priceCents: 700,
      currency: 'EUR',
      tags: [],
      status: 'draft',
    };
    const oldId = await productCreatedByAnOlderRelease(oldSku, 1, v1);
    const futureId = await productCreatedByAnOlderRelease(`EVV-FUTURE-${run}`, 99, { sku: `EVV-FUTURE-${run}`, colour: 'red' });
    await applied(await currentPosition());

    // The read model keeps the payload as it was stored, with its version.
    const [copy] = await read$<{ schema_version: number; payload: Record<string, unknown> }[]>`
      select schema_version, payload from activity where aggregate_id = ${oldId}`;
    expect(copy).toEqual({ schema_version: 1, payload: v1 });

    const old = await admin.activity.list.query({ aggregateType: 'product', aggregateId: oldId });
    expect(old.items).toHaveLength(1);
    expect(old.items[0]).toMatchObject({ eventType: 'ProductCreated', command: 'catalog.createProduct', aggregateVersion: 1, actor: null });
    expect(old.items[0]!.event).toEqual({ type: 'ProductCreated', schemaVersion: 2, payload: { ...v1, description: null } });

    const created = await admin.activity.list.query({ aggregateType: 'product', aggregateId: fresh.id, after: fresh.position });
    expect(created.fresh).toBe(true);
    expect(created.items[0]!.event).toEqual({
      type: 'ProductCreated',
      schemaVersion: 2,
      payload: {
        sku: `EVV-NEW-${run}`,
        name: 'Versioned teapot',
        description: 'Pours without dripping.',
        brand: null,
        categoryId: null,
        priceCents: 2500,
        currency: 'EUR',
        tags: [],
        status: 'active',
      },
    });

    // A version newer than this release knows is shown as stored, marked unknown.
    const future = await admin.activity.list.query({ aggregateId: futureId });
    expect(future.items[0]!.event).toEqual({
      unknown: true,
      reason: 'future-version',
      type: 'ProductCreated',
      schemaVersion: 99,
      payload: { sku: `EVV-FUTURE-${run}`, colour: 'red' },
    });
  });
});
