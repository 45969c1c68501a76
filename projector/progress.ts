import type { Logger } from '@/lib/logger';

/**
 * Progress of a long load: a bar on a terminal, a log line every few seconds elsewhere.
 */
export function progressReporter(log: Logger, label: string, total: number) {
  const started = Date.now();
  let done = 0;
  let lastLog = 0;
  const tty = Boolean(process.stderr.isTTY) && process.env.LOG_FORMAT === 'pretty';
  let lastRendered = -1;
  const render = () => {
    if (done === lastRendered) return;
    lastRendered = done;
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
    if (tty) {
      const width = 30;
      const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
      process.stderr.write(`\r${label} ${bar} ${(ratio * 100).toFixed(0).padStart(3)}% ${done}/${total} (${rate}/s)`);
    } else if (Date.now() - lastLog > 3000 || done >= total) {
      lastLog = Date.now();
      log.info({ done, total, percent: Math.round(ratio * 100), perSecond: rate }, label);
    }
  };
  return {
    advance(n: number) {
      done += n;
      render();
    },
    done() {
      render();
      if (tty) process.stderr.write('\n');
    },
  };
}
