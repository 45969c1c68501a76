import { archiveProduct } from '../commands/archiveProduct';
import { archiveProductInput } from '../commands/archiveProduct.input';
import { changePrice } from '../commands/changePrice';
import { changePriceInput } from '../commands/changePrice.input';
import { createCategory } from '../commands/createCategory';
import { createCategoryInput } from '../commands/createCategory.input';
import { createProduct } from '../commands/createProduct';
import { createProductInput } from '../commands/createProduct.input';
import { renameCategory } from '../commands/renameCategory';
import { renameCategoryInput } from '../commands/renameCategory.input';
import { restoreProduct } from '../commands/restoreProduct';
import { restoreProductInput } from '../commands/restoreProduct.input';
import { updateProduct } from '../commands/updateProduct';
import { updateProductInput } from '../commands/updateProduct.input';
import { getProduct, getProductInput } from '../queries/getProduct';
import { listCategories, listCategoriesInput } from '../queries/listCategories';
import { adminProcedure, protectedProcedure, router } from '../trpc';

export const catalogRouter = router({
  createCategory: adminProcedure
    .input(createCategoryInput)
    .mutation(({ ctx, input }) => createCategory({ db: ctx.services.write.db }, ctx.user, input)),
  renameCategory: adminProcedure
    .input(renameCategoryInput)
    .mutation(({ ctx, input }) => renameCategory({ db: ctx.services.write.db }, ctx.user, input)),
  createProduct: adminProcedure
    .input(createProductInput)
    .mutation(({ ctx, input }) => createProduct({ db: ctx.services.write.db }, ctx.user, input)),
  updateProduct: adminProcedure
    .input(updateProductInput)
    .mutation(({ ctx, input }) => updateProduct({ db: ctx.services.write.db }, ctx.user, input)),
  changePrice: adminProcedure
    .input(changePriceInput)
    .mutation(({ ctx, input }) => changePrice({ db: ctx.services.write.db }, ctx.user, input)),
  archiveProduct: adminProcedure
    .input(archiveProductInput)
    .mutation(({ ctx, input }) => archiveProduct({ db: ctx.services.write.db }, ctx.user, input)),
  restoreProduct: adminProcedure
    .input(restoreProductInput)
    .mutation(({ ctx, input }) => restoreProduct({ db: ctx.services.write.db }, ctx.user, input)),
  product: protectedProcedure
    .input(getProductInput)
    .query(({ ctx, input }) => getProduct(ctx.services.read.db, input, ctx.services.env.FRESHNESS_WAIT_MS)),
  categories: protectedProcedure
    .input(listCategoriesInput)
    .query(({ ctx, input }) => listCategories(ctx.services.read.db, input, ctx.services.env.FRESHNESS_WAIT_MS)),
});
