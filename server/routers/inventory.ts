import { adjustStock } from '../commands/adjustStock';
import { adjustStockInput } from '../commands/adjustStock.input';
import { createWarehouse } from '../commands/createWarehouse';
import { createWarehouseInput } from '../commands/createWarehouse.input';
import { listWarehouses } from '../queries/listWarehouses';
import { listWarehousesInput } from '../queries/listWarehouses.input';
import { adminProcedure, protectedProcedure, router } from '../trpc';

export const inventoryRouter = router({
  createWarehouse: adminProcedure
    .input(createWarehouseInput)
    .mutation(({ ctx, input }) => createWarehouse({ db: ctx.services.write.db }, ctx.user, input)),
  adjustStock: adminProcedure
    .input(adjustStockInput)
    .mutation(({ ctx, input }) => adjustStock({ db: ctx.services.write.db }, ctx.user, input)),
  warehouses: protectedProcedure
    .input(listWarehousesInput)
    .query(({ ctx, input }) => listWarehouses(ctx.services.read.db, input, ctx.services.env.FRESHNESS_WAIT_MS)),
});
