import { router } from '../trpc';
import { activityRouter } from './activity';
import { analyticsRouter } from './analytics';
import { authRouter } from './auth';
import { catalogRouter } from './catalog';
import { customersRouter } from './customers';
import { inventoryRouter } from './inventory';
import { ordersRouter } from './orders';
import { searchRouter } from './search';
import { systemRouter } from './system';

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  inventory: inventoryRouter,
  customers: customersRouter,
  orders: ordersRouter,
  search: searchRouter,
  system: systemRouter,
  analytics: analyticsRouter,
  activity: activityRouter,
});

export type AppRouter = typeof appRouter;
