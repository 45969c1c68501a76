import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startDetached } from './processes';
import { Supervisor, type Backoff, type SupervisorOptions } from './supervisor';

const BACKOFF: Backoff = { initialMs: 1000, maxMs: 4000, healthyAfterMs: 60_000 };

/** Time moves only when the supervisor waits or a test says a child ran so long: no real waiting, exact delays. */
class FakeClock {
  time = 0;
  readonly delays: number[] = [];
  now = () => this.time;
  sleep = async (ms: number) => {
    this.delays.push(ms);
    this.time += ms;
  };
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A real child that exits by itself after 100 ms; the clock says it ran `ranMs`. */
function shortLived(clock: FakeClock, ranMs = 100): ChildProcess {
  const child = track(startDetached(process.execPath, ['-e', 'setTimeout(() => process.exit(3), 100)']));
  // Registered before the supervisor's own exit listener, so the time has moved when it looks.
  child.once('exit', () => (clock.time += ranMs));
  return child;
}

function longLived(): ChildProcess {
  return track(startDetached(process.execPath, ['-e', 'setInterval(() => {}, 1000)']));
}

function track(child: ChildProcess): ChildProcess {
  started.push(child);
  return child;
}

function supervise(clock: FakeClock, start: SupervisorOptions['start'], extra: Partial<SupervisorOptions> = {}) {
  const lines: string[] = [];
  const supervisor = new Supervisor({ name: 'child', start, log: (source, line) => lines.push(`[${source}] ${line}`), clock, backoff: BACKOFF, ...extra });
  return { supervisor, lines };
}

/** Resolves with the child the supervisor starts once it has restarted `restarts` times. */
function startsUntil(restarts: number, before: (attempt: number) => ChildProcess) {
  const attempts: number[] = [];
  let reached!: (child: ChildProcess) => void;
  const last = new Promise<ChildProcess>((resolve) => (reached = resolve));
  const start = (attempt: number) => {
    attempts.push(attempt);
    if (attempt < restarts) return before(attempt);
    const child = longLived();
    reached(child);
    return child;
  };
  return { start, attempts, last };
}

function longLivedOnes() {
  const children: ChildProcess[] = [];
  const start = () => {
    const child = longLived();
    children.push(child);
    return child;
  };
  return { children, start };
}

describe('Supervisor', () => {
  it('restarts a child that exits, doubling the wait up to the cap, and counts the restarts', async () => {
    const clock = new FakeClock();
    const { start, attempts, last } = startsUntil(5, () => shortLived(clock));
    const { supervisor, lines } = supervise(clock, start);

    await supervisor.start();
    const survivor = await last;

    expect(clock.delays).toEqual([1000, 2000, 4000, 4000, 4000]);
    expect(attempts).toEqual([0, 1, 2, 3, 4, 5]);
    expect(supervisor.restarts).toBe(5);
    expect(lines[0]).toBe('[child] exited unexpectedly (code 3) after 0.1 s; restarting in 1 s');

    await supervisor.stop();
    expect(survivor.signalCode).toBe('SIGTERM');
    expect(attempts).toHaveLength(6);
  });

  it('waits the initial delay again after a child that ran longer than the healthy time', async () => {
    const clock = new FakeClock();
    const ran = [100, 100, 61_000, 100];
    const { start, last } = startsUntil(4, (attempt) => shortLived(clock, ran[attempt]));
    const { supervisor } = supervise(clock, start);

    await supervisor.start();
    await last;

    expect(clock.delays).toEqual([1000, 2000, 1000, 2000]);
    expect(supervisor.restarts).toBe(4);
    await supervisor.stop();
  });

  it('stops the child on request and never starts another', async () => {
    const clock = new FakeClock();
    const { children, start } = longLivedOnes();
    const { supervisor, lines } = supervise(clock, start);

    await supervisor.start();
    await supervisor.stop();

    expect(children).toHaveLength(1);
    expect(children[0]!.signalCode).toBe('SIGTERM');
    expect(clock.delays).toEqual([]);
    expect(supervisor.restarts).toBe(0);
    expect(lines).toEqual([]);
  });

  it('restarts nothing once the application has begun to shut down', async () => {
    const clock = new FakeClock();
    const shutdown = new AbortController();
    const { children, start } = longLivedOnes();
    const { supervisor } = supervise(clock, start, { until: shutdown.signal });

    await supervisor.start();
    shutdown.abort();
    const exited = once(children[0]!, 'exit');
    children[0]!.kill('SIGKILL');
    await exited;
    await supervisor.stop();

    expect(children).toHaveLength(1);
    expect(clock.delays).toEqual([]);
  });

  it('retries a restart that fails, with the next delay, and counts it', async () => {
    const clock = new FakeClock();
    const { start, attempts, last } = startsUntil(2, (attempt) => {
      if (attempt === 1) throw new Error('port in use');
      return shortLived(clock);
    });
    const { supervisor, lines } = supervise(clock, start);

    await supervisor.start();
    await last;

    expect(attempts).toEqual([0, 1, 2]);
    expect(clock.delays).toEqual([1000, 2000]);
    expect(supervisor.restarts).toBe(2);
    expect(lines).toContain('[child] restart 1 failed (port in use); trying again in 2 s');
    await supervisor.stop();
  });

  it('leaves a failed first start to the caller', async () => {
    const clock = new FakeClock();
    let attempts = 0;
    const { supervisor } = supervise(clock, () => {
      attempts += 1;
      throw new Error('no binary');
    });

    await expect(supervisor.start()).rejects.toThrow('no binary');
    await supervisor.stop();
    expect(attempts).toBe(1);
    expect(clock.delays).toEqual([]);
  });
});
