import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSIONS, EVENT_TYPES, isUnknownEvent, type DomainEventType, type EventOf } from './events';
import { upcast, type ProductCreatedV1Payload } from './eventVersions';

const PRODUCT = '00000000-0000-4000-8000-000000000001';
const WAREHOUSE = '10000000-0000-4000-8000-000000000001';
const CUSTOMER = '20000000-0000-4000-8000-000000000001';
const AT = '2025-03-04T05:06:07.000Z';

/** One event of every type at its current version, as a command writes it. */
const CURRENT: { [T in DomainEventType]: EventOf<T> } = {
  ProductCreated: {
    type: 'ProductCreated',
    schemaVersion: 2,
    payload: {
      sku: 'LAMP-1',
      name: 'Desk lamp',
      description: 'A bright lamp.',
      brand: 'Lumen',
      categoryId: null,
      priceCents: 1500,
      currency: 'EUR',
      tags: ['desk'],
      status: 'active',
    },
  },
  ProductUpdated: {
    type: 'ProductUpdated',
    schemaVersion: 1,
    payload: { sku: 'LAMP-1', changes: { name: { from: 'Desk lamp', to: 'Desk lamp XL' }, tags: { from: ['desk'], to: [] } } },
  },
  ProductPriceChanged: {
    type: 'ProductPriceChanged',
    schemaVersion: 1,
    payload: { sku: 'LAMP-1', changes: { priceCents: { from: 1500, to: 1999 } }, currency: 'EUR' },
  },
  ProductArchived: { type: 'ProductArchived', schemaVersion: 1, payload: { sku: 'LAMP-1', changes: { status: { from: 'active', to: 'archived' } } } },
  ProductRestored: { type: 'ProductRestored', schemaVersion: 1, payload: { sku: 'LAMP-1', changes: { status: { from: 'archived', to: 'active' } } } },
  CategoryCreated: { type: 'CategoryCreated', schemaVersion: 1, payload: { name: 'Lamps', parentId: null } },
  CategoryChanged: { type: 'CategoryChanged', schemaVersion: 1, payload: { changes: { parentId: { from: null, to: PRODUCT } } } },
  WarehouseCreated: { type: 'WarehouseCreated', schemaVersion: 1, payload: { code: 'NORTH', name: 'North depot' } },
  StockAdjusted: {
    type: 'StockAdjusted',
    schemaVersion: 1,
    payload: {
      productId: PRODUCT,
      warehouseId: WAREHOUSE,
      sku: 'LAMP-1',
      warehouseCode: 'NORTH',
      delta: -2,
      reason: 'broken',
      quantity: { from: 5, to: 3 },
    },
  },
  CustomerRegistered: { type: 'CustomerRegistered', schemaVersion: 1, payload: { email: 'ana@example.com', name: 'Ana' } },
  OrderPlaced: {
    type: 'OrderPlaced',
    schemaVersion: 1,
    payload: {
      customerId: CUSTOMER,
      currency: 'EUR',
      totalCents: 3000,
      placedAt: AT,
      lines: [{ lineNo: 1, productId: PRODUCT, sku: 'LAMP-1', quantity: 2, unitPriceCents: 1500 }],
      allocations: [{ lineNo: 1, productId: PRODUCT, warehouseId: WAREHOUSE, quantity: 2 }],
    },
  },
  OrderPaid: { type: 'OrderPaid', schemaVersion: 1, payload: { from: 'placed', to: 'paid', at: AT } },
  OrderShipped: { type: 'OrderShipped', schemaVersion: 1, payload: { from: 'paid', to: 'shipped', at: AT } },
  OrderCancelled: {
    type: 'OrderCancelled',
    schemaVersion: 1,
    payload: { from: 'paid', to: 'cancelled', at: AT, restocked: [{ productId: PRODUCT, warehouseId: WAREHOUSE, quantity: 2 }] },
  },
  RebuildRequested: { type: 'RebuildRequested', schemaVersion: 1, payload: { projection: 'activity' } },
  DeadLetterRetryRequested: {
    type: 'DeadLetterRetryRequested',
    schemaVersion: 1,
    payload: { deadLetterId: '7', projection: 'product_summaries', key: PRODUCT },
  },
};

/** What the journal held for a product created before version 2. */
const productCreatedV1: ProductCreatedV1Payload = {
  sku: 'OLD-1',
  name: 'Old lamp',
  brand: null,
  categoryId: null,
  priceCents: 900,
  currency: 'EUR',
  tags: [],
  status: 'draft',
};

/** As the journal's jsonb column gives it back. */
const stored = (event: { type: string; schemaVersion: number; payload: unknown }) => JSON.parse(JSON.stringify(event)) as typeof event;

describe('upcast', () => {
  it('upgrades ProductCreated v1 to v2 with the description not recorded (null)', () => {
    const event = upcast({ type: 'ProductCreated', schemaVersion: 1, payload: productCreatedV1 });
    expect(event).toEqual({ type: 'ProductCreated', schemaVersion: 2, payload: { ...productCreatedV1, description: null } });
    expect(isUnknownEvent(event)).toBe(false);
  });

  it('does not change the stored payload it upgrades', () => {
    const payload = { ...productCreatedV1 };
    upcast({ type: 'ProductCreated', schemaVersion: 1, payload });
    expect(payload).toEqual(productCreatedV1);
  });

  it('leaves an event at its current version as it is, an empty description included', () => {
    const current = { ...CURRENT.ProductCreated, payload: { ...CURRENT.ProductCreated.payload, description: '' } };
    expect(upcast(stored(current))).toEqual(current);
  });

  it.each(EVENT_TYPES.map((type) => [type]))('round-trips %s at its current version through the journal', (type) => {
    const event = CURRENT[type];
    expect(event.schemaVersion).toBe(EVENT_SCHEMA_VERSIONS[type]);
    expect(upcast(stored(event))).toEqual(event);
  });

  it('has an upgrade path from every earlier version of every type', () => {
    const earlier = EVENT_TYPES.flatMap((type) => Array.from({ length: EVENT_SCHEMA_VERSIONS[type] - 1 }, (_, i) => ({ type, version: i + 1 })));
    expect(earlier).toContainEqual({ type: 'ProductCreated', version: 1 });
    for (const { type, version } of earlier) {
      const event = upcast({ type, schemaVersion: version, payload: {} });
      expect(isUnknownEvent(event), `${type} v${version}`).toBe(false);
      expect(event).toMatchObject({ type, schemaVersion: EVENT_SCHEMA_VERSIONS[type] });
    }
  });

  it('marks a type it does not know as unknown, keeping what was stored', () => {
    const event = upcast({ type: 'BulkLoaded', schemaVersion: 1, payload: { n: 1 } });
    expect(event).toEqual({ unknown: true, reason: 'unknown-type', type: 'BulkLoaded', schemaVersion: 1, payload: { n: 1 } });
    expect(isUnknownEvent(event)).toBe(true);
  });

  it('does not take names of Object.prototype for event types', () => {
    expect(upcast({ type: 'toString', schemaVersion: 1, payload: {} })).toMatchObject({ unknown: true, reason: 'unknown-type' });
    expect(upcast({ type: '__proto__', schemaVersion: 1, payload: {} })).toMatchObject({ unknown: true, reason: 'unknown-type' });
  });

  it('marks a version newer than it knows as unknown, unchanged', () => {
    const payload = { ...CURRENT.ProductCreated.payload, colour: 'red' };
    expect(upcast({ type: 'ProductCreated', schemaVersion: 3, payload })).toEqual({
      unknown: true,
      reason: 'future-version',
      type: 'ProductCreated',
      schemaVersion: 3,
      payload,
    });
    expect(upcast({ type: 'OrderPaid', schemaVersion: 2, payload: {} })).toMatchObject({ unknown: true, reason: 'future-version' });
  });

  it('marks a version it has no path from, and a payload that is not an object, as unknown', () => {
    for (const schemaVersion of [0, -1, 1.5, Number.NaN]) {
      expect(upcast({ type: 'ProductCreated', schemaVersion, payload: productCreatedV1 })).toMatchObject({ unknown: true, reason: 'unsupported-version' });
    }
    for (const payload of [null, 'text', 42, [1, 2]]) {
      expect(upcast({ type: 'ProductCreated', schemaVersion: 1, payload })).toMatchObject({ unknown: true, reason: 'malformed-payload', payload });
    }
  });

  it('never throws, whatever was stored', () => {
    const type = fc.oneof(fc.constantFrom(...EVENT_TYPES, 'toString', 'constructor'), fc.string());
    const schemaVersion = fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double());
    fc.assert(
      fc.property(type, schemaVersion, fc.jsonValue(), (t, v, payload) => {
        const event = upcast({ type: t, schemaVersion: v, payload });
        expect(event.type).toBe(t);
      }),
    );
  });
});
