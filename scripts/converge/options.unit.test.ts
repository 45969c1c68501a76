import { describe, expect, it } from 'vitest';
import { generateHistory } from './history';
import { parseConvergeArgs, parseKeep, SOAK_LARGE_ROWS } from './options';
import { formatKeep, replayCommand } from './report';

const parse = (args: string[]) => parseConvergeArgs(args, () => 77);

describe('parseConvergeArgs', () => {
  it('runs three histories from a random seed by default', () => {
    expect(parse([])).toMatchObject({ seed: 77, histories: 3, generation: { ops: 60, faults: 4, largeRows: 20_000 }, shrink: false });
  });

  it('replays one history for a seed', () => {
    expect(parse(['--seed', '12', '--ops', '30'])).toMatchObject({ seed: 12, histories: 1, generation: { ops: 30, faults: 2 } });
  });

  it('soaks with larger transactions until the time is up', () => {
    expect(parse(['--minutes', '5'])).toMatchObject({ minutes: 5, histories: Number.POSITIVE_INFINITY, generation: { largeRows: SOAK_LARGE_ROWS } });
  });

  it('refuses unknown options and bad numbers', () => {
    expect(parse(['--fast'])).toEqual({ error: 'Unknown option "--fast".' });
    expect(parse(['--ops', 'many'])).toEqual({ error: '--ops must be a whole number of at least 0, not "many".' });
    expect(parse(['--seed'])).toEqual({ error: '--seed needs a value.' });
  });
});

describe('keep lists', () => {
  it('read and print ranges', () => {
    const keep = parseKeep('0-3,7,9-10');
    expect([...keep]).toEqual([0, 1, 2, 3, 7, 9, 10]);
    expect(formatKeep(keep)).toBe('0-3,7,9-10');
  });

  it('end up in the replay command, which regenerates the same history', () => {
    const history = generateHistory(5, { ops: 20, faults: 1, largeRows: 0 });
    expect(replayCommand(history, new Set([1, 2, 5]))).toBe('npm run converge -- --seed 5 --ops 20 --faults 1 --large-rows 0 --keep 1-2,5');
    const parsed = parse(['--seed', '5', '--ops', '20', '--faults', '1', '--large-rows', '0']);
    expect('error' in parsed ? parsed : generateHistory(parsed.seed, parsed.generation)).toEqual(history);
  });
});
