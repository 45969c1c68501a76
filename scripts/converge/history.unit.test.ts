import { describe, expect, it } from 'vitest';
import { generateHistory, SETUP_OPS } from './history';

const options = { ops: 50, faults: 4, largeRows: 1000 };

describe('generateHistory', () => {
  it('gives the same history for the same seed and options', () => {
    expect(generateHistory(42, options)).toEqual(generateHistory(42, options));
  });

  it('gives another history for another seed', () => {
    expect(generateHistory(43, options).ops).not.toEqual(generateHistory(42, options).ops);
  });

  it('holds the setup, the operations asked for, every fault, at most one large transaction and one truncation, and up to two checks', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const history = generateHistory(seed, options);
      const faults = history.ops.filter((op) => op.kind === 'fault');
      const large = history.ops.filter((op) => op.kind === 'sqlLargeTransaction');
      const truncate = history.ops.filter((op) => op.kind === 'sqlTruncateProducts');
      const checks = history.ops.filter((op) => op.kind === 'check');
      expect(faults).toHaveLength(options.faults);
      expect(large.length).toBeLessThanOrEqual(1);
      expect(truncate.length).toBeLessThanOrEqual(1);
      expect(checks.length).toBeLessThanOrEqual(2);
      expect(history.ops).toHaveLength(SETUP_OPS + options.ops + options.faults + large.length + truncate.length + checks.length);
      expect(history.ops.slice(0, SETUP_OPS).every((op) => op.kind.startsWith('create') || op.kind === 'registerCustomer' || op.kind === 'adjustStock')).toBe(true);
    }
  });

  it('leaves out the kinds excluded, in bursts too', () => {
    const history = generateHistory(3, { ...options, exclude: ['createProduct', 'projectorKill'] });
    const flat = history.ops.flatMap((op) => (op.kind === 'burst' ? op.ops : [op]));
    expect(flat.some((op) => op.kind === 'createProduct' || (op.kind === 'fault' && op.fault.kind === 'projectorKill'))).toBe(false);
    expect(flat.length).toBeGreaterThan(options.ops / 2);
  });

  it('holds no large transaction when none is asked for', () => {
    const history = generateHistory(7, { ...options, largeRows: 0 });
    expect(history.ops.some((op) => op.kind === 'sqlLargeTransaction')).toBe(false);
  });
});
