import { describe, expect, it } from 'vitest';
import { editFormOf, productChanges } from './productEdit';

const product = {
  name: 'Trail Lantern',
  description: 'Bright.',
  brand: 'Kestrel',
  categoryId: '7b0f1c52-8a9b-4f4e-9d55-1a2b3c4d5e6f',
  tags: ['camping', 'new'],
  status: 'active',
};

describe('productChanges', () => {
  it('is empty when the form is untouched', () => {
    expect(productChanges(product, editFormOf(product))).toEqual({});
  });

  it('lists only the changed fields', () => {
    const form = { ...editFormOf(product), name: 'Trail Lantern XL', status: 'draft' as const };
    expect(productChanges(product, form)).toEqual({ name: 'Trail Lantern XL', status: 'draft' });
  });

  it('clears brand and category with null', () => {
    const form = { ...editFormOf(product), brand: '  ', categoryId: null };
    expect(productChanges(product, form)).toEqual({ brand: null, categoryId: null });
  });

  it('compares tags as a set, ignoring order and case', () => {
    expect(productChanges(product, { ...editFormOf(product), tags: ['NEW', 'camping'] })).toEqual({});
    expect(productChanges(product, { ...editFormOf(product), tags: ['camping'] })).toEqual({ tags: ['camping'] });
  });

  it('starts a product without brand with an empty brand field', () => {
    const bare = { ...product, brand: null };
    expect(editFormOf(bare).brand).toBe('');
    expect(productChanges(bare, editFormOf(bare))).toEqual({});
  });
});
