import { registerCustomer } from '../commands/registerCustomer';
import { registerCustomerInput } from '../commands/registerCustomer.input';
import { getCustomer } from '../queries/getCustomer';
import { getCustomerInput } from '../queries/getCustomer.input';
import { listCustomers } from '../queries/listCustomers';
import { listCustomersInput } from '../queries/listCustomers.input';
import { adminProcedure, protectedProcedure, router } from '../trpc';

export const customersRouter = router({
  register: adminProcedure
    .input(registerCustomerInput)
    .mutation(({ ctx, input }) => registerCustomer({ db: ctx.services.write.db }, ctx.user, input)),
  list: protectedProcedure.input(listCustomersInput).query(({ ctx, input }) => listCustomers(ctx.services.read.db, input)),
  get: protectedProcedure
    .input(getCustomerInput)
    .query(({ ctx, input }) => getCustomer(ctx.services.read.db, input, ctx.services.env.FRESHNESS_WAIT_MS)),
});
