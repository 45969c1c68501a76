import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWriteDb } from '@/db/clients';
import { seedStaff } from '@/scripts/seed/seedDemoData';
import { startProjector, startWeb } from '@/scripts/stack/appProcesses';
import { startLocalStack, type StackEnv } from '@/scripts/stack/localStack';
import { freePort, stopGroup } from '@/scripts/stack/processes';

export { freePort };

/** A throwaway stack on free loopback ports, in a temporary directory removed at the end. */
export interface TestStack {
  env: StackEnv & { MEILI_INDEX: string; PROJECTOR_METRICS_PORT: string };
  webUrl: string | undefined;
  stop(): Promise<void>;
}

export async function startTestStack(options: { web?: { port?: number }; projector?: boolean; verbose?: boolean }): Promise<TestStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'storefront-test-'));
  const log = options.verbose ? (source: string, line: string) => process.stdout.write(`[${source}] ${line}\n`) : () => {};
  const stack = await startLocalStack({ dataDir, pgPort: await freePort(), meiliPort: await freePort(), log });
  const env = {
    ...stack.env,
    MEILI_INDEX: 'products',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: options.verbose ? 'info' : 'warn',
    PROJECTOR_METRICS_PORT: String(await freePort()),
    // One web process per test stack (two cores, several stacks over a run); the web tier of
    // several processes has its own test.
    WEB_CONCURRENCY: '1',
  };
  const children: ChildProcess[] = [];
  try {
    const write = createWriteDb(env.DATABASE_URL, { max: 1 });
    await seedStaff(write.db);
    await write.sql.end();
    if (options.projector) children.push(startProjector(env, { prefix: '[projector]' }));
    let webUrl: string | undefined;
    if (options.web) {
      const web = await startWeb(env, { port: options.web.port ?? (await freePort()), ...(options.verbose && { prefix: '[web]' }) });
      children.push(web.child);
      webUrl = web.url;
    }
    return {
      env,
      webUrl,
      async stop() {
        for (const child of children) await stopGroup(child);
        await stack.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const child of children) await stopGroup(child);
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
