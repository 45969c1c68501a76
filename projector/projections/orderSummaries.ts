import type postgres from 'postgres';
import { column, union, type KeyContext, type Row, type Source, type SqlProjection } from './types';
import type { Touches } from './touches';

/**
 * Orders with their customer's name and email and their lines. Items hold product ids and
 * the prices captured at placement; product names are joined at query time from
 * product_summaries, so renaming a product does not rewrite its orders.
 */
function summariesOf(sql: Source, selection: postgres.PendingQuery<postgres.Row[]>) {
  return sql<Row[]>`
    with selected as (${selection})
    select o.id, o.customer_id, c.name as customer_name, c.email as customer_email, o.status, o.currency,
           o.total_cents::int8 as total_cents,
           coalesce(l.line_count, 0)::int as line_count,
           coalesce(l.item_count, 0)::int8 as item_count,
           coalesce(l.items, '[]'::jsonb) as items,
           o.version, o.placed_at, o.paid_at, o.shipped_at, o.cancelled_at, o.updated_at
      from selected o
      join customers c on c.id = o.customer_id
      left join lateral (
        select count(*) as line_count, sum(ol.quantity) as item_count,
               jsonb_agg(jsonb_build_object(
                 'lineNo', ol.line_no, 'productId', ol.product_id, 'quantity', ol.quantity,
                 'unitPriceCents', ol.unit_price_cents, 'lineTotalCents', ol.quantity::int8 * ol.unit_price_cents
               ) order by ol.line_no) as items
          from order_lines ol where ol.order_id = o.id
      ) l on true
     order by o.id`;
}

async function keys({ snapshot, read }: KeyContext, t: Touches): Promise<string[]> {
  if (t.everything) {
    return union(await column(snapshot`select id as key from orders`), await column(read`select id as key from order_summaries`));
  }
  const customers = [...t.keys.customer];
  // A customer's name and email are copied into each of their orders.
  return union(t.keys.order, customers.length ? await column(snapshot`select id as key from orders where customer_id = any(${customers}::uuid[])`) : []);
}

export const orderSummaries: SqlProjection<'order_summaries'> = {
  name: 'order_summaries',
  table: 'order_summaries',
  keyColumn: 'id',
  keyType: 'uuid',
  columns: [
    'id', 'customer_id', 'customer_name', 'customer_email', 'status', 'currency', 'total_cents', 'line_count',
    'item_count', 'items', 'version', 'placed_at', 'paid_at', 'shipped_at', 'cancelled_at', 'updated_at',
  ],
  jsonColumns: ['items'],
  keys,
  load: (sql, ids) => summariesOf(sql, sql`select * from orders where id = any(${ids}::uuid[])`),
  page: (sql, after, limit) =>
    summariesOf(sql, after ? sql`select * from orders where id > ${after}::uuid order by id limit ${limit}` : sql`select * from orders order by id limit ${limit}`),
  count: async (sql) => Number((await sql`select count(*)::int as n from orders`)[0]!.n),
};

/** Customers of the touched orders, as the write model says now and as the read model remembers. */
export async function customersOfOrders({ snapshot, read }: KeyContext, orders: string[]): Promise<string[]> {
  if (orders.length === 0) return [];
  return union(
    await column(snapshot`select distinct customer_id as key from orders where id = any(${orders}::uuid[])`),
    await column(read`select distinct customer_id as key from order_summaries where id = any(${orders}::uuid[])`),
  );
}
