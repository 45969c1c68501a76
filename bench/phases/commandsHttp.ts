import { TRPCClientError } from '@trpc/client';
import { loginAs, type ApiClient } from '@/test/support/api';
import type { BenchContext } from '../context';
import { measuredOverHttp, owned, pick, rememberVersion } from '../context';

export const COMMAND_KINDS = ['createProduct', 'changePrice', 'adjustStock', 'placeOrder'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** One call of each command over the real tRPC HTTP endpoint, with valid inputs for client `client`. */
export function httpCommand(ctx: BenchContext, api: ApiClient, kind: CommandKind, run: string) {
  const { catalog, versions } = ctx;
  return async (client: number, clients: number, i: number): Promise<void> => {
    switch (kind) {
      case 'createProduct': {
        await api.catalog.createProduct.mutate({
          sku: `B${run}-${client}-${i}`,
          name: `Bench ${pick(catalog.searchTerms.common, i)} ${i}`,
          description: 'Made by the benchmark.',
          brand: pick(catalog.brands, i),
          categoryId: pick(catalog.categoryIds, i),
          priceCents: 1000 + (i % 5000),
          currency: catalog.currency,
          tags: [pick(catalog.tags, i)],
        });
        return;
      }
      case 'changePrice': {
        const id = owned(ctx.editable, client, clients, i);
        const result = await withVersion(ctx, id, (expectedVersion) =>
          api.catalog.changePrice.mutate({ id, expectedVersion, priceCents: 500 + ((i * 37) % 90_000) }),
        );
        rememberVersion(versions, id, result.version);
        return;
      }
      case 'adjustStock': {
        const productId = owned(ctx.editable, client, clients, i);
        await api.inventory.adjustStock.mutate({ productId, warehouseId: pick(catalog.warehouseIds, i), delta: 1 + (i % 5), reason: 'bench restock' });
        return;
      }
      case 'placeOrder': {
        const lines = [0, 1, 2].slice(0, 1 + (i % 3)).map((k) => ({ productId: owned(ctx.orderable, client, clients, i * 3 + k), quantity: 1 }));
        const unique = [...new Map(lines.map((l) => [l.productId, l])).values()];
        await api.orders.place.mutate({ customerId: pick(catalog.customerIds, i), lines: unique });
        return;
      }
    }
  };
}

/**
 * Send `expectedVersion` from what this run last saw; a product another phase changed behind
 * our back is re-read once (counted by the caller as a normal call, its time included).
 */
export async function withVersion<T extends { version: number }>(ctx: BenchContext, id: string, call: (version: number) => Promise<T>): Promise<T> {
  try {
    return await call(ctx.versions.get(id) ?? 1);
  } catch (error) {
    if (!(error instanceof TRPCClientError) || (error.data as { code?: string } | undefined)?.code !== 'CONFLICT') throw error;
    const [row] = await ctx.write<{ version: number }[]>`select version from products where id = ${id}`;
    return call(row!.version);
  }
}

/** Commands over HTTP at 1, 8 and 32 concurrent clients. */
export async function measureHttpCommands(ctx: BenchContext): Promise<void> {
  const { api } = await loginAs(ctx.stack.webUrl, 'admin');
  const run = Date.now().toString(36);
  for (const clients of ctx.options.commandClients) {
    for (const kind of COMMAND_KINDS) {
      ctx.progress.note(`${kind} × ${clients} clients`);
      const call = httpCommand(ctx, api, kind, `${run}${clients}`);
      ctx.figures.push({
        id: `command.${kind}.http.c${clients}`,
        section: 'commands',
        name: `${kind} over HTTP`,
        unit: 'ms',
        load: `${clients} client${clients > 1 ? 's' : ''}`,
        ours: await measuredOverHttp(ctx, clients, (client, i) => call(client, clients, i)),
      });
    }
  }
}
