import { createCategory } from '../commands/createCategory';
import { createCategoryInput } from '../commands/createCategory.input';
import { createProduct } from '../commands/createProduct';
import { createProductInput } from '../commands/createProduct.input';
import { getProduct, getProductInput } from '../queries/getProduct';
import { listCategories } from '../queries/listCategories';
import { adminProcedure, protectedProcedure, router } from '../trpc';

export const catalogRouter = router({
  createCategory: adminProcedure
    .input(createCategoryInput)
    .mutation(({ ctx, input }) => createCategory({ db: ctx.services.write.db }, ctx.user, input)),
  createProduct: adminProcedure
    .input(createProductInput)
    .mutation(({ ctx, input }) => createProduct({ db: ctx.services.write.db }, ctx.user, input)),
  product: protectedProcedure
    .input(getProductInput)
    .query(({ ctx, input }) => getProduct(ctx.services.read.db, input, ctx.services.env.FRESHNESS_WAIT_MS)),
  categories: protectedProcedure.query(({ ctx }) => listCategories(ctx.services.read.db)),
});
