import { describe, expect, it } from 'vitest';
import { endOfDay, isDay, startOfDay } from './days';

describe('calendar days', () => {
  it('start at local midnight and end at the next one', () => {
    expect(startOfDay('2026-03-31')).toEqual(new Date(2026, 2, 31));
    expect(endOfDay('2026-03-31')).toEqual(new Date(2026, 3, 1));
    expect(endOfDay('2026-12-31')).toEqual(new Date(2027, 0, 1));
  });

  it.each(['', '2026-02-30', '2026-13-01', '31.03.2026', '2026-3-1'])('"%s" is not a day', (text) => {
    expect(isDay(text)).toBe(false);
    expect(startOfDay(text)).toBeUndefined();
  });
});
