import { registerCustomer } from '../commands/registerCustomer';
import { registerCustomerInput } from '../commands/registerCustomer.input';
import { adminProcedure, router } from '../trpc';

export const customersRouter = router({
  register: adminProcedure
    .input(registerCustomerInput)
    .mutation(({ ctx, input }) => registerCustomer({ db: ctx.services.write.db }, ctx.user, input)),
});
