/**
 * What one `npm run bench` run does: how much data, how long each measurement lasts, which
 * write rates the lag test holds. `--quick` fits in a few minutes; the full mode is the size
 * the targets are stated for; `--tiny` only proves that the harness produces every figure.
 */
export type BenchMode = 'full' | 'quick' | 'tiny';

/** The measurement phases, in the order a run takes them. */
export const BENCH_PHASES = ['queries', 'commands', 'in-process', 'lag', 'takeover', 'rebuild', 'catch-up', 'stream'] as const;
export type BenchPhase = (typeof BENCH_PHASES)[number];

export interface BenchOptions {
  mode: BenchMode;
  products: number;
  orderLines: number;
  /** Each closed-loop latency measurement (per command or query and client count). */
  measureMs: number;
  /** Write rates (commands/s) the lag test holds, and for how long each. */
  lagRates: number[];
  lagMs: number;
  /** Row changes written while the projector is stopped, for the catch-up test. */
  burstChanges: number;
  commandClients: number[];
  queryClients: number;
  /** Where results.json and results.md go. */
  outDir: string;
  /** The phases to run (all by default; `--only` picks some, to profile one). */
  phases: BenchPhase[];
}

const PRESETS: Record<BenchMode, Omit<BenchOptions, 'mode' | 'outDir' | 'phases'>> = {
  full: { products: 100_000, orderLines: 1_000_000, measureMs: 10_000, lagRates: [100, 500], lagMs: 30_000, burstChanges: 1_000_000, commandClients: [1, 8, 32], queryClients: 8 },
  quick: { products: 10_000, orderLines: 100_000, measureMs: 3_000, lagRates: [100, 500], lagMs: 8_000, burstChanges: 100_000, commandClients: [1, 8, 32], queryClients: 8 },
  tiny: { products: 60, orderLines: 300, measureMs: 400, lagRates: [20, 50], lagMs: 1_000, burstChanges: 2_000, commandClients: [1, 8, 32], queryClients: 8 },
};

export const BENCH_USAGE = `Usage: npm run bench -- [--quick | --tiny] [--products N] [--order-lines N] [--out DIR]
  (default)      full mode: 100,000 products, 1,000,000 order lines (15-20 minutes on 2 cores)
  --quick        10,000 products, 100,000 order lines, short measurements (under 5 minutes)
  --tiny         a few dozen rows: checks that every figure is produced, not how fast
  --products N   catalog size (overrides the mode's)
  --order-lines N
  --out DIR      where results.json and results.md are written (default bench/results)
  --only LIST    only these phases, comma-separated: ${BENCH_PHASES.join(', ')}
`;

export function parseBenchArgs(args: string[]): BenchOptions | { error: string } {
  let mode: BenchMode = 'full';
  const overrides: Partial<BenchOptions> = {};
  let outDir = 'bench/results';
  let phases: BenchPhase[] = [...BENCH_PHASES];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value.`);
      return next;
    };
    const count = () => {
      const text = value();
      const n = Number(text.replace(/_/g, ''));
      if (!Number.isInteger(n) || n < 10) throw new Error(`${arg} must be a whole number of at least 10, not "${text}".`);
      return n;
    };
    try {
      if (arg === '--quick') mode = 'quick';
      else if (arg === '--tiny') mode = 'tiny';
      else if (arg === '--full') mode = 'full';
      else if (arg === '--products') overrides.products = count();
      else if (arg === '--order-lines') overrides.orderLines = count();
      else if (arg === '--out') outDir = value();
      else if (arg === '--only') {
        const asked = value().split(',');
        const unknown = asked.filter((p) => !(BENCH_PHASES as readonly string[]).includes(p));
        if (unknown.length > 0) throw new Error(`--only takes ${BENCH_PHASES.join(', ')}; not "${unknown.join(', ')}".`);
        phases = BENCH_PHASES.filter((p) => asked.includes(p));
      }
      else return { error: `Unknown option "${arg}".` };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
  return { mode, ...PRESETS[mode], ...overrides, outDir, phases };
}
