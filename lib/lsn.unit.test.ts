import { describe, expect, it } from 'vitest';
import { bigIntToLsn, compareLsn, isLsn, lsnDistance, lsnToBigInt, maxLsn } from './lsn';

describe('lsn', () => {
  it('compares numerically, not as strings', () => {
    expect(compareLsn('0/9', '0/10')).toBe(-1);
    expect(compareLsn('1/0', '0/FFFFFFFF')).toBe(1);
    expect(compareLsn('0/1DB25F0', '0/1db25f0')).toBe(0);
    expect(maxLsn('0/A0', '0/9F')).toBe('0/A0');
  });

  it('round-trips through bigint', () => {
    expect(lsnToBigInt('1/0')).toBe(1n << 32n);
    expect(bigIntToLsn(lsnToBigInt('16/B374D848'))).toBe('16/B374D848');
    expect(lsnDistance('0/100', '0/180')).toBe(128n);
  });

  it('rejects text that is not an LSN', () => {
    expect(isLsn('0/1DB25F0')).toBe(true);
    expect(isLsn('12')).toBe(false);
    expect(isLsn('0/XYZ')).toBe(false);
    expect(() => lsnToBigInt('nope')).toThrow(/not an LSN/);
  });
});
