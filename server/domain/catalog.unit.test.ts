import { describe, expect, it } from 'vitest';
import { refusalOf } from '@/test/support/refusal';
import {
  assertEditable,
  assertNoCategoryCycle,
  categoryCreated,
  categoryNameTaken,
  decideArchive,
  decideCategoryChange,
  decidePriceChange,
  decideProductEdit,
  decideRestore,
  productCreated,
  tagChanges,
  type CategoryState,
  type ProductState,
} from './catalog';

const LIGHTING = '00000000-0000-4000-8000-000000000001';
const LAMPS = '00000000-0000-4000-8000-000000000002';
const DESK_LAMPS = '00000000-0000-4000-8000-000000000003';
const GARDEN = '00000000-0000-4000-8000-000000000004';

const lamps: CategoryState = { id: LAMPS, name: 'Lamps', parentId: LIGHTING };
const noMove = { descendantIds: new Set<string>() };
const lampsTree = (parent: { id: string; name: string }) => ({ parent, descendantIds: new Set([DESK_LAMPS]) });

const product = (overrides: Partial<ProductState> = {}): ProductState => ({
  sku: 'LAMP-1',
  name: 'Desk lamp',
  description: 'A bright lamp.',
  brand: 'Lumen',
  categoryId: LAMPS,
  priceCents: 1500,
  currency: 'EUR',
  status: 'active',
  ...overrides,
});


describe('category cycle rule', () => {
  it('refuses a category under itself', () => {
    const error = refusalOf(() => assertNoCategoryCycle(lamps, { id: LAMPS, name: 'Lamps' }, new Set()));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toMatchObject({ rule: 'category-cycle', fields: { parentId: [error.message] } });
    expect(error.message).toBe('"Lamps" cannot be placed under itself');
  });

  it('refuses a category under one of its descendants', () => {
    const error = refusalOf(() => assertNoCategoryCycle(lamps, { id: DESK_LAMPS, name: 'Desk lamps' }, new Set([DESK_LAMPS])));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details.rule).toBe('category-cycle');
    expect(error.message).toBe('"Lamps" cannot be placed under "Desk lamps", which is one of its own subcategories');
  });

  it('allows any other parent', () => {
    expect(() => assertNoCategoryCycle(lamps, { id: GARDEN, name: 'Garden' }, new Set([DESK_LAMPS]))).not.toThrow();
  });
});

describe('category change', () => {
  it('renames in place and records only the name', () => {
    const decision = decideCategoryChange(lamps, { name: 'Lights' }, noMove);
    expect(decision.fields).toEqual({ name: 'Lights', parentId: LIGHTING });
    expect(decision.event).toEqual({
      type: 'CategoryChanged',
      schemaVersion: 1,
      payload: { changes: { name: { from: 'Lamps', to: 'Lights' } } },
    });
  });

  it('moves under another parent and keeps the name', () => {
    const decision = decideCategoryChange(lamps, { parentId: GARDEN }, lampsTree({ id: GARDEN, name: 'Garden' }));
    expect(decision.fields).toEqual({ name: 'Lamps', parentId: GARDEN });
    expect(decision.event.payload).toEqual({ changes: { parentId: { from: LIGHTING, to: GARDEN } } });
  });

  it('makes a root with parentId null, which can never close a loop', () => {
    const decision = decideCategoryChange(lamps, { parentId: null }, noMove);
    expect(decision.fields).toEqual({ name: 'Lamps', parentId: null });
    expect(decision.event.payload).toEqual({ changes: { parentId: { from: LIGHTING, to: null } } });
  });

  it('renames and moves at once', () => {
    const decision = decideCategoryChange(lamps, { name: 'Outdoor lamps', parentId: GARDEN }, lampsTree({ id: GARDEN, name: 'Garden' }));
    expect(decision.fields).toEqual({ name: 'Outdoor lamps', parentId: GARDEN });
    expect(Object.keys(decision.event.payload.changes as object)).toEqual(['name', 'parentId']);
  });

  it('records no changes when the values given are the current ones', () => {
    expect(decideCategoryChange(lamps, { name: 'Lamps' }, noMove).event.payload).toEqual({ changes: {} });
  });

  it('applies the cycle rule to moves', () => {
    expect(refusalOf(() => decideCategoryChange(lamps, { parentId: LAMPS }, lampsTree({ id: LAMPS, name: 'Lamps' }))).details.rule).toBe(
      'category-cycle',
    );
    expect(
      refusalOf(() => decideCategoryChange(lamps, { parentId: DESK_LAMPS }, lampsTree({ id: DESK_LAMPS, name: 'Desk lamps' }))).details.rule,
    ).toBe('category-cycle');
  });

  it('will not decide a move without the requested parent loaded', () => {
    expect(() => decideCategoryChange(lamps, { parentId: GARDEN }, noMove)).toThrow(/does not hold the requested parent/);
  });

  it('explains a duplicate sibling name as a conflict on the name field', () => {
    const error = categoryNameTaken('Lamps');
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ rule: 'unique-category-name', fields: { name: [expect.any(String)] } });
  });
});

describe('archived products', () => {
  it('cannot be edited or repriced until restored', () => {
    const archived = product({ status: 'archived' });
    for (const call of [
      () => assertEditable(archived),
      () => decideProductEdit(archived, [], { name: 'New name' }),
      () => decidePriceChange(archived, 2000),
    ]) {
      const error = refusalOf(call);
      expect(error.code).toBe('RULE_VIOLATION');
      expect(error.details.rule).toBe('archived-product');
      expect(error.message).toBe('"Desk lamp" (SKU LAMP-1) is archived; restore it first to change it');
    }
  });

  it('leaves drafts and active products editable', () => {
    expect(() => assertEditable(product({ status: 'draft' }))).not.toThrow();
    expect(() => assertEditable(product({ status: 'active' }))).not.toThrow();
  });
});

describe('product edit', () => {
  it('writes only the columns whose value changes and records them with both values', () => {
    const decision = decideProductEdit(product(), ['eco'], { name: 'Desk lamp XL', brand: 'Lumen', description: 'A brighter lamp.' });
    expect(decision.set).toEqual({ name: 'Desk lamp XL', description: 'A brighter lamp.' });
    expect(decision.tags).toEqual({ add: [], remove: [] });
    expect(decision.event).toEqual({
      type: 'ProductUpdated',
      schemaVersion: 1,
      payload: {
        sku: 'LAMP-1',
        changes: { name: { from: 'Desk lamp', to: 'Desk lamp XL' }, description: { from: 'A bright lamp.', to: 'A brighter lamp.' } },
      },
    });
  });

  it('clears brand and category with null', () => {
    const decision = decideProductEdit(product(), [], { brand: null, categoryId: null });
    expect(decision.set).toEqual({ brand: null, categoryId: null });
    expect(decision.event.payload.changes).toEqual({ brand: { from: 'Lumen', to: null }, categoryId: { from: LAMPS, to: null } });
  });

  it('moves between draft and active', () => {
    expect(decideProductEdit(product(), [], { status: 'draft' }).set).toEqual({ status: 'draft' });
    expect(decideProductEdit(product({ status: 'draft' }), [], { status: 'active' }).set).toEqual({ status: 'active' });
  });

  it('replaces the tag set, touching only the tags that differ', () => {
    const decision = decideProductEdit(product(), ['eco', 'desk'], { tags: ['led', 'desk'] });
    expect(decision.set).toEqual({});
    expect(decision.tags).toEqual({ add: ['led'], remove: ['eco'] });
    expect(decision.event.payload.changes).toEqual({ tags: { from: ['desk', 'eco'], to: ['desk', 'led'] } });
  });

  it('removes every tag with an empty list', () => {
    const decision = decideProductEdit(product(), ['eco', 'desk'], { tags: [] });
    expect(decision.tags).toEqual({ add: [], remove: ['desk', 'eco'] });
    expect(decision.event.payload.changes).toEqual({ tags: { from: ['desk', 'eco'], to: [] } });
  });

  it('keeps the tags when none are given, and records nothing for the same set in another order', () => {
    expect(decideProductEdit(product(), ['eco'], { name: 'Desk lamp XL' }).tags).toEqual({ add: [], remove: [] });
    const same = decideProductEdit(product(), ['eco', 'desk'], { tags: ['desk', 'eco'] });
    expect(same.tags).toEqual({ add: [], remove: [] });
    expect(same.event.payload.changes).toEqual({});
  });

  it('computes tag changes as set differences', () => {
    expect(tagChanges(['a', 'b', 'c'], ['c', 'd', 'a'])).toEqual({ add: ['d'], remove: ['b'] });
    expect(tagChanges([], ['x', 'x'])).toEqual({ add: ['x'], remove: [] });
  });
});

describe('price change', () => {
  it('sets the new price and records it with the currency', () => {
    const decision = decidePriceChange(product(), 1999);
    expect(decision.set).toEqual({ priceCents: 1999 });
    expect(decision.event).toEqual({
      type: 'ProductPriceChanged',
      schemaVersion: 1,
      payload: { sku: 'LAMP-1', changes: { priceCents: { from: 1500, to: 1999 } }, currency: 'EUR' },
    });
  });

  it('allows repricing a draft', () => {
    expect(decidePriceChange(product({ status: 'draft' }), 0).set).toEqual({ priceCents: 0 });
  });
});

describe('archive and restore', () => {
  it('archives an active or draft product', () => {
    for (const status of ['active', 'draft'] as const) {
      const decision = decideArchive(product({ status }));
      expect(decision.set).toEqual({ status: 'archived' });
      expect(decision.event).toEqual({
        type: 'ProductArchived',
        schemaVersion: 1,
        payload: { sku: 'LAMP-1', changes: { status: { from: status, to: 'archived' } } },
      });
    }
  });

  it('refuses to archive an archived product', () => {
    const error = refusalOf(() => decideArchive(product({ status: 'archived' })));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details.rule).toBe('already-archived');
    expect(error.message).toBe('"Desk lamp" (SKU LAMP-1) is already archived');
  });

  it('restores an archived product as active', () => {
    const decision = decideRestore(product({ status: 'archived' }));
    expect(decision.set).toEqual({ status: 'active' });
    expect(decision.event).toEqual({
      type: 'ProductRestored',
      schemaVersion: 1,
      payload: { sku: 'LAMP-1', changes: { status: { from: 'archived', to: 'active' } } },
    });
  });

  it('refuses to restore a product that is not archived', () => {
    for (const status of ['active', 'draft'] as const) {
      const error = refusalOf(() => decideRestore(product({ status })));
      expect(error.code).toBe('RULE_VIOLATION');
      expect(error.details.rule).toBe('not-archived');
    }
  });
});

describe('creation events', () => {
  it('records a new product with its description (ProductCreated version 2)', () => {
    const { status: _status, ...columns } = product();
    expect(productCreated({ ...columns, status: 'draft', tags: ['desk'] })).toEqual({
      type: 'ProductCreated',
      schemaVersion: 2,
      payload: {
        sku: 'LAMP-1',
        name: 'Desk lamp',
        description: 'A bright lamp.',
        brand: 'Lumen',
        categoryId: LAMPS,
        priceCents: 1500,
        currency: 'EUR',
        tags: ['desk'],
        status: 'draft',
      },
    });
  });

  it('records a new category with its parent, null at the top level', () => {
    expect(categoryCreated({ name: 'Lamps', parentId: LIGHTING })).toEqual({
      type: 'CategoryCreated',
      schemaVersion: 1,
      payload: { name: 'Lamps', parentId: LIGHTING },
    });
    expect(categoryCreated({ name: 'Garden', parentId: null }).payload.parentId).toBeNull();
  });
});
