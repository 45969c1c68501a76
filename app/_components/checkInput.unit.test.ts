import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkInput, messagesFor, toCents } from './checkInput';

const schema = z
  .object({ name: z.string().min(1, 'Name is required'), price: z.number().int('Whole cents') })
  .refine((v) => v.name !== 'nothing', { message: 'Nothing to change' });

describe('checkInput', () => {
  it('returns the parsed value when the schema accepts it', () => {
    expect(checkInput(schema, { name: 'Lamp', price: 1 })).toEqual({ ok: true, value: { name: 'Lamp', price: 1 } });
  });

  it('reports every failing field by name', () => {
    expect(checkInput(schema, { name: '', price: 1.5 })).toEqual({ ok: false, errors: { name: ['Name is required'], price: ['Whole cents'] } });
  });

  it('reports object-level problems as _form', () => {
    expect(checkInput(schema, { name: 'nothing', price: 1 })).toEqual({ ok: false, errors: { _form: ['Nothing to change'] } });
  });
});

describe('messagesFor', () => {
  it('takes the first source with messages for the field', () => {
    expect(messagesFor('name', { name: [] }, { name: ['a', 'b'] }, { name: ['c'] })).toBe('a, b');
    expect(messagesFor('price', undefined, { name: ['a'] })).toBeUndefined();
  });
});

describe('toCents', () => {
  it('rounds currency units to whole cents', () => {
    expect(toCents(24.9)).toBe(2490);
    expect(toCents('19.99')).toBe(1999);
    expect(toCents(0.1 + 0.2)).toBe(30);
  });

  it('gives NaN for an empty or unreadable amount, which the schemas refuse', () => {
    expect(toCents('')).toBeNaN();
    expect(toCents('abc')).toBeNaN();
  });
});
