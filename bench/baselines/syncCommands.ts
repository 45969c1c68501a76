import type postgres from 'postgres';
import type { WriteDb, WriteTx } from '@/db/clients';
import type { CommandDeps } from '@/server/commands/runCommand';
import { syncReadModelsInTransaction } from './syncStep';

export { prepareSyncReadModels } from './syncReadModels';

/**
 * Bench only: the baseline "no projector". The same command handlers, on a WriteDb whose every
 * transaction, after the handler and its journal row and before the commit, recomputes the
 * `bench_sync` read rows that the command changed, as a system that updates its read models
 * synchronously would. Everything else on the WriteDb is untouched.
 */
export function syncCommandDeps(db: WriteDb): CommandDeps {
  const transaction = <T>(fn: (tx: WriteTx) => Promise<T>, config?: Parameters<WriteDb['transaction']>[1]): Promise<T> =>
    db.transaction(async (tx) => {
      const result = await fn(tx);
      await syncReadModelsInTransaction(clientOf(tx));
      return result;
    }, config);
  const synced = new Proxy(db, {
    get: (target, property, receiver) => (property === 'transaction' ? transaction : Reflect.get(target, property, receiver)),
  });
  return { db: synced };
}

/**
 * The postgres.js transaction under a drizzle postgres-js transaction. Drizzle internals
 * (drizzle-orm 0.45, postgres-js/session.js: `PostgresJsTransaction.session.client` is the
 * `TransactionSql` that `client.begin` handed over), checked at runtime so an upgrade that
 * moves it fails loudly instead of syncing on another connection.
 */
function clientOf(tx: WriteTx): postgres.TransactionSql {
  const client = (tx as unknown as { session?: { client?: postgres.TransactionSql } }).session?.client;
  if (typeof client?.savepoint !== 'function') {
    throw new Error('bench_sync: cannot reach the postgres.js transaction under this drizzle transaction (drizzle internals changed?)');
  }
  return client;
}
