import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { commandDatabase } from '../support/commandDatabase';
import { expectLatestEntry, journalOf, type JournalRow } from '../support/journal';
import { refusal } from '../support/refusal';
import { seedStaff } from '@/scripts/seed/seedDemoData';
import { archiveProduct } from '@/server/commands/archiveProduct';
import { changePrice } from '@/server/commands/changePrice';
import { createCategory } from '@/server/commands/createCategory';
import { createProduct } from '@/server/commands/createProduct';
import { createProductInput, type CreateProductInput } from '@/server/commands/createProduct.input';
import { renameCategory } from '@/server/commands/renameCategory';
import { renameCategoryInput } from '@/server/commands/renameCategory.input';
import { restoreProduct } from '@/server/commands/restoreProduct';
import type { Actor, CommandResult } from '@/server/commands/runCommand';
import { updateProduct } from '@/server/commands/updateProduct';
import { updateProductInput } from '@/server/commands/updateProduct.input';
import { DomainError } from '@/server/domain/errors';

const env = inject('stackEnv');
const { write, admin$, deps } = commandDatabase(env, { max: 6 });
let actor: Actor;

const LSN = /^[0-9A-F]+\/[0-9A-F]+$/;
let counter = 0;
/** Names and SKUs unique across runs and files, since every integration file shares the database. */
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`.toUpperCase();

beforeAll(async () => {
  actor = await seedStaff(write.db);
});

// ---- helpers ----

async function newCategory(name: string, parentId?: string): Promise<CommandResult> {
  return createCategory(deps, actor, { name, parentId });
}

async function newProduct(fields: Partial<Omit<CreateProductInput, 'sku'>> = {}): Promise<CommandResult> {
  return createProduct(deps, actor, createProductInput.parse({ sku: unique('SKU'), name: 'Desk lamp', priceCents: 1500, currency: 'EUR', ...fields }));
}

/** The DomainError a command was refused with. */


async function lastEvent(aggregateId: string): Promise<JournalRow> {
  return (await journalOf(admin$, aggregateId)).at(-1)!;
}

async function productRow(id: string) {
  const [row] = await admin$<
    { name: string; description: string; brand: string | null; category_id: string | null; price_cents: number; status: string; version: number; updated_at: Date }[]
  >`select name, description, brand, category_id, price_cents, status, version, updated_at from products where id = ${id}`;
  return row!;
}

async function categoryRow(id: string) {
  const [row] = await admin$<{ name: string; parent_id: string | null; version: number; updated_at: Date }[]>`
    select name, parent_id, version, updated_at from categories where id = ${id}`;
  return row!;
}

async function tagsOf(productId: string): Promise<string[]> {
  const rows = await admin$<{ tag: string }[]>`select tag from product_tags where product_id = ${productId} order by tag`;
  return rows.map((row) => row.tag);
}

/** Everything a product command may write: the row, its tags and its journal. */
async function productSnapshot(id: string) {
  return { row: await productRow(id), tags: await tagsOf(id), journal: await journalOf(admin$, id) };
}

async function categorySnapshot(id: string) {
  return { row: await categoryRow(id), journal: await journalOf(admin$, id) };
}

/** A chain root › child › grandchild, with names unique to this call. */
async function threeLevels() {
  const root = await newCategory(unique('Root'));
  const child = await newCategory(unique('Child'), root.id);
  const grandchild = await newCategory(unique('Grandchild'), child.id);
  return { root, child, grandchild };
}

// ---- categories ----

describe('catalog.renameCategory', () => {
  it('renames a category, bumps its version and journals what changed', async () => {
    const category = await newCategory(unique('Lamps'));
    const before = await categoryRow(category.id);
    const newName = unique('Lights');

    const result = await renameCategory(deps, actor, { id: category.id, expectedVersion: 1, name: newName });

    expect(result).toEqual({ id: category.id, version: 2, position: expect.stringMatching(LSN) });
    const after = await categoryRow(category.id);
    expect(after).toMatchObject({ name: newName, parent_id: null, version: 2 });
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
    await expectLatestEntry(admin$, category.id, { version: 2, by: actor.id }, {
      command: 'catalog.renameCategory',
      event_type: 'CategoryChanged',
      aggregate_type: 'category',
      payload: { changes: { name: { from: before.name, to: newName } } },
    });
  });

  it('moves a category under another parent and back to the top level', async () => {
    const garden = await newCategory(unique('Garden'));
    const tools = await newCategory(unique('Tools'));

    const moved = await renameCategory(deps, actor, { id: tools.id, expectedVersion: 1, parentId: garden.id });
    expect(await categoryRow(tools.id)).toMatchObject({ parent_id: garden.id, version: 2 });
    expect((await lastEvent(tools.id)).payload).toEqual({ changes: { parentId: { from: null, to: garden.id } } });

    await renameCategory(deps, actor, { id: tools.id, expectedVersion: moved.version, parentId: null });
    expect(await categoryRow(tools.id)).toMatchObject({ parent_id: null, version: 3 });
    expect(await journalOf(admin$, tools.id)).toHaveLength(3);
  });

  it('refuses to move a category under itself or one of its descendants, and changes nothing', async () => {
    const { root, child, grandchild } = await threeLevels();
    const before = await categorySnapshot(root.id);

    for (const target of [root, child, grandchild]) {
      const error = await refusal(renameCategory(deps, actor, { id: root.id, expectedVersion: 1, parentId: target.id }));
      expect(error.code).toBe('RULE_VIOLATION');
      expect(error.details.rule).toBe('category-cycle');
    }
    expect(await categorySnapshot(root.id)).toEqual(before);
  });

  it('lets only one of two opposite moves through, so no loop can form', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await newCategory(unique('A'));
      const b = await newCategory(unique('B'));
      const outcomes = await Promise.allSettled([
        renameCategory(deps, actor, { id: a.id, expectedVersion: 1, parentId: b.id }),
        renameCategory(deps, actor, { id: b.id, expectedVersion: 1, parentId: a.id }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.find((o) => o.status === 'rejected')!.reason as unknown;
      expect(lost).toBeInstanceOf(DomainError);
      expect((lost as DomainError).details.rule).toBe('category-cycle');
      const parents = [(await categoryRow(a.id)).parent_id, (await categoryRow(b.id)).parent_id];
      expect(parents.filter((parent) => parent === null)).toHaveLength(1);
    }
  });

  it('answers NOT_FOUND for an unknown category or parent, and changes nothing', async () => {
    const category = await newCategory(unique('Orphan'));
    const before = await categorySnapshot(category.id);

    const missingParent = await refusal(renameCategory(deps, actor, { id: category.id, expectedVersion: 1, parentId: randomUUID() }));
    expect(missingParent.code).toBe('NOT_FOUND');
    expect(missingParent.message).toMatch(/^Parent category .* does not exist$/);
    const missingCategory = await refusal(renameCategory(deps, actor, { id: randomUUID(), expectedVersion: 1, name: 'Anything' }));
    expect(missingCategory.code).toBe('NOT_FOUND');
    expect(await categorySnapshot(category.id)).toEqual(before);
  });

  it('refuses a name a sibling already has, whether by renaming or by moving', async () => {
    const parent = await newCategory(unique('Parent'));
    const taken = unique('Taken');
    await newCategory(taken, parent.id);
    const renamed = await newCategory(unique('Other'), parent.id);
    const homonym = await newCategory(taken);

    for (const command of [
      () => renameCategory(deps, actor, { id: renamed.id, expectedVersion: 1, name: taken }),
      () => renameCategory(deps, actor, { id: homonym.id, expectedVersion: 1, parentId: parent.id }),
    ]) {
      const error = await refusal(command());
      expect(error.code).toBe('CONFLICT');
      expect(error.details).toMatchObject({ rule: 'unique-category-name', fields: { name: [expect.any(String)] } });
    }
    expect(await categoryRow(renamed.id)).toMatchObject({ version: 1 });
    expect(await categoryRow(homonym.id)).toMatchObject({ parent_id: null, version: 1 });
  });

  it('accepts no input without a name or a parent', () => {
    const parsed = renameCategoryInput.safeParse({ id: randomUUID(), expectedVersion: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['name'], message: 'Give a new name, a new parent category, or both' });
    expect(renameCategoryInput.safeParse({ id: randomUUID(), expectedVersion: 1, parentId: null }).success).toBe(true);
  });
});

// ---- products ----

describe('catalog.updateProduct', () => {
  it('changes the given fields, replaces the tag set and journals what changed', async () => {
    const lamps = await newCategory(unique('Lamps'));
    const product = await newProduct({ brand: 'Lumen', tags: ['eco', 'desk'] });
    const before = await productRow(product.id);

    const result = await updateProduct(
      deps,
      actor,
      updateProductInput.parse({ id: product.id, expectedVersion: 1, name: 'Desk lamp XL', categoryId: lamps.id, tags: ['LED', 'desk', 'led'], status: 'draft' }),
    );

    expect(result).toEqual({ id: product.id, version: 2, position: expect.stringMatching(LSN) });
    const after = await productRow(product.id);
    expect(after).toMatchObject({ name: 'Desk lamp XL', brand: 'Lumen', category_id: lamps.id, status: 'draft', price_cents: 1500, version: 2 });
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
    expect(await tagsOf(product.id)).toEqual(['desk', 'led']);
    const journal = await journalOf(admin$, product.id);
    expect(journal).toHaveLength(2);
    expect(journal[1]).toMatchObject({ command: 'catalog.updateProduct', event_type: 'ProductUpdated', schema_version: 1, aggregate_version: 2 });
    expect(journal[1]!.payload.changes).toEqual({
      name: { from: 'Desk lamp', to: 'Desk lamp XL' },
      categoryId: { from: null, to: lamps.id },
      status: { from: 'active', to: 'draft' },
      tags: { from: ['desk', 'eco'], to: ['desk', 'led'] },
    });
  });

  it('clears brand and category with null and keeps the tags when none are given', async () => {
    const lamps = await newCategory(unique('Lamps'));
    const product = await newProduct({ brand: 'Lumen', categoryId: lamps.id, tags: ['eco'] });

    await updateProduct(deps, actor, updateProductInput.parse({ id: product.id, expectedVersion: 1, brand: null, categoryId: null }));

    expect(await productRow(product.id)).toMatchObject({ brand: null, category_id: null, version: 2 });
    expect(await tagsOf(product.id)).toEqual(['eco']);
  });

  it('answers NOT_FOUND for an unknown category and changes nothing', async () => {
    const product = await newProduct();
    const before = await productSnapshot(product.id);

    const error = await refusal(updateProduct(deps, actor, updateProductInput.parse({ id: product.id, expectedVersion: 1, categoryId: randomUUID() })));

    expect(error.code).toBe('NOT_FOUND');
    expect(await productSnapshot(product.id)).toEqual(before);
  });

  it('refuses to edit an archived product and changes nothing', async () => {
    const product = await newProduct({ tags: ['eco'] });
    await archiveProduct(deps, actor, { id: product.id, expectedVersion: 1 });
    const before = await productSnapshot(product.id);

    const error = await refusal(updateProduct(deps, actor, updateProductInput.parse({ id: product.id, expectedVersion: 2, name: 'Revived', tags: [] })));

    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details.rule).toBe('archived-product');
    expect(await productSnapshot(product.id)).toEqual(before);
  });

  it('accepts no input without a field to change, and applies the create rules to the fields', () => {
    const nothing = updateProductInput.safeParse({ id: randomUUID(), expectedVersion: 1 });
    expect(nothing.success).toBe(false);
    expect(nothing.error!.issues[0]!.path).toEqual(['name']);
    expect(updateProductInput.safeParse({ id: randomUUID(), expectedVersion: 1, name: '  ' }).success).toBe(false);
    expect(updateProductInput.safeParse({ id: randomUUID(), expectedVersion: 1, status: 'archived' }).success).toBe(false);
    expect(updateProductInput.safeParse({ id: randomUUID(), expectedVersion: 1, tags: ['no spaces'] }).success).toBe(false);
  });
});

describe('catalog.changePrice', () => {
  it('changes the price and journals the old and new price', async () => {
    const product = await newProduct({ priceCents: 1000 });

    const result = await changePrice(deps, actor, { id: product.id, expectedVersion: 1, priceCents: 1299 });

    expect(result).toEqual({ id: product.id, version: 2, position: expect.stringMatching(LSN) });
    expect(await productRow(product.id)).toMatchObject({ price_cents: 1299, version: 2 });
    const journal = await journalOf(admin$, product.id);
    expect(journal).toHaveLength(2);
    expect(journal[1]).toMatchObject({
      command: 'catalog.changePrice',
      event_type: 'ProductPriceChanged',
      aggregate_version: 2,
      payload: { changes: { priceCents: { from: 1000, to: 1299 } }, currency: 'EUR' },
    });
  });

  it('refuses to reprice an archived product and changes nothing', async () => {
    const product = await newProduct();
    await archiveProduct(deps, actor, { id: product.id, expectedVersion: 1 });
    const before = await productSnapshot(product.id);

    const error = await refusal(changePrice(deps, actor, { id: product.id, expectedVersion: 2, priceCents: 1 }));

    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details.rule).toBe('archived-product');
    expect(await productSnapshot(product.id)).toEqual(before);
  });

  it('lets exactly one of two concurrent changes from the same version through; the other gets CONFLICT', async () => {
    const product = await newProduct({ priceCents: 1000 });

    const outcomes = await Promise.allSettled([
      changePrice(deps, actor, { id: product.id, expectedVersion: 1, priceCents: 1100 }),
      changePrice(deps, actor, { id: product.id, expectedVersion: 1, priceCents: 1200 }),
    ]);

    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === 'rejected')!.reason as unknown;
    expect(lost).toBeInstanceOf(DomainError);
    expect(lost).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    const winningPrice = outcomes[0].status === 'fulfilled' ? 1100 : 1200;
    expect(await productRow(product.id)).toMatchObject({ price_cents: winningPrice, version: 2 });
    expect(await journalOf(admin$, product.id)).toHaveLength(2);
  });

  it('returns the first result for a repeated commandId and changes nothing more', async () => {
    const product = await newProduct({ priceCents: 1000 });
    const commandId = randomUUID();

    const first = await changePrice(deps, actor, { id: product.id, expectedVersion: 1, priceCents: 1100, commandId });
    const again = await changePrice(deps, actor, { id: product.id, expectedVersion: 1, priceCents: 1100, commandId });

    expect(again).toEqual({ ...first, position: expect.stringMatching(LSN) });
    expect(await productRow(product.id)).toMatchObject({ price_cents: 1100, version: 2 });
    expect(await journalOf(admin$, product.id)).toHaveLength(2);
  });
});

describe('catalog.archiveProduct and catalog.restoreProduct', () => {
  it('archive, then restore as active, each journalled once', async () => {
    const product = await newProduct({ status: 'draft' });

    const archived = await archiveProduct(deps, actor, { id: product.id, expectedVersion: 1 });
    expect(archived).toEqual({ id: product.id, version: 2, position: expect.stringMatching(LSN) });
    expect(await productRow(product.id)).toMatchObject({ status: 'archived', version: 2 });

    const restored = await restoreProduct(deps, actor, { id: product.id, expectedVersion: archived.version });
    expect(restored.version).toBe(3);
    expect(await productRow(product.id)).toMatchObject({ status: 'active', version: 3 });

    const journal = await journalOf(admin$, product.id);
    expect(journal.map((row) => [row.command, row.event_type, row.aggregate_version])).toEqual([
      ['catalog.createProduct', 'ProductCreated', 1],
      ['catalog.archiveProduct', 'ProductArchived', 2],
      ['catalog.restoreProduct', 'ProductRestored', 3],
    ]);
    expect(journal[1]!.payload.changes).toEqual({ status: { from: 'draft', to: 'archived' } });
    expect(journal[2]!.payload.changes).toEqual({ status: { from: 'archived', to: 'active' } });
  });

  it('refuses to archive an archived product and changes nothing', async () => {
    const product = await newProduct();
    await archiveProduct(deps, actor, { id: product.id, expectedVersion: 1 });
    const before = await productSnapshot(product.id);

    const error = await refusal(archiveProduct(deps, actor, { id: product.id, expectedVersion: 2 }));

    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details.rule).toBe('already-archived');
    expect(await productSnapshot(product.id)).toEqual(before);
  });

  it('refuses to restore a product that is not archived and changes nothing', async () => {
    const product = await newProduct();
    const before = await productSnapshot(product.id);

    const error = await refusal(restoreProduct(deps, actor, { id: product.id, expectedVersion: 1 }));

    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details.rule).toBe('not-archived');
    expect(await productSnapshot(product.id)).toEqual(before);
  });
});

describe('every catalog command on an existing aggregate', () => {
  const productCommands = [
    ['updateProduct', (id: string) => updateProduct(deps, actor, updateProductInput.parse({ id, expectedVersion: 1, name: 'Stale edit' }))],
    ['changePrice', (id: string) => changePrice(deps, actor, { id, expectedVersion: 1, priceCents: 1 })],
    ['archiveProduct', (id: string) => archiveProduct(deps, actor, { id, expectedVersion: 1 })],
    ['restoreProduct', (id: string) => restoreProduct(deps, actor, { id, expectedVersion: 1 })],
  ] as const;

  it.each(productCommands)('%s refuses a stale expectedVersion with CONFLICT and the current version, and changes nothing', async (_name, command) => {
    const product = await newProduct();
    await archiveProduct(deps, actor, { id: product.id, expectedVersion: 1 });
    await restoreProduct(deps, actor, { id: product.id, expectedVersion: 2 });
    const before = await productSnapshot(product.id);

    const error = await refusal(command(product.id));

    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ rule: 'expected-version', currentVersion: 3 });
    expect(await productSnapshot(product.id)).toEqual(before);
  });

  it.each(productCommands)('%s answers NOT_FOUND for an unknown product', async (_name, command) => {
    expect((await refusal(command(randomUUID()))).code).toBe('NOT_FOUND');
  });

  it('renameCategory refuses a stale expectedVersion with CONFLICT and the current version, and changes nothing', async () => {
    const category = await newCategory(unique('Stale'));
    await renameCategory(deps, actor, { id: category.id, expectedVersion: 1, name: unique('Fresh') });
    const before = await categorySnapshot(category.id);

    const error = await refusal(renameCategory(deps, actor, { id: category.id, expectedVersion: 1, name: unique('Late') }));

    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ rule: 'expected-version', currentVersion: 2 });
    expect(await categorySnapshot(category.id)).toEqual(before);
  });
});
