import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration } from './figures';

describe('operator figures', () => {
  it('formats WAL sizes in powers of 1024', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3.0 TB');
  });

  it('formats lag from milliseconds to hours', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(12_500)).toBe('12.5 s');
    expect(formatDuration(190_000)).toBe('3 min 10 s');
    expect(formatDuration(3_780_000)).toBe('1 h 3 min');
  });

  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
