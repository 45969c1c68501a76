import { warehouses } from '@/db/write/schema';
import { warehouseCodeTaken, warehouseCreated } from '../domain/inventory';
import { pgError, UNIQUE_VIOLATION } from '../domain/pgErrors';
import type { CreateWarehouseInput } from './createWarehouse.input';
import { runCommand, type Actor, type CommandDeps, type CommandResult } from './runCommand';

export async function createWarehouse(deps: CommandDeps, actor: Actor | null, input: CreateWarehouseInput): Promise<CommandResult> {
  return runCommand(deps, { command: 'inventory.createWarehouse', actor, commandId: input.commandId }, async (tx) => {
    const [row] = await tx
      .insert(warehouses)
      .values({ code: input.code, name: input.name })
      .returning({ id: warehouses.id, version: warehouses.version })
      .catch((error: unknown) => {
        // The unique constraint decides, so two clerks creating one code at once cannot both win.
        const pg = pgError(error);
        if (pg?.code === UNIQUE_VIOLATION && pg.constraint === 'warehouses_code_unique') throw warehouseCodeTaken(input.code);
        throw error;
      });
    return {
      aggregateType: 'warehouse',
      aggregateId: row!.id,
      version: row!.version,
      event: warehouseCreated({ code: input.code, name: input.name }),
    };
  });
}
