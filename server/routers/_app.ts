import { router } from '../trpc';
import { authRouter } from './auth';
import { catalogRouter } from './catalog';
import { searchRouter } from './search';

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  search: searchRouter,
});

export type AppRouter = typeof appRouter;
