/**
 * What the bench is doing, on stderr (stdout carries the report): a line per step, and a bar
 * for steps with a known size — redrawn in place on a terminal, a line every few seconds
 * otherwise (CI logs).
 */
export class Progress {
  private readonly started = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly totalSteps: number) {}

  private step = 0;

  private elapsed(): string {
    const s = Math.round((Date.now() - this.started) / 1000);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }

  /** A new step: "[3/12 1:05] commands over HTTP". */
  begin(what: string): void {
    this.step += 1;
    process.stderr.write(`[${this.step}/${this.totalSteps} ${this.elapsed()}] ${what}\n`);
  }

  note(line: string): void {
    process.stderr.write(`    ${line}\n`);
  }

  bar(label: string, total: number) {
    let done = 0;
    let lastLine = 0;
    const render = (final = false) => {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      if (this.tty) {
        const width = 28;
        const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
        process.stderr.write(`\r    ${label} ${bar} ${String(Math.round(ratio * 100)).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}${final ? '\n' : ''}`);
      } else if (final || Date.now() - lastLine > 5000) {
        lastLine = Date.now();
        process.stderr.write(`    ${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.round(ratio * 100)}%)\n`);
      }
    };
    return {
      set(value: number) {
        done = value;
        render();
      },
      done() {
        done = Math.max(done, total);
        render(true);
      },
    };
  }
}
