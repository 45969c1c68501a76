import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { allVisible } from '@/projector/visibility';

const env = inject('stackEnv');
const db = postgres(env.ADMIN_DATABASE_URL, { max: 2, onnotice: () => {} });
const visible = (xid: number) => db.begin('isolation level repeatable read read only', (snapshot) => allVisible(snapshot, [xid]));

afterAll(() => db.end());

describe('batch visibility check', () => {
  it('sees committed transactions, not open ones nor ids at or past the snapshot horizon', async () => {
    const [{ x }] = (await db`select txid_current()::int8 as x`) as unknown as [{ x: string }];
    expect(await visible(Number(x))).toBe(true);
    expect(await visible(Number(x) + 1000)).toBe(false);

    const open = await db.reserve();
    try {
      await open`begin`;
      const [{ y }] = (await open`select txid_current()::int8 as y`) as unknown as [{ y: string }];
      expect(await visible(Number(y))).toBe(false);
      await open`commit`;
      expect(await visible(Number(y))).toBe(true);
    } finally {
      open.release();
    }
  });
});
