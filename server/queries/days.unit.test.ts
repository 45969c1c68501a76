import { describe, expect, it } from 'vitest';
import { addDays, daysInRange, eachDay, utcDay } from './days';

describe('UTC days', () => {
  it('takes the UTC date of an instant, whatever the local time zone says', () => {
    expect(utcDay(new Date('2025-03-01T23:30:00-05:00'))).toBe('2025-03-02');
  });

  it('adds days across month ends, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-30', 0)).toBe('2025-03-30');
  });

  it('counts the days of a range with both ends included', () => {
    expect(daysInRange('2025-01-01', '2025-01-01')).toBe(1);
    expect(daysInRange('2024-01-01', '2024-12-31')).toBe(366);
    expect(daysInRange('2025-01-02', '2025-01-01')).toBe(0);
  });

  it('lists every day of a range in order, none when it is backwards', () => {
    expect(eachDay('2024-12-30', '2025-01-02')).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
    expect(eachDay('2025-01-02', '2025-01-01')).toEqual([]);
  });
});
