import type { WriteDb } from '@/db/clients';
import { adjustStock } from '@/server/commands/adjustStock';
import { adjustStockInput } from '@/server/commands/adjustStock.input';
import { cancelOrder } from '@/server/commands/cancelOrder';
import { createWarehouse } from '@/server/commands/createWarehouse';
import { createWarehouseInput } from '@/server/commands/createWarehouse.input';
import { payOrder } from '@/server/commands/payOrder';
import { placeOrder } from '@/server/commands/placeOrder';
import { placeOrderInput } from '@/server/commands/placeOrder.input';
import { registerCustomer } from '@/server/commands/registerCustomer';
import { registerCustomerInput } from '@/server/commands/registerCustomer.input';
import type { Actor } from '@/server/commands/runCommand';
import { shipOrder } from '@/server/commands/shipOrder';
import { DomainError } from '@/server/domain/errors';
import { random } from './catalogData';

const WAREHOUSES = [
  { code: 'BER-1', name: 'Berlin central' },
  { code: 'LYS-1', name: 'Lyon south' },
  { code: 'RTM-1', name: 'Rotterdam port' },
];
const FIRST = ['Ana', 'Ben', 'Chloé', 'David', 'Elif', 'Femi', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kai', 'Lena', 'Malik', 'Nora'];
const LAST = ['Schmidt', 'Dubois', 'de Vries', 'Rossi', 'Nowak', 'García', 'Andersson', 'Okafor', 'Yilmaz', 'Novak'];

interface SeedProduct {
  id: string;
  currency: string;
  status: string;
}

/**
 * Stock, customers and orders for the demo, through the same command handlers as the app:
 * warehouses filled for most products, customers, and orders in every status.
 */
export async function seedOperations(
  db: WriteDb,
  admin: Actor,
  products: SeedProduct[],
  options: { customers: number; orders: number; log: (line: string) => void },
): Promise<void> {
  const deps = { db };
  const rnd = random(7);
  const warehouseIds: string[] = [];
  for (const w of WAREHOUSES) warehouseIds.push((await createWarehouse(deps, admin, createWarehouseInput.parse(w))).id);

  for (const product of products) {
    for (const warehouseId of warehouseIds) {
      if (rnd() < 0.3) continue;
      const delta = 1 + Math.floor(rnd() * 60);
      await adjustStock(deps, admin, adjustStockInput.parse({ productId: product.id, warehouseId, delta, reason: 'Opening stock' }));
    }
  }

  const customerIds: string[] = [];
  for (let i = 0; i < options.customers; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const email = `${first}.${last}.${i}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.]/g, '') + '@example.com';
    customerIds.push((await registerCustomer(deps, admin, registerCustomerInput.parse({ email, name: `${first} ${last}` }))).id);
  }

  const sellable = products.filter((p) => p.status === 'active' && p.currency === 'EUR');
  let placed = 0;
  for (let i = 0; i < options.orders && sellable.length > 0; i++) {
    const picks = new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => sellable[Math.floor(rnd() * sellable.length)]!.id));
    const input = placeOrderInput.parse({
      customerId: customerIds[Math.floor(rnd() * customerIds.length)],
      lines: [...picks].map((productId) => ({ productId, quantity: 1 + Math.floor(rnd() * 3) })),
    });
    const order = await placeOrder(deps, admin, input).catch(skipWhenOutOfStock);
    if (!order) continue;
    placed += 1;
    const fate = rnd();
    if (fate < 0.15) {
      await cancelOrder(deps, admin, { id: order.id, expectedVersion: order.version });
    } else if (fate < 0.75) {
      const paid = await payOrder(deps, admin, { id: order.id, expectedVersion: order.version });
      if (fate < 0.5) await shipOrder(deps, admin, { id: order.id, expectedVersion: paid.version });
    }
  }
  options.log(`seeded ${warehouseIds.length} warehouses with stock, ${customerIds.length} customers, ${placed} orders`);
}

/** Random baskets sometimes ask for more than is left; those orders are simply not placed. */
function skipWhenOutOfStock(error: unknown): undefined {
  if (error instanceof DomainError && error.details.rule === 'insufficient-stock') return undefined;
  throw error;
}
