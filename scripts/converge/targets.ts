import type postgres from 'postgres';
import type { KeyedTable, Pick } from './operations';

/** The stable order a `Pick` indexes into: natural keys, never generated ids. */
const ORDER_BY: Record<KeyedTable, string> = {
  products: 'sku',
  categories: 'name, created_at, id',
  customers: 'email',
  warehouses: 'code',
  orders: 'placed_at, total_cents, id',
};

export interface Target {
  id: string;
  version: number;
}

/** Resolves picks against the write model as it is when the operation runs. */
export class Targets {
  constructor(private readonly sql: postgres.Sql) {}

  /** The `pick`-th row (modulo their number) of `table` matching `where`, or undefined if there is none. */
  async pick(table: KeyedTable, pick: Pick, where = 'true'): Promise<Target | undefined> {
    const [row] = await this.sql.unsafe<Target[]>(
      `select id, version from (
         select id, version, row_number() over (order by ${ORDER_BY[table]}) - 1 as n, count(*) over () as total
           from ${table} where ${where}) t
        where n = $1 % total`,
      [pick],
    );
    return row;
  }

  product(pick: Pick): Promise<Target | undefined> {
    return this.pick('products', pick);
  }

  async id(table: KeyedTable, pick: Pick | null | undefined): Promise<string | null | undefined> {
    if (pick === null || pick === undefined) return pick;
    return (await this.pick(table, pick))?.id;
  }
}
