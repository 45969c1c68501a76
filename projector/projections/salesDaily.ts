import type postgres from 'postgres';
import { column, union, type KeyContext, type Row, type Source, type SqlProjection } from './types';
import type { Touches } from './touches';

/** Per UTC day and currency: orders not cancelled, the units on them and their revenue. */
function salesOf(sql: Source, days: postgres.PendingQuery<postgres.Row[]>) {
  return sql<Row[]>`
    with days as (${days})
    select d.day::text as day, o.currency, count(*)::int as orders,
           coalesce(sum(l.units), 0)::int8 as units, sum(o.total_cents)::int8 as revenue_cents
      from days d
      join orders o on o.placed_at >= (d.day::timestamp at time zone 'UTC') and o.placed_at < ((d.day + 1)::timestamp at time zone 'UTC')
      cross join lateral (select sum(quantity) as units from order_lines where order_id = o.id) l
     where o.status <> 'cancelled'
     group by d.day, o.currency
     order by d.day, o.currency`;
}

const DAY_OF = `((placed_at at time zone 'UTC')::date)::text`;

async function keys({ snapshot, read }: KeyContext, t: Touches): Promise<string[]> {
  if (t.everything) {
    return union(
      await column(snapshot.unsafe(`select distinct ${DAY_OF} as key from orders`)),
      await column(read`select distinct day::text as key from sales_daily`),
    );
  }
  const orders = [...t.keys.order];
  if (orders.length === 0) return [];
  const placedAt = [...t.keys.orderPlacedAt];
  return union(
    // The days of the orders the batch inserted or changed, from their row images.
    placedAt.length ? await column(snapshot.unsafe(`select distinct ((t::timestamptz at time zone 'UTC')::date)::text as key from unnest($1::text[]) t`, [placedAt])) : [],
    await column(snapshot.unsafe(`select distinct ${DAY_OF} as key from orders where id = any($1::uuid[])`, [orders])),
    await column(read.unsafe(`select distinct ${DAY_OF} as key from order_summaries where id = any($1::uuid[])`, [orders])),
  );
}

export const salesDaily: SqlProjection<'sales_daily'> = {
  name: 'sales_daily',
  table: 'sales_daily',
  keyColumn: 'day',
  keyType: 'date',
  columns: ['day', 'currency', 'orders', 'units', 'revenue_cents'],
  jsonColumns: [],
  keys,
  load: (sql, days) => salesOf(sql, sql`select unnest(${days}::date[]) as day`),
  page: (sql, after, limit) =>
    salesOf(
      sql,
      after
        ? sql`select distinct (placed_at at time zone 'UTC')::date as day from orders where (placed_at at time zone 'UTC')::date > ${after}::date order by day limit ${limit}`
        : sql`select distinct (placed_at at time zone 'UTC')::date as day from orders order by day limit ${limit}`,
    ),
  count: async (sql) => Number((await sql.unsafe(`select count(distinct ${DAY_OF})::int as n from orders`))[0]!.n),
};
