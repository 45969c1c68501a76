import { requestRebuild } from '../commands/requestRebuild';
import { requestRebuildInput } from '../commands/requestRebuild.input';
import { retryDeadLetter } from '../commands/retryDeadLetter';
import { retryDeadLetterInput } from '../commands/retryDeadLetter.input';
import { systemDeadLetters } from '../queries/systemDeadLetters';
import { systemDeadLettersInput } from '../queries/systemDeadLetters.input';
import { systemStatus } from '../queries/systemStatus';
import { adminProcedure, protectedProcedure, router } from '../trpc';

export const systemRouter = router({
  status: protectedProcedure.query(({ ctx }) => systemStatus(ctx.services.read.db)),
  deadLetters: protectedProcedure
    .input(systemDeadLettersInput)
    .query(({ ctx, input }) => systemDeadLetters(ctx.services.read.db, input, ctx.services.env.FRESHNESS_WAIT_MS)),
  retryDeadLetter: adminProcedure
    .input(retryDeadLetterInput)
    .mutation(({ ctx, input }) => retryDeadLetter({ db: ctx.services.write.db, read: ctx.services.read.db }, ctx.user, input)),
  rebuild: adminProcedure
    .input(requestRebuildInput)
    .mutation(({ ctx, input }) => requestRebuild({ db: ctx.services.write.db, read: ctx.services.read.db }, ctx.user, input)),
});
