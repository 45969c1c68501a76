import { ensureDebianPackages } from '../scripts/stack/system-packages';
import { startTestStack } from '../test/support/testStack';
import { E2E_PORT } from '../playwright.config';

export default async function globalSetup() {
  ensureDebianPackages(['chromium'], (line) => process.stdout.write(`[setup] ${line}\n`));
  const stack = await startTestStack({ web: { port: E2E_PORT }, projector: true, verbose: Boolean(process.env.TEST_VERBOSE) });
  // Workers inherit the environment set here: for specs that break the read model on purpose.
  process.env.E2E_ADMIN_READ_DATABASE_URL = stack.env.ADMIN_READ_DATABASE_URL;
  return () => stack.stop();
}
