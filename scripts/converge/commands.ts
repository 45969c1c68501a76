import { createHash } from 'node:crypto';
import type { ApiClient } from '@/test/support/api';
import type { CommandOp } from './operations';
import { ok, outcomeOfError, skipped, type Outcome } from './outcomes';
import type { Target, Targets } from './targets';

export interface CommandContext {
  api: ApiClient;
  targets: Targets;
  /** Where the operation sits in its history (`12`, or `12.3` inside a burst): names its commandId. */
  label: string;
  seed: number;
}

/** A commandId fixed by the seed and the operation's place, so a replay sends the same one. */
export function commandIdOf(seed: number, label: string): string {
  const hex = createHash('sha1').update(`converge:${seed}:${label}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The version the command claims to have seen: the current one, or (stale) another one. */
const versionOf = (target: Target, stale: boolean) => (!stale ? target.version : target.version > 1 ? target.version - 1 : target.version + 1);

/** Runs one command over HTTP through the typed tRPC client, as the admin. */
export async function runCommand(op: CommandOp, ctx: CommandContext): Promise<Outcome> {
  try {
    return await send(op, ctx);
  } catch (error) {
    return outcomeOfError(error);
  }
}

async function send(op: CommandOp, ctx: CommandContext): Promise<Outcome> {
  const { api, targets } = ctx;
  switch (op.kind) {
    case 'createCategory': {
      const parentId = await targets.id('categories', op.parent);
      await api.catalog.createCategory.mutate({ name: op.name, ...(parentId && { parentId }) });
      return ok();
    }
    case 'renameCategory': {
      const category = await targets.pick('categories', op.category);
      if (!category) return skipped('no category');
      const parentId = op.move ? await targets.id('categories', op.move.parent) : undefined;
      if (op.name === null && parentId === undefined) return skipped('nothing to change');
      await api.catalog.renameCategory.mutate({
        id: category.id,
        expectedVersion: versionOf(category, op.stale),
        ...(op.name !== null && { name: op.name }),
        ...(parentId !== undefined && { parentId }),
      });
      return ok();
    }
    case 'createProduct': {
      const categoryId = await targets.id('categories', op.category);
      const input = {
        sku: op.sku,
        name: op.name,
        description: op.description,
        ...(op.brand !== null && { brand: op.brand }),
        ...(categoryId && { categoryId }),
        priceCents: op.priceCents,
        currency: op.currency,
        tags: op.tags,
        status: op.status,
      };
      if (!op.twice) {
        await api.catalog.createProduct.mutate(input);
        return ok();
      }
      const commandId = commandIdOf(ctx.seed, ctx.label);
      const [first, second] = await Promise.all([0, 1].map(() => api.catalog.createProduct.mutate({ ...input, commandId })));
      return first!.id === second!.id ? ok('sent twice') : { status: 'invalid', detail: 'a repeated commandId created two products' };
    }
    case 'updateProduct': {
      const product = await targets.product(op.product);
      if (!product) return skipped('no product');
      const { category, ...changes } = op.changes;
      const categoryId = 'category' in op.changes ? await targets.id('categories', category) : undefined;
      await api.catalog.updateProduct.mutate({
        id: product.id,
        expectedVersion: versionOf(product, op.stale),
        ...changes,
        ...(categoryId !== undefined && { categoryId }),
      });
      return ok();
    }
    case 'changePrice': {
      const product = await targets.product(op.product);
      if (!product) return skipped('no product');
      await api.catalog.changePrice.mutate({ id: product.id, expectedVersion: versionOf(product, op.stale), priceCents: op.priceCents });
      return ok();
    }
    case 'archiveProduct':
    case 'restoreProduct': {
      const product = await targets.product(op.product);
      if (!product) return skipped('no product');
      const input = { id: product.id, expectedVersion: versionOf(product, op.stale) };
      await (op.kind === 'archiveProduct' ? api.catalog.archiveProduct.mutate(input) : api.catalog.restoreProduct.mutate(input));
      return ok();
    }
    case 'createWarehouse':
      await api.inventory.createWarehouse.mutate({ code: op.code, name: op.name });
      return ok();
    case 'adjustStock': {
      const product = await targets.product(op.product);
      const warehouse = await targets.pick('warehouses', op.warehouse);
      if (!product || !warehouse) return skipped('no product or warehouse');
      await api.inventory.adjustStock.mutate({ productId: product.id, warehouseId: warehouse.id, delta: op.delta, reason: 'convergence harness' });
      return ok();
    }
    case 'registerCustomer':
      await api.customers.register.mutate({ email: op.email, name: op.name });
      return ok();
    case 'placeOrder':
      return placeOrder(op, ctx);
    case 'payOrder':
    case 'shipOrder':
    case 'cancelOrder': {
      const from = { payOrder: `status = 'placed'`, shipOrder: `status = 'paid'`, cancelOrder: `status in ('placed', 'paid')` }[op.kind];
      const order = await targets.pick('orders', op.order, from);
      if (!order) return skipped('no order in a state to move');
      const input = { id: order.id, expectedVersion: versionOf(order, op.stale) };
      const transition = { payOrder: api.orders.pay, shipOrder: api.orders.ship, cancelOrder: api.orders.cancel }[op.kind];
      await transition.mutate(input);
      return ok();
    }
  }
}

async function placeOrder(op: Extract<CommandOp, { kind: 'placeOrder' }>, ctx: CommandContext): Promise<Outcome> {
  const customer = await ctx.targets.pick('customers', op.customer);
  if (!customer) return skipped('no customer');
  const lines = new Map<string, number>();
  for (const line of op.lines) {
    const where = line.inStock ? `status = 'active' and (select coalesce(sum(quantity), 0) from stock_levels s where s.product_id = products.id) >= ${line.quantity}` : 'true';
    const product = await ctx.targets.pick('products', line.product, where);
    if (product && !lines.has(product.id)) lines.set(product.id, line.quantity);
  }
  if (lines.size === 0) return skipped('no product');
  const input = { customerId: customer.id, lines: [...lines].map(([productId, quantity]) => ({ productId, quantity })) };
  if (!op.twice) {
    await ctx.api.orders.place.mutate(input);
    return ok();
  }
  const commandId = commandIdOf(ctx.seed, ctx.label);
  const [first, second] = await Promise.all([0, 1].map(() => ctx.api.orders.place.mutate({ ...input, commandId })));
  return first!.id === second!.id ? ok('sent twice') : { status: 'invalid', detail: 'a repeated commandId placed two orders' };
}
