import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * One structured logger for every process. JSON by default; `LOG_FORMAT=pretty`
 * (set by `npm start`) prints readable lines. Tests are quiet unless LOG_LEVEL says otherwise.
 */
export function createLogger(name: string): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');
  if (process.env.LOG_FORMAT === 'pretty') {
    const stream = pretty({ colorize: Boolean(process.stdout.isTTY), translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,name' });
    return pino({ name, level }, stream);
  }
  return pino({ name, level });
}

export type { Logger };
