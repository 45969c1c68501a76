import { describe, expect, it } from 'vitest';
import { containsPattern } from './likePattern';

describe('contains pattern', () => {
  it('wraps the text in wildcards', () => {
    expect(containsPattern('ana')).toBe('%ana%');
  });

  it('matches wildcard and escape characters literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
