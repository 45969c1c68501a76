import type postgres from 'postgres';
import { customersOfOrders } from './orderSummaries';
import { column, union, type Row, type Source, type SqlProjection } from './types';

/** Customers with their order count (every order) and lifetime value (orders not cancelled). */
function summariesOf(sql: Source, selection: postgres.PendingQuery<postgres.Row[]>) {
  return sql<Row[]>`
    with selected as (${selection})
    select c.id, c.email, c.name,
           count(o.id)::int as order_count,
           coalesce(sum(o.total_cents) filter (where o.status <> 'cancelled'), 0)::int8 as lifetime_value_cents,
           max(o.placed_at) as last_order_at,
           c.version, c.created_at
      from selected c left join orders o on o.customer_id = c.id
     group by c.id, c.email, c.name, c.version, c.created_at
     order by c.id`;
}

export const customerSummaries: SqlProjection<'customer_summaries'> = {
  name: 'customer_summaries',
  table: 'customer_summaries',
  keyColumn: 'id',
  keyType: 'uuid',
  columns: ['id', 'email', 'name', 'order_count', 'lifetime_value_cents', 'last_order_at', 'version', 'created_at'],
  jsonColumns: [],
  keys: async (ctx, t) => {
    if (t.everything) {
      return union(await column(ctx.snapshot`select id as key from customers`), await column(ctx.read`select id as key from customer_summaries`));
    }
    return union(t.keys.customer, t.keys.orderCustomer, await customersOfOrders(ctx, [...t.keys.order]));
  },
  load: (sql, ids) => summariesOf(sql, sql`select * from customers where id = any(${ids}::uuid[])`),
  page: (sql, after, limit) =>
    summariesOf(sql, after ? sql`select * from customers where id > ${after}::uuid order by id limit ${limit}` : sql`select * from customers order by id limit ${limit}`),
  count: async (sql) => Number((await sql`select count(*)::int as n from customers`)[0]!.n),
};
