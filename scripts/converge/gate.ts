/**
 * Operations pass the gate together; a Postgres stop waits for the ones in flight and holds new
 * ones back until the server is down. A transaction cut by the shutdown makes postgres.js 3.4.9
 * throw outside any promise when it rolls back (porsager/postgres#1154), in the harness and in
 * the web server alike; operations sent while the server is down fail to connect, which is fine.
 */
export class Gate {
  private inFlight = 0;
  private closed: Promise<void> | undefined;
  private drained: (() => void) | undefined;

  async pass<T>(fn: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    this.inFlight++;
    try {
      return await fn();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  /** Runs `fn` alone: after the operations in flight, before any new one. */
  async alone<T>(fn: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    let open!: () => void;
    this.closed = new Promise<void>((resolve) => (open = resolve));
    try {
      if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = undefined;
      return await fn();
    } finally {
      this.closed = undefined;
      open();
    }
  }
}
