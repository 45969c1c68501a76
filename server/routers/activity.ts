import { listActivity } from '../queries/listActivity';
import { listActivityInput } from '../queries/listActivity.input';
import { listActivityActors } from '../queries/listActivityActors';
import { protectedProcedure, router } from '../trpc';

export const activityRouter = router({
  list: protectedProcedure
    .input(listActivityInput)
    .query(({ ctx, input }) => listActivity(ctx.services.read.db, input, ctx.services.env.FRESHNESS_WAIT_MS)),
  actors: protectedProcedure.query(({ ctx }) => listActivityActors(ctx.services.read.db)),
});
