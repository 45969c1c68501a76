import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './options';

describe('bench options', () => {
  it('run the full size by default: 100k products and 1M order lines at 1, 8 and 32 clients', () => {
    expect(parseBenchArgs([])).toMatchObject({ mode: 'full', products: 100_000, orderLines: 1_000_000, burstChanges: 1_000_000, commandClients: [1, 8, 32], lagRates: [100, 500] });
  });

  it('shrink data and measurements with --quick, and let sizes be chosen', () => {
    const quick = parseBenchArgs(['--quick', '--products', '20_000', '--out', '/tmp/x']);
    expect(quick).toMatchObject({ mode: 'quick', products: 20_000, orderLines: 100_000, outDir: '/tmp/x' });
  });

  it('run only the phases --only names, in the run\'s own order', () => {
    expect(parseBenchArgs(['--quick', '--only', 'catch-up,lag'])).toMatchObject({ phases: ['lag', 'catch-up'] });
    expect(parseBenchArgs([])).toMatchObject({ phases: ['queries', 'commands', 'in-process', 'lag', 'takeover', 'rebuild', 'catch-up', 'stream'] });
    expect(parseBenchArgs(['--only', 'lag,speed'])).toEqual({ error: '--only takes queries, commands, in-process, lag, takeover, rebuild, catch-up, stream; not "speed".' });
  });

  it('refuse what they do not understand, with the reason', () => {
    expect(parseBenchArgs(['--fast'])).toEqual({ error: 'Unknown option "--fast".' });
    expect(parseBenchArgs(['--products'])).toEqual({ error: '--products needs a value.' });
    expect(parseBenchArgs(['--products', 'many'])).toEqual({ error: '--products must be a whole number of at least 10, not "many".' });
  });
});
