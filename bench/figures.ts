import type { LatencyStats } from './stats';

/** One measured figure of a bench run, with the baseline measured beside it in the same run. */
export type Section = 'commands' | 'queries' | 'lag' | 'throughput' | 'resources';
export type Unit = 'ms' | 'changes/s' | 'docs/s' | 'rows/s' | 'MB';

export interface Measured {
  /** Latency figures: every sample summarized. */
  stats?: LatencyStats;
  /** Rate and resource figures: one number. */
  value?: number;
  /** Calls that failed (a failed call is not a sample). */
  errors?: number;
  /** HTTP figures: CPU time the web tier spent per call (utime + stime from /proc, all workers). */
  webCpuMsPerCall?: number;
  note?: string;
}

export interface Baseline extends Measured {
  name: string;
}

export interface TargetResult {
  text: string;
  met: boolean;
  /** The measured number against the target, and by how much it was missed. */
  detail: string;
}

export interface Figure {
  id: string;
  section: Section;
  name: string;
  unit: Unit;
  /** "8 clients", "100 cmd/s", "1,000,000 changes". */
  load?: string;
  ours: Measured;
  baseline?: Baseline;
  target?: TargetResult;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  meilisearch: string;
}

export interface BenchReport {
  startedAt: string;
  durationS: number;
  mode: string;
  data: Record<string, number>;
  machine: MachineInfo;
  figures: Figure[];
  /** Phases that failed (their figures are missing). */
  failures: string[];
}
