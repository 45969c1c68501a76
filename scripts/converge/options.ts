import type { GenerationOptions } from './operations';

/** What one `npm run converge` run does. */
export interface ConvergeOptions {
  generation: GenerationOptions;
  /** The first seed; the next histories take the next seeds. */
  seed: number;
  /** Histories to run, or until `minutes` are up (soak). */
  histories: number;
  minutes: number | undefined;
  keep: Set<number> | undefined;
  shrink: boolean;
  shrinkMinutes: number;
  settleSeconds: number;
  verbose: boolean;
}

export const DEFAULT_OPS = 60;
export const DEFAULT_LARGE_ROWS = 20_000;
export const SOAK_LARGE_ROWS = 100_000;
/** One fault per 15 operations, at least one. */
export const defaultFaults = (ops: number) => Math.max(1, Math.ceil(ops / 15));

export const CONVERGE_USAGE = `Usage: npm run converge -- [options]
  Seeded histories of commands, direct SQL and faults against a real stack; after each,
  every read model is compared with a fresh rebuild from the write model.
  --seed N            replay the history of seed N (with --histories or --minutes: the first seed)
  --histories K       run K histories (default 3, or 1 with --seed), seeds N, N+1, ...
  --minutes M         soak: run histories with fresh seeds until M minutes are up
  --ops N             random operations per history, after a setup of 13 (default ${DEFAULT_OPS})
  --faults F          faults per history (default one per 15 operations)
  --large-rows R      rows of the large transaction a history may hold (default ${DEFAULT_LARGE_ROWS}; ${SOAK_LARGE_ROWS} with --minutes; 0: none)
  --exclude KINDS     leave these operation or fault kinds out (e.g. sqlTruncateProducts,poison): to look past a known divergence
  --keep LIST         run only these operations of the history (e.g. 0-12,17,30-31): a shrunk history
  --shrink            when a history fails, search for a smaller one that fails the same way
  --shrink-minutes M  time for the shrink (default 20)
  --settle-seconds S  how long the projector may take to catch up at the end (default 180)
  --stream            with the change stream in between: a nats-server, the publisher, and the
                      projector reading JetStream; faults also kill the publisher and restart NATS
  --verbose           every operation as it ends, and the stack's logs
`;

export function parseKeep(text: string): Set<number> {
  const keep = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!match) throw new Error(`--keep takes indexes and ranges such as 0-12,17, not "${part}".`);
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    for (let i = from; i <= to; i++) keep.add(i);
  }
  return keep;
}

function parseExclude(text: string): string[] {
  const kinds = text.split(',').map((k) => k.trim());
  const bad = kinds.find((k) => !/^[a-zA-Z]+$/.test(k));
  if (bad !== undefined) throw new Error(`--exclude takes operation or fault kinds such as sqlTruncateProducts,poison, not "${bad}".`);
  return kinds;
}

export function parseConvergeArgs(args: string[], randomSeed: () => number): ConvergeOptions | { error: string } {
  const given: Record<string, string | true> = {};
  const flags = new Set(['--shrink', '--verbose', '--stream']);
  const valued = new Set(['--seed', '--histories', '--minutes', '--ops', '--faults', '--large-rows', '--keep', '--exclude', '--shrink-minutes', '--settle-seconds']);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (flags.has(arg)) given[arg] = true;
    else if (valued.has(arg)) {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return { error: `${arg} needs a value.` };
      given[arg] = value;
    } else return { error: `Unknown option "${arg}".` };
  }
  try {
    const number = (name: string, min: number): number | undefined => {
      const text = given[name];
      if (text === undefined) return undefined;
      const n = Number(String(text).replace(/_/g, ''));
      if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${String(text)}".`);
      return n;
    };
    const seed = number('--seed', 0);
    const minutes = number('--minutes', 1);
    const ops = number('--ops', 0) ?? DEFAULT_OPS;
    const histories = number('--histories', 1) ?? (seed !== undefined || minutes !== undefined ? 1 : 3);
    return {
      generation: {
        ops,
        faults: number('--faults', 0) ?? defaultFaults(ops),
        largeRows: number('--large-rows', 0) ?? (minutes !== undefined ? SOAK_LARGE_ROWS : DEFAULT_LARGE_ROWS),
        ...(typeof given['--exclude'] === 'string' && { exclude: parseExclude(given['--exclude']) }),
        ...(given['--stream'] === true && { stream: true }),
      },
      seed: seed ?? randomSeed(),
      histories: minutes !== undefined ? Number.POSITIVE_INFINITY : histories,
      minutes,
      keep: typeof given['--keep'] === 'string' ? parseKeep(given['--keep']) : undefined,
      shrink: given['--shrink'] === true,
      shrinkMinutes: number('--shrink-minutes', 1) ?? 20,
      settleSeconds: number('--settle-seconds', 10) ?? 180,
      verbose: given['--verbose'] === true,
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
