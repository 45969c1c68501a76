import { describe, expect, it } from 'vitest';
import { preparedPerClient } from './clients';

describe('preparedPerClient', () => {
  it('prepares a statement once per client and hands the same one back', () => {
    const prepared: object[] = [];
    const statementOf = preparedPerClient((db: { name: string }) => {
      const statement = { for: db.name };
      prepared.push(statement);
      return statement;
    });
    const a = { name: 'a' };
    const b = { name: 'b' };
    expect(statementOf(a)).toBe(statementOf(a));
    expect(statementOf(b)).toEqual({ for: 'b' });
    expect(prepared).toEqual([{ for: 'a' }, { for: 'b' }]);
  });
});
