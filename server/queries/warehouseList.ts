/**
 * There is no warehouse read model yet: the list is pieced together from two read models.
 * The audit trail (`activity`) names every warehouse created through `inventory.createWarehouse`,
 * stocked or not; product summaries carry each warehouse's stock and its current code and name.
 */

export interface CreatedWarehouse {
  id: string;
  code: string;
  name: string;
  createdAt: Date;
}

export interface StockedWarehouse {
  id: string;
  code: string;
  name: string;
  /** Products with at least one unit here. */
  productCount: number;
  units: number;
}

export interface WarehouseView {
  id: string;
  code: string;
  name: string;
  /** Null for a warehouse the audit trail does not know (created outside the commands). */
  createdAt: Date | null;
  productCount: number;
  units: number;
}

/** One entry per warehouse id, sorted by code; the stock rows' code and name win (they are the current ones). */
export function mergeWarehouses(created: CreatedWarehouse[], stocked: StockedWarehouse[]): WarehouseView[] {
  const byId = new Map<string, WarehouseView>();
  for (const w of created) byId.set(w.id, { id: w.id, code: w.code, name: w.name, createdAt: w.createdAt, productCount: 0, units: 0 });
  for (const w of stocked) {
    const known = byId.get(w.id);
    byId.set(w.id, { id: w.id, code: w.code, name: w.name, createdAt: known?.createdAt ?? null, productCount: w.productCount, units: w.units });
  }
  return [...byId.values()].sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id));
}
