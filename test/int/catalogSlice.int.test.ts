import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { waitFor } from '@/scripts/stack/processes';
import { apiClient, errorOf, loginAs } from '../support/api';
import { waitForCheckpoints } from '../support/projector';
import { startedProjectorAndLogins } from '../support/projectorAndLogins';

const env = inject('stackEnv');
const webUrl = inject('webUrl');
const { projector, admin, viewer } = startedProjectorAndLogins(env, webUrl);
const writeDb = postgres(env.ADMIN_DATABASE_URL, { max: 2, onnotice: () => {} });

const countRows = async () => {
  const [row] = await writeDb<{ products: number; categories: number; journal: number }[]>`
    select (select count(*)::int from products) as products, (select count(*)::int from categories) as categories,
           (select count(*)::int from journal) as journal`;
  return row!;
};

afterAll(async () => {
  await writeDb.end();
});

describe('catalog slice through the tRPC HTTP endpoint', () => {
  it('a created product is readable with `after` at once and becomes searchable', async () => {
    const garden = await admin.catalog.createCategory.mutate({ name: 'Garden' });
    const tools = await admin.catalog.createCategory.mutate({ name: 'Hand Tools', parentId: garden.id });
    const created = await admin.catalog.createProduct.mutate({
      sku: 'GDN-TROWEL-1',
      name: 'Stainless Trowel Quasarflux',
      description: 'A sturdy trowel for planting bulbs.',
      brand: 'Bramble',
      categoryId: tools.id,
      priceCents: 1299,
      currency: 'eur',
      tags: ['Garden', 'eco', 'garden'],
    });
    expect(created).toMatchObject({ version: 1, position: expect.stringMatching(/^[0-9A-F]+\/[0-9A-F]+$/) });

    const read = await admin.catalog.product.query({ id: created.id, after: created.position });
    expect(read.fresh).toBe(true);
    expect(read.product).toMatchObject({
      sku: 'GDN-TROWEL-1',
      name: 'Stainless Trowel Quasarflux',
      categoryPath: ['Garden', 'Hand Tools'],
      tags: ['eco', 'garden'],
      priceCents: 1299,
      currency: 'EUR',
      status: 'active',
      version: 1,
    });
    expect(read.product.createdAt).toBeInstanceOf(Date);
    // Without `after`: the row and the position it was read at, from one statement.
    expect(await admin.catalog.product.query({ id: created.id })).toMatchObject({
      fresh: true,
      appliedPosition: expect.stringMatching(/^[0-9A-F]+\/[0-9A-F]+$/),
      product: { id: created.id, sku: 'GDN-TROWEL-1', version: 1 },
    });

    let found: Awaited<ReturnType<typeof admin.search.products.query>> | undefined;
    await waitFor('the product to become searchable', async () => {
      found = await admin.search.products.query({ q: 'quasarflux' });
      return found.total === 1;
    }, 20_000, 100);
    expect(found!.hits[0]).toMatchObject({ id: created.id, categoryPath: ['Garden', 'Hand Tools'] });
    expect(found!.hits[0]!.highlights.name).toContainEqual({ text: 'Quasarflux', match: true });
    // The description comes only as its (cropped) highlight: the whole field is not fetched.
    expect(found!.hits[0]!.highlights.description).toEqual([{ text: 'A sturdy trowel for planting bulbs.', match: false }]);
    expect(found!.hits[0]).not.toHaveProperty('description');
    expect(found!.facets.status).toEqual({ active: 1 });

    const filtered = await admin.search.products.query({ q: 'quasarflux', filters: { category: 'Hand Tools', status: ['draft'] } });
    expect(filtered.total).toBe(0);
    const byCategory = await admin.search.products.query({ q: '', filters: { category: 'Garden' } });
    expect(byCategory.hits.map((h) => h.id)).toContain(created.id);

    const { items: categories } = await admin.catalog.categories.query();
    expect(categories.find((c) => c.id === tools.id)).toMatchObject({ path: ['Garden', 'Hand Tools'], depth: 1, productCount: 1 });
    expect(categories.find((c) => c.id === garden.id)).toMatchObject({ productCount: 1 });

    // A price change leaves the counts; moving the product out of the subtree changes them.
    const repriced = await admin.catalog.changePrice.mutate({ id: created.id, expectedVersion: 1, priceCents: 1399 });
    const elsewhere = await admin.catalog.createCategory.mutate({ name: 'Kitchen' });
    const moved = await admin.catalog.updateProduct.mutate({ id: created.id, expectedVersion: repriced.version, categoryId: elsewhere.id });
    const afterMove = (await admin.catalog.categories.query({ after: moved.position })).items;
    expect(afterMove.find((c) => c.id === tools.id)).toMatchObject({ productCount: 0 });
    expect(afterMove.find((c) => c.id === garden.id)).toMatchObject({ productCount: 0 });
    expect(afterMove.find((c) => c.id === elsewhere.id)).toMatchObject({ productCount: 1 });
  });

  it('a repeated commandId returns the first result and writes once, also when the repeats race', async () => {
    const commandId = randomUUID();
    const input = { sku: 'IDEM-1', name: 'Idempotent Kettle', priceCents: 4500, currency: 'EUR', commandId };
    const before = await countRows();
    const results = await Promise.all(Array.from({ length: 12 }, () => admin.catalog.createProduct.mutate(input)));
    const again = await admin.catalog.createProduct.mutate(input);
    expect(new Set([...results, again].map((r) => r.id)).size).toBe(1);
    const after = await countRows();
    expect(after.products - before.products).toBe(1);
    expect(after.journal - before.journal).toBe(1);

    const reused = await errorOf(admin.catalog.createCategory.mutate({ name: 'Other', commandId }));
    expect(reused).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a viewer and an anonymous caller and changes nothing', async () => {
    const before = await countRows();
    const forbidden = await errorOf(viewer.catalog.createProduct.mutate({ sku: 'VIEW-1', name: 'Nope', priceCents: 1, currency: 'EUR' }));
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403 });
    expect(await errorOf(viewer.catalog.createCategory.mutate({ name: 'Nope' }))).toMatchObject({ code: 'FORBIDDEN' });

    const anonymous = apiClient(webUrl);
    expect(await errorOf(anonymous.catalog.createProduct.mutate({ sku: 'ANON-1', name: 'Nope', priceCents: 1, currency: 'EUR' }))).toMatchObject({
      code: 'UNAUTHORIZED',
      httpStatus: 401,
    });
    expect(await errorOf(anonymous.search.products.query({ q: '' }))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await errorOf(anonymous.catalog.categories.query())).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await countRows()).toEqual(before);

    const viewerReads = await viewer.search.products.query({ q: '' });
    expect(viewerReads.total).toBeGreaterThan(0);
  });

  it('answers bad input with BAD_REQUEST naming each field, and writes nothing', async () => {
    const before = await countRows();
    const bad = await errorOf(
      admin.catalog.createProduct.mutate({ sku: 'has space', name: ' ', priceCents: 12.5, currency: 'euro', categoryId: 'nope' }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['categoryId', 'currency', 'name', 'priceCents', 'sku']);
    expect(bad.fieldErrors!.priceCents).toEqual(['Price must be a whole number of cents']);

    const unknownCategory = await errorOf(
      admin.catalog.createProduct.mutate({ sku: 'NOCAT-1', name: 'Orphan', priceCents: 100, currency: 'EUR', categoryId: randomUUID() }),
    );
    expect(unknownCategory).toMatchObject({ code: 'NOT_FOUND' });
    expect(await countRows()).toEqual(before);
  });

  it('reports a duplicate SKU as a conflict on the sku field', async () => {
    await admin.catalog.createProduct.mutate({ sku: 'DUP-1', name: 'First', priceCents: 100, currency: 'EUR' });
    const dup = await errorOf(admin.catalog.createProduct.mutate({ sku: 'DUP-1', name: 'Second', priceCents: 100, currency: 'EUR' }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.fieldErrors?.sku?.[0]).toMatch(/already used/);
  });

  it('bounds the wait for `after` and says when the answer is not fresh', async () => {
    const existing = await admin.catalog.createProduct.mutate({ sku: 'STALE-1', name: 'Stale Lamp', priceCents: 100, currency: 'EUR' });
    await waitForCheckpoints(env.ADMIN_READ_DATABASE_URL, existing.position);
    await projector.stop();
    let later: { position: string } = existing;
    try {
      later = await admin.catalog.createProduct.mutate({ sku: 'STALE-2', name: 'Later Lamp', priceCents: 100, currency: 'EUR' });
      const started = Date.now();
      const answer = await admin.catalog.product.query({ id: existing.id, after: later.position });
      expect(answer.fresh).toBe(false);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await errorOf(admin.catalog.product.query({ id: existing.id, after: 'not-a-position' }))).toMatchObject({ code: 'BAD_REQUEST' });
    } finally {
      projector.start();
    }
    // Once the projector is streaming again (its start is not timed here), `after` is answered fresh.
    await waitForCheckpoints(env.ADMIN_READ_DATABASE_URL, later.position, 60_000);
    const caughtUp = await admin.catalog.createProduct.mutate({ sku: 'STALE-3', name: 'Caught-up Lamp', priceCents: 100, currency: 'EUR' });
    expect((await admin.catalog.product.query({ id: caughtUp.id, after: caughtUp.position })).fresh).toBe(true);
  });

  it('ends the session on logout', async () => {
    const { api } = await loginAs(webUrl, 'viewer');
    expect((await api.auth.me.query()).user.role).toBe('viewer');
    await api.auth.logout.mutate();
    expect(await errorOf(api.auth.me.query())).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const anonymous = apiClient(webUrl);
    const wrong = await errorOf(anonymous.auth.login.mutate({ email: 'admin@example.com', password: 'wrong' }));
    const unknown = await errorOf(anonymous.auth.login.mutate({ email: 'nobody@example.com', password: 'wrong' }));
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', message: 'Email or password is wrong' });
    expect(unknown.message).toBe(wrong.message);
  });
});
