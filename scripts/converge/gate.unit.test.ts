import { describe, expect, it } from 'vitest';
import { Gate } from './gate';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('Gate', () => {
  it('runs a lone task after the operations in flight and before the ones that come after it', async () => {
    const gate = new Gate();
    const log: string[] = [];
    const op = (name: string) => gate.pass(async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    });
    const first = op('a');
    const alone = gate.alone(async () => {
      log.push('stop');
      await tick();
      log.push('stopped');
    });
    const later = op('b');
    await Promise.all([first, alone, later]);
    expect(log).toEqual(['a start', 'a end', 'stop', 'stopped', 'b start', 'b end']);
  });
});
