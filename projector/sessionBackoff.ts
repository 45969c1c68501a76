const FIRST_MS = 250;
const MAX_MS = 30_000;

/**
 * The wait between a failed session and the next: doubling from 250 ms to 30 s, back to the
 * start after a session that lasted a minute; `wake()` ends a wait at once (a stop, a lost lease).
 */
export class SessionBackoff {
  private delay = FIRST_MS;
  private wakeUp: (() => void) | undefined;

  /** What the next wait will be (for the log). */
  get nextMs(): number {
    return this.delay;
  }

  /** Call when a session ended; `startedAt` is when it began (Date.now()). */
  async wait(startedAt: number): Promise<void> {
    if (Date.now() - startedAt > 60_000) this.delay = FIRST_MS;
    await new Promise<void>((resolve) => {
      this.wakeUp = resolve;
      setTimeout(resolve, this.delay);
    });
    this.delay = Math.min(this.delay * 2, MAX_MS);
  }

  wake(): void {
    this.wakeUp?.();
  }
}
