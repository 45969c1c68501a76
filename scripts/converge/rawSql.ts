import type postgres from 'postgres';
import type { KeyedTable, ProductSlice, SqlOp } from './operations';
import { ok, outcomeOfError, skipped, type Outcome } from './outcomes';
import type { Targets } from './targets';

export interface SqlContext {
  /** The write database as its owner (ADMIN_DATABASE_URL). */
  sql: postgres.Sql;
  targets: Targets;
  label: string;
}

/** Runs one direct write on the write model: no command, no journal entry. */
export async function runSql(op: SqlOp, ctx: SqlContext): Promise<Outcome> {
  try {
    return await write(op, ctx);
  } catch (error) {
    return outcomeOfError(error);
  }
}

const inSlice = (sql: postgres.Sql | postgres.TransactionSql, slice: ProductSlice) => sql`mod(abs(hashtext(sku)), ${slice.modulo}) = ${slice.remainder}`;
const rows = (result: { count: number }) => ok(`${result.count} rows`);

async function write(op: SqlOp, { sql, targets, label }: SqlContext): Promise<Outcome> {
  switch (op.kind) {
    case 'sqlRepriceMany':
      return rows(await sql`
        update products set price_cents = greatest(0, price_cents + ${op.deltaCents}), version = version + 1, updated_at = now()
         where ${inSlice(sql, op.slice)}`);
    case 'sqlTouchRepeatedly':
      return sql.begin(async (tx) => {
        let count = 0;
        for (let i = 0; i < op.times; i++) {
          const bump = i === 1 ? 1 : 0;
          count += (await tx`
            update products set updated_at = now(), version = version + 1, price_cents = price_cents + ${bump}
             where ${inSlice(tx, op.slice)}`).count;
        }
        return ok(`${count} row updates in one transaction`);
      });
    case 'sqlMoveProducts': {
      const categoryId = await targets.id('categories', op.category);
      if (categoryId === undefined) return skipped('no category');
      return rows(await sql`update products set category_id = ${categoryId}, version = version + 1, updated_at = now() where ${inSlice(sql, op.slice)}`);
    }
    case 'sqlMoveCategory':
      return moveCategory(op, sql, targets);
    case 'sqlRenameMany':
      return renameMany(op, sql);
    case 'sqlStockMany':
      return rows(await sql`
        update stock_levels set quantity = greatest(0, quantity + ${op.delta}), version = version + 1, updated_at = now()
         where product_id in (select id from products where ${inSlice(sql, op.slice)})`);
    case 'sqlDeleteOrder': {
      const order = await targets.pick('orders', op.order);
      if (!order) return skipped('no order');
      return rows(await sql`delete from orders where id = ${order.id}`);
    }
    case 'sqlDeleteProduct': {
      const product = await targets.product(op.product);
      if (!product) return skipped('no product');
      return sql.begin(async (tx) => {
        if (op.withOrders) await tx`delete from orders where id in (select order_id from order_lines where product_id = ${product.id})`;
        return rows(await tx`delete from products where id = ${product.id}`);
      });
    }
    case 'sqlDeleteMany':
      return rows(await sql`delete from products where ${inSlice(sql, op.slice)} and not exists (select 1 from order_lines l where l.product_id = products.id)`);
    case 'sqlDeleteTags': {
      const product = await targets.product(op.product);
      if (!product) return skipped('no product');
      return rows(await sql`delete from product_tags where product_id = ${product.id}`);
    }
    case 'sqlChangeKey':
      return changeKey(op.table, op.target, sql, targets);
    case 'sqlRetag': {
      const product = await targets.product(op.product);
      if (!product) return skipped('no product');
      return rows(await sql`update product_tags set tag = left(tag, 36) || '-' || substr(md5(tag), 1, 3) where product_id = ${product.id}`);
    }
    case 'sqlMoveStock':
      return moveStock(op, sql, targets);
    case 'sqlToastDescription':
      return toastDescription(op, sql, targets);
    case 'sqlLargeTransaction':
      return largeTransaction(op, sql, label);
    case 'sqlOddText':
      return oddText(op, sql, targets);
    case 'sqlEmitMessage':
      return emitMessage(op, sql);
    case 'sqlTruncateProducts':
      await sql`truncate products cascade`;
      return ok();
  }
}

async function moveCategory(op: Extract<SqlOp, { kind: 'sqlMoveCategory' }>, sql: postgres.Sql, targets: Targets): Promise<Outcome> {
  const category = await targets.pick('categories', op.category);
  const parentId = await targets.id('categories', op.parent);
  if (!category || parentId === undefined) return skipped('no category');
  // Never under itself or a descendant: the tree stays a tree.
  return rows(await sql`
    update categories set parent_id = ${parentId}, version = version + 1, updated_at = now()
     where id = ${category.id}
       and (${parentId}::uuid is null or ${parentId}::uuid not in (
         with recursive below as (
           select id from categories where id = ${category.id}
           union all select c.id from categories c join below b on c.parent_id = b.id)
         select id from below))`);
}

async function renameMany(op: Extract<SqlOp, { kind: 'sqlRenameMany' }>, sql: postgres.Sql): Promise<Outcome> {
  const suffix = ` ${op.suffix}`;
  switch (op.table) {
    case 'categories':
      return rows(await sql`update categories set name = left(name, 80) || ${suffix}, version = version + 1, updated_at = now()`);
    case 'customers':
      return rows(await sql`update customers set name = left(name, 180) || ${suffix}, version = version + 1, updated_at = now()`);
    case 'warehouses':
      return rows(await sql`update warehouses set name = left(name, 80) || ${suffix}, version = version + 1, updated_at = now()`);
    case 'users':
      return rows(await sql`update users set name = left(name, 80) || ${suffix}`);
  }
}

/**
 * A primary-key change with every reference moved in the same transaction. No foreign key
 * cascades updates, so the checks are off for the transaction (`session_replication_role`);
 * every reference is moved, so the data is consistent again at commit.
 */
async function changeKey(table: KeyedTable, pick: number, sql: postgres.Sql, targets: Targets): Promise<Outcome> {
  const target = await targets.pick(table, pick);
  if (!target) return skipped(`no row in ${table}`);
  const references: Record<KeyedTable, [string, string][]> = {
    products: [['product_tags', 'product_id'], ['stock_levels', 'product_id'], ['order_lines', 'product_id']],
    categories: [['categories', 'parent_id'], ['products', 'category_id']],
    customers: [['orders', 'customer_id']],
    warehouses: [['stock_levels', 'warehouse_id'], ['order_allocations', 'warehouse_id']],
    orders: [['order_lines', 'order_id'], ['order_allocations', 'order_id']],
  };
  return sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    const [row] = await tx.unsafe<{ id: string }[]>(`update ${table} set id = gen_random_uuid() where id = $1 returning id`, [target.id]);
    let moved = 0;
    for (const [child, column] of references[table]) {
      moved += (await tx.unsafe(`update ${child} set ${column} = $1 where ${column} = $2`, [row!.id, target.id])).count;
    }
    return ok(`${table} ${target.id} -> ${row!.id}, ${moved} references moved`);
  });
}

async function moveStock(op: Extract<SqlOp, { kind: 'sqlMoveStock' }>, sql: postgres.Sql, targets: Targets): Promise<Outcome> {
  const product = await targets.product(op.product);
  if (!product) return skipped('no product');
  const from = await targets.pick('warehouses', op.from, `exists (select 1 from stock_levels s where s.warehouse_id = warehouses.id and s.product_id = '${product.id}')`);
  const to = await targets.pick('warehouses', op.to);
  if (!from || !to) return skipped('no stock to move');
  return rows(await sql`
    update stock_levels set warehouse_id = ${to.id}, version = version + 1, updated_at = now()
     where product_id = ${product.id} and warehouse_id = ${from.id}
       and not exists (select 1 from stock_levels o where o.product_id = ${product.id} and o.warehouse_id = ${to.id})`);
}

async function oddText(op: Extract<SqlOp, { kind: 'sqlOddText' }>, sql: postgres.Sql, targets: Targets): Promise<Outcome> {
  const product = await targets.product(op.product);
  if (!product) return skipped('no product');
  const text = op.field === 'description' ? op.text : op.text.slice(0, 100);
  return rows(await sql.unsafe(`update products set ${op.field} = $1, version = version + 1, updated_at = now() where id = $2`, [text, product.id]));
}

async function emitMessage(op: Extract<SqlOp, { kind: 'sqlEmitMessage' }>, sql: postgres.Sql): Promise<Outcome> {
  const emit = (db: postgres.Sql | postgres.TransactionSql, transactional: boolean) =>
    op.content.startsWith('\\x')
      ? db`select pg_logical_emit_message(${transactional}, 'converge', ${op.content}::bytea)`
      : db`select pg_logical_emit_message(${transactional}, 'converge', ${op.content}::text)`;
  if (!op.transactional) {
    await emit(sql, false);
    return ok('outside a transaction');
  }
  return sql.begin(async (tx) => {
    await emit(tx, true);
    await tx`update products set updated_at = now() where id = (select id from products order by sku limit 1)`;
    return ok('inside a writing transaction');
  });
}

/** Deterministic, incompressible text: TOAST keeps it out of line and compression cannot shrink it back inline. */
export function noiseText(chars: number, seed: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ';
  let state = seed >>> 0 || 1;
  let text = '';
  for (let i = 0; i < chars; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    text += alphabet[(state >>> 0) % alphabet.length];
  }
  return text;
}

async function toastDescription(op: Extract<SqlOp, { kind: 'sqlToastDescription' }>, sql: postgres.Sql, targets: Targets): Promise<Outcome> {
  const product = await targets.product(op.product);
  if (!product) return skipped('no product');
  const id = product.id;
  await sql`update products set description = ${noiseText(op.chars, op.textSeed)}, version = version + 1, updated_at = now() where id = ${id}`;
  // The update that matters: wal2json leaves the unchanged TOASTed description out of it.
  switch (op.then) {
    case 'price':
      await sql`update products set price_cents = price_cents + 1, version = version + 1, updated_at = now() where id = ${id}`;
      break;
    case 'name':
      await sql`update products set name = left(name, 180) || ' T', version = version + 1, updated_at = now() where id = ${id}`;
      break;
    case 'status':
      await sql`update products set status = case when status = 'active' then 'draft' else 'active' end, version = version + 1, updated_at = now() where id = ${id}`;
      break;
    case 'category':
      await sql`update products set category_id = (select id from categories order by name, created_at, id limit 1), version = version + 1, updated_at = now() where id = ${id}`;
      break;
    case 'stock':
      await sql`update stock_levels set quantity = quantity + 1, version = version + 1, updated_at = now() where product_id = ${id}`;
      break;
  }
  return ok(`${op.chars} chars, then ${op.then}`);
}

/** One transaction of `rows` new products (a third of them tagged); `churn` then updates all of them in one transaction and deletes half in another. */
async function largeTransaction(op: Extract<SqlOp, { kind: 'sqlLargeTransaction' }>, sql: postgres.Sql, label: string): Promise<Outcome> {
  const prefix = `L${label.replace(/\D/g, '-')}-`;
  await sql.begin(async (tx) => {
    await tx`
      insert into products (sku, name, description, brand, category_id, price_cents, currency, status)
      select ${prefix} || g, 'Bulk item ' || g, '', 'Bulk', (select id from categories order by name, created_at, id limit 1), 100 + g % 1000, 'EUR', 'active'
        from generate_series(1, ${op.rows}::int) g`;
    await tx`insert into product_tags (product_id, tag) select id, 'bulk' from products where sku like ${`${prefix}%`} and mod(abs(hashtext(sku)), 3) = 0`;
  });
  if (op.shape === 'insert') return ok(`${op.rows} products`);
  const updated = await sql`update products set price_cents = price_cents + 1, version = version + 1, updated_at = now() where sku like ${`${prefix}%`}`;
  const deleted = await sql`delete from products where sku like ${`${prefix}%`} and mod(abs(hashtext(sku)), 2) = 0`;
  return ok(`${op.rows} products inserted, ${updated.count} updated, ${deleted.count} deleted`);
}
