import type { RowMessage } from '../source/wal2json';

/** Unit tests' wal2json records: a row message with its new image and, for a delete or a key change, its old key. */
export const PRODUCT = '1b5b6f1e-3c55-4f43-9d7e-2a4f0c6b8e11';
export const WAREHOUSE = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

const columns = (image: Record<string, unknown>) => Object.entries(image).map(([name, value]) => ({ name, value }));

export function walRecord(action: RowMessage['action'], table: string, image?: Record<string, unknown>, identity?: Record<string, unknown>): RowMessage {
  return {
    action,
    xid: 753,
    lsn: '0/1E4B1F8',
    schema: 'public',
    table,
    ...(image && { columns: columns(image) }),
    ...(identity && { identity: columns(identity) }),
  };
}
