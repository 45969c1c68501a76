import { EnvError, getProjectorEnv, type ProjectorEnv } from '@/lib/env';
import { createLogger, type Logger } from '@/lib/logger';
import { ChangePublisher } from './changeStream/publisher';
import { rebuildCommand, REBUILD_USAGE } from './cli/rebuildCommand';
import { ProjectorRunner } from './runner';

/** `npm run projector`: the CDC process, separate from the web server. */
async function main(): Promise<void> {
  const log = createLogger('projector');
  let env;
  try {
    env = getProjectorEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const command = process.argv[2] ?? 'run';
  if (command === 'rebuild') process.exit(await rebuildCommand(process.argv.slice(3), env, log));
  if (command === 'publish') return publish(env, log);
  if (command !== 'run') {
    process.stderr.write(`Unknown projector command "${command}". Usage: npm run projector [-- run | publish]\n${REBUILD_USAGE}\n`);
    process.exit(2);
  }
  const runner = new ProjectorRunner(env, log);
  process.on('uncaughtException', (error) => {
    if (isClosedSocketWrite(error)) return runner.recoverFromDriverFault(error);
    log.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    log.info({ signal }, 'stopping after the batch in hand');
    void runner.stop();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await runner.run();
  log.info('stopped');
}

/** `npm run projector -- publish`: the slot's change events into JetStream (projector/changeStream/publisher.ts). */
async function publish(env: ProjectorEnv, log: Logger): Promise<void> {
  if (!env.CHANGE_STREAM_URL) {
    process.stderr.write('projector publish needs CHANGE_STREAM_URL (nats://host:port of a NATS server with JetStream)\n');
    process.exit(2);
  }
  const publisher = new ChangePublisher({ ...env, CHANGE_STREAM_URL: env.CHANGE_STREAM_URL }, log.child({ role: 'publisher' }));
  const shutdown = (signal: string) => {
    log.info({ signal }, 'publisher stopping');
    void publisher.stop();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await publisher.run();
  log.info({ published: publisher.published }, 'publisher stopped');
}

/** postgres.js writing to a socket it has already dropped (see ProjectorRunner.recoverFromDriverFault). */
function isClosedSocketWrite(error: Error): boolean {
  return error instanceof TypeError && /reading 'write'/.test(error.message) && /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '');
}

main().catch((error: unknown) => {
  process.stderr.write(`projector failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
