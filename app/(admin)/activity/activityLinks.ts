/** The aggregates the journal records, and where the admin shows each one. */
export const AGGREGATE_TYPES = [
  { value: 'product', label: 'Product' },
  { value: 'stock_level', label: 'Stock level' },
  { value: 'category', label: 'Category' },
  { value: 'warehouse', label: 'Warehouse' },
  { value: 'customer', label: 'Customer' },
  { value: 'order', label: 'Order' },
  { value: 'projector_request', label: 'Projector request' },
] as const;

export function aggregateLabel(type: string): string {
  return AGGREGATE_TYPES.find((t) => t.value === type)?.label ?? type;
}

/** The page that shows an aggregate, or null when it has none. A stock level's id is `<productId>:<warehouseId>`. */
export function aggregateHref(type: string, id: string): string | null {
  switch (type) {
    case 'product':
      return `/products/${encodeURIComponent(id)}`;
    case 'stock_level':
      return id.includes(':') ? `/products/${encodeURIComponent(id.split(':')[0]!)}` : null;
    case 'order':
      return `/orders/${encodeURIComponent(id)}`;
    case 'customer':
      return `/customers/${encodeURIComponent(id)}`;
    default:
      return null;
  }
}

/** A one-line look at an event's payload: `name: "Lamp", priceCents: 1999`, cut at `max` characters. */
export function payloadPreview(payload: unknown, max = 140): string {
  const text =
    payload && typeof payload === 'object' && !Array.isArray(payload)
      ? Object.entries(payload)
          .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
          .join(', ')
      : JSON.stringify(payload) ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
