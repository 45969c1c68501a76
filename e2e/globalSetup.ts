import { ensureDebianPackages } from '../scripts/stack/system-packages';
import { startTestStack } from '../test/support/testStack';
import { E2E_PORT } from '../playwright.config';

export default async function globalSetup() {
  ensureDebianPackages(['chromium'], (line) => process.stdout.write(`[setup] ${line}\n`));
  const stack = await startTestStack({ web: { port: E2E_PORT }, projector: true, verbose: Boolean(process.env.TEST_VERBOSE) });
  return () => stack.stop();
}
