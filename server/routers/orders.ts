import { cancelOrder } from '../commands/cancelOrder';
import { cancelOrderInput } from '../commands/cancelOrder.input';
import { payOrder } from '../commands/payOrder';
import { payOrderInput } from '../commands/payOrder.input';
import { placeOrder } from '../commands/placeOrder';
import { placeOrderInput } from '../commands/placeOrder.input';
import { shipOrder } from '../commands/shipOrder';
import { shipOrderInput } from '../commands/shipOrder.input';
import { getOrder } from '../queries/getOrder';
import { getOrderInput } from '../queries/getOrder.input';
import { listOrders } from '../queries/listOrders';
import { listOrdersInput } from '../queries/listOrders.input';
import { adminProcedure, protectedProcedure, router } from '../trpc';

export const ordersRouter = router({
  place: adminProcedure
    .input(placeOrderInput)
    .mutation(({ ctx, input }) => placeOrder({ db: ctx.services.write.db }, ctx.user, input)),
  pay: adminProcedure
    .input(payOrderInput)
    .mutation(({ ctx, input }) => payOrder({ db: ctx.services.write.db }, ctx.user, input)),
  ship: adminProcedure
    .input(shipOrderInput)
    .mutation(({ ctx, input }) => shipOrder({ db: ctx.services.write.db }, ctx.user, input)),
  cancel: adminProcedure
    .input(cancelOrderInput)
    .mutation(({ ctx, input }) => cancelOrder({ db: ctx.services.write.db }, ctx.user, input)),
  list: protectedProcedure.input(listOrdersInput).query(({ ctx, input }) => listOrders(ctx.services.read.db, input)),
  get: protectedProcedure
    .input(getOrderInput)
    .query(({ ctx, input }) => getOrder(ctx.services.read.db, input, ctx.services.env.FRESHNESS_WAIT_MS)),
});
