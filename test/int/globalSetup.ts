import type { TestProject } from 'vitest/node';
import { startTestStack, type TestStack } from '../support/testStack';

/** Integration tests share one real stack (Postgres + Meilisearch + the built web app); each file runs its own projector. */
export default async function setup(project: TestProject) {
  const stack = await startTestStack({ web: {}, verbose: Boolean(process.env.TEST_VERBOSE) });
  project.provide('stackEnv', stack.env);
  project.provide('webUrl', stack.webUrl!);
  return () => stack.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    stackEnv: TestStack['env'];
    webUrl: string;
  }
}
