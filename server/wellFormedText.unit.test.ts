import { describe, expect, it } from 'vitest';
import { MAX_INPUT_DEPTH, textProblem } from './wellFormedText';

describe('textProblem', () => {
  it('accepts ordinary input, emoji (paired surrogates) included', () => {
    expect(textProblem({ name: 'Lamp 💡', tags: ['a', 'b'], n: 3, nested: { deep: [null, true] } })).toBeNull();
    expect(textProblem(undefined)).toBeNull();
  });

  it('finds NUL characters and lone surrogates anywhere, keys included', () => {
    expect(textProblem({ a: [{ b: 'x\u0000y' }] })).toMatch(/NUL/);
    expect(textProblem(['ok', 'half \uD83D'])).toMatch(/lone surrogate/);
    expect(textProblem({ ['\uDC00']: 1 })).toMatch(/lone surrogate/);
  });

  it('refuses nesting past the limit without recursing', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(textProblem(deep)).toMatch(/nested more than/);
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = [ok];
    expect(textProblem(ok)).toBeNull();
  });
});
