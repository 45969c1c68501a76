import { sql } from 'drizzle-orm';
import type { ReadDb } from '@/db/clients';
import type { ProjectionName } from '@/db/read/projections';
import { EVENT_AGGREGATE, type EventOf } from '@/db/write/events';
import { waitForPosition, type Freshness } from './freshness';
import type { ListWarehousesInput } from './listWarehouses.input';
import { mergeWarehouses, type CreatedWarehouse, type StockedWarehouse, type WarehouseView } from './warehouseList';

/** The SQL read models commit their checkpoints together; a new warehouse first shows in `activity`. */
const FRESHNESS_REFERENCE: ProjectionName = 'activity';

/** The event that names a new warehouse, and the payload fields read from it: checked against the journal's contract. */
const CREATED: EventOf<'WarehouseCreated'>['type'] = 'WarehouseCreated';
const CREATED_AGGREGATE = EVENT_AGGREGATE[CREATED];
const CODE = 'code' satisfies keyof EventOf<'WarehouseCreated'>['payload'];
const NAME = 'name' satisfies keyof EventOf<'WarehouseCreated'>['payload'];

export interface WarehouseList extends Freshness {
  items: WarehouseView[];
}

export async function listWarehouses(db: ReadDb, input: ListWarehousesInput, waitMs: number): Promise<WarehouseList> {
  const freshness = await waitForPosition(db, FRESHNESS_REFERENCE, input.after, waitMs);
  const [created, stocked] = await Promise.all([createdWarehouses(db), stockedWarehouses(db)]);
  return { items: mergeWarehouses(created, stocked), ...freshness };
}

async function createdWarehouses(db: ReadDb): Promise<CreatedWarehouse[]> {
  const rows = await db.execute<{ id: string; code: string; name: string; created_at: string }>(sql`
    select aggregate_id as id, payload->>${CODE}::text as code, payload->>${NAME}::text as name, recorded_at as created_at
      from activity
     where aggregate_type = ${CREATED_AGGREGATE} and event_type = ${CREATED}`);
  return rows.map((row) => ({ id: row.id, code: row.code, name: row.name, createdAt: new Date(row.created_at) }));
}

async function stockedWarehouses(db: ReadDb): Promise<StockedWarehouse[]> {
  const rows = await db.execute<{ id: string; code: string; name: string; product_count: string; units: string }>(sql`
    select w->>'warehouseId' as id, min(w->>'code') as code, min(w->>'name') as name,
           count(*) filter (where (w->>'quantity')::int8 > 0) as product_count,
           coalesce(sum((w->>'quantity')::int8), 0) as units
      from product_summaries p, jsonb_array_elements(p.stock_by_warehouse) w
     group by w->>'warehouseId'`);
  return rows.map((row) => ({ id: row.id, code: row.code, name: row.name, productCount: Number(row.product_count), units: Number(row.units) }));
}
