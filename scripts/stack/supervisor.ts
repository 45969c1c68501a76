import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { hasExited, killGroupLeftovers, stopGroup } from './processes';

export interface Backoff {
  initialMs: number;
  maxMs: number;
  /** A child that ran this long was healthy: the next restart waits `initialMs` again. */
  healthyAfterMs: number;
}

export interface SupervisorClock {
  now(): number;
  /** Resolves after `ms`, or early once `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface SupervisorOptions {
  /** Log source, as `npm start` prefixes lines (`projector`, `web`, `postgres`…). */
  name: string;
  /** Starts one child; `restarts` counts the restarts so far, this one included (0 for the first start). */
  start(restarts: number): ChildProcess | Promise<ChildProcess>;
  /** How to stop a child on purpose (default: SIGTERM to its process group). */
  stop?(child: ChildProcess): Promise<void>;
  log(source: string, line: string): void;
  /** Aborted when the whole application begins to shut down: from then on nothing restarts. */
  until?: AbortSignal;
  backoff?: Backoff;
  clock?: SupervisorClock;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 30_000, healthyAfterMs: 60_000 };

const realClock: SupervisorClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }).catch(() => undefined),
};

/** Keeps one child process alive: a child that exits by itself is started again, with exponential backoff. */
export class Supervisor {
  private readonly stopping = new AbortController();
  private readonly settled: AbortSignal;
  private readonly backoff: Backoff;
  private readonly clock: SupervisorClock;
  private current: ChildProcess | undefined;
  private watching: Promise<void> = Promise.resolve();
  private restartCount = 0;

  constructor(private readonly options: SupervisorOptions) {
    this.settled = options.until ? AbortSignal.any([this.stopping.signal, options.until]) : this.stopping.signal;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.clock = options.clock ?? realClock;
  }

  get restarts(): number {
    return this.restartCount;
  }

  /** Starts the first child. If that fails the error is the caller's: nothing has run yet that could be restarted. */
  async start(): Promise<void> {
    const first = Promise.resolve(this.options.start(0));
    this.watching = first.then((child) => this.keepAlive(child), () => undefined);
    await first;
  }

  /** Keeps alive a child started elsewhere, as if this supervisor had started it first. */
  adopt(child: ChildProcess): void {
    this.watching = this.keepAlive(child);
  }

  /** Stops the child (or the start in progress) and never restarts it again. */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.current) await this.stopChild(this.current);
    await this.watching;
  }

  private async keepAlive(first: ChildProcess): Promise<void> {
    this.current = first;
    let running: ChildProcess | undefined = first;
    let delayMs = this.backoff.initialMs;
    while (!this.settled.aborted) {
      if (running) {
        const startedAt = this.clock.now();
        const exit = await exitOf(running);
        if (this.settled.aborted) break;
        killGroupLeftovers(running);
        const ranMs = this.clock.now() - startedAt;
        if (ranMs >= this.backoff.healthyAfterMs) delayMs = this.backoff.initialMs;
        this.log(`exited unexpectedly (${exit}) after ${formatSeconds(ranMs)}; restarting in ${formatSeconds(delayMs)}`);
      }
      await this.clock.sleep(delayMs, this.settled);
      if (this.settled.aborted) break;
      delayMs = Math.min(delayMs * 2, this.backoff.maxMs);
      running = await this.restart(delayMs);
    }
    // A stop() that came while a restart was under way could not reach the child it produced.
    if (this.stopping.signal.aborted && this.current) await this.stopChild(this.current);
  }

  /** The new child, or undefined when it failed to start (the loop waits `retryInMs` and tries again). */
  private async restart(retryInMs: number): Promise<ChildProcess | undefined> {
    const attempt = ++this.restartCount;
    try {
      this.current = await this.options.start(attempt);
      this.log(`restarted (pid ${this.current.pid}; restart ${attempt})`);
      return this.current;
    } catch (error) {
      this.log(`restart ${attempt} failed (${error instanceof Error ? error.message : String(error)}); trying again in ${formatSeconds(retryInMs)}`);
      return undefined;
    }
  }

  private log(line: string): void {
    this.options.log(this.options.name, line);
  }

  private async stopChild(child: ChildProcess): Promise<void> {
    await (this.options.stop ?? stopGroup)(child);
  }
}

/** How the child ended: resolves once it has exited (or could not be spawned at all). */
function exitOf(child: ChildProcess): Promise<string> {
  const describe = () => (child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`);
  if (hasExited(child)) return Promise.resolve(describe());
  return new Promise((resolve) => {
    child.once('exit', () => resolve(describe()));
    child.once('error', (error) => {
      if (child.pid === undefined) resolve(`not started: ${error.message}`);
    });
  });
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
