import { afterAll, beforeAll } from 'vitest';
import { loggedInBeforeAll } from './logins';
import { ProjectorProcess, waitForCheckpoints } from './projector';

type Env = ConstructorParameters<typeof ProjectorProcess>[0] & { ADMIN_READ_DATABASE_URL: string };

/**
 * The setup of a file that reads through the real projector: before its tests the projector
 * starts and the demo admin and viewer log in; after them the projector stops. With `warmUp`
 * (a category name), the admin then creates a category and waits until every projection has
 * it: the projector's first start loads every read model, and reads with `after` wait for it.
 */
export function startedProjectorAndLogins(env: Env, webUrl: string, options: { warmUp?: string } = {}) {
  const projector = new ProjectorProcess(env);
  beforeAll(() => projector.start());
  const { admin, viewer } = loggedInBeforeAll(webUrl, ['admin', 'viewer']);
  if (options.warmUp) {
    const name = options.warmUp;
    beforeAll(async () => {
      const warmUp = await admin.catalog.createCategory.mutate({ name });
      await waitForCheckpoints(env.ADMIN_READ_DATABASE_URL, warmUp.position);
    });
  }
  afterAll(async () => {
    await projector.stop();
  });
  return { projector, admin, viewer };
}
