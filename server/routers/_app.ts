import { router } from '../trpc';
import { authRouter } from './auth';
import { catalogRouter } from './catalog';
import { customersRouter } from './customers';
import { inventoryRouter } from './inventory';
import { ordersRouter } from './orders';
import { searchRouter } from './search';

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  inventory: inventoryRouter,
  customers: customersRouter,
  orders: ordersRouter,
  search: searchRouter,
});

export type AppRouter = typeof appRouter;
