import { searchProducts } from '../queries/searchProducts';
import { searchProductsInput } from '../queries/searchProducts.input';
import { protectedProcedure, router } from '../trpc';

export const searchRouter = router({
  products: protectedProcedure
    .input(searchProductsInput)
    .query(({ ctx, input }) => searchProducts(ctx.services.meili, ctx.services.env.MEILI_INDEX, input)),
});
