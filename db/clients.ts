import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as readSchema from './read/schema';
import * as writeSchema from './write/schema';

export interface ClientOptions {
  max?: number;
  applicationName?: string;
}

function connect(url: string, options: ClientOptions) {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Short OLTP statements: JIT compilation costs more than it saves (see docs/benchmarks.md).
    connection: { application_name: options.applicationName ?? 'storefront', jit: 'off' },
  });
}

export function createWriteDb(url: string, options: ClientOptions = {}) {
  const sql = connect(url, options);
  return { db: drizzle(sql, { schema: writeSchema }), sql };
}

export function createReadDb(url: string, options: ClientOptions = {}) {
  const sql = connect(url, options);
  return { db: drizzle(sql, { schema: readSchema }), sql };
}

export type WriteDb = ReturnType<typeof createWriteDb>['db'];
export type ReadDb = ReturnType<typeof createReadDb>['db'];
export type WriteTx = Parameters<Parameters<WriteDb['transaction']>[0]>[0];
export type ReadTx = Parameters<Parameters<ReadDb['transaction']>[0]>[0];

/**
 * A statement prepared once per client: drizzle builds its SQL on the first call only, and
 * later calls just execute it. For queries on every request (the session lookup, say).
 */
export function preparedPerClient<D extends object, P>(prepare: (db: D) => P): (db: D) => P {
  const prepared = new WeakMap<D, P>();
  return (db) => {
    let statement = prepared.get(db);
    if (!statement) prepared.set(db, (statement = prepare(db)));
    return statement;
  };
}
