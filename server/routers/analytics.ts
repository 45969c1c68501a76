import { lowStock } from '../queries/lowStock';
import { lowStockInput } from '../queries/lowStock.input';
import { salesDaily } from '../queries/salesDaily';
import { salesDailyInput } from '../queries/salesDaily.input';
import { topProducts } from '../queries/topProducts';
import { topProductsInput } from '../queries/topProducts.input';
import { protectedProcedure, router } from '../trpc';

export const analyticsRouter = router({
  salesDaily: protectedProcedure.input(salesDailyInput).query(({ ctx, input }) => salesDaily(ctx.services.read.db, input, new Date())),
  topProducts: protectedProcedure.input(topProductsInput).query(({ ctx, input }) => topProducts(ctx.services.read.db, input)),
  lowStock: protectedProcedure.input(lowStockInput).query(({ ctx, input }) => lowStock(ctx.services.read.db, input)),
});
