import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (s) per part of the system, from /proc: where the 2 cores went during a measurement. */
export type CpuSnapshot = Record<string, number>;

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function stat(pid: number): { comm: string; ppid: number; cpu: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // After the command: state, ppid, …; utime and stime are fields 14 and 15 of the whole line.
    return { comm, ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** `roots` names process trees (web server, projector); Postgres and Meilisearch are found by name. */
export function cpuSnapshot(roots: Record<string, number | undefined>): CpuSnapshot {
  const all = new Map<number, NonNullable<ReturnType<typeof stat>>>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) all.set(Number(name), s);
  }
  const owner = (pid: number): string | undefined => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 20; p = all.get(p)?.ppid, hops++) {
      for (const [label, root] of Object.entries(roots)) if (root === p) return label;
    }
    return undefined;
  };
  const snapshot: CpuSnapshot = { bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6 };
  for (const [pid, s] of all) {
    const label = s.comm === 'postgres' ? 'postgres' : s.comm.startsWith('meilisearch') ? 'meilisearch' : owner(pid);
    if (label && pid !== process.pid) snapshot[label] = (snapshot[label] ?? 0) + s.cpu;
  }
  return snapshot;
}

/** "CPU (cores): web 1.21, postgres 0.42, bench 0.30, projector 0.05, meilisearch 0.01". */
export function cpuNote(before: CpuSnapshot, after: CpuSnapshot, elapsedMs: number): string {
  const parts = Object.keys(after)
    .map((k) => [k, (after[k]! - (before[k] ?? 0)) / (elapsedMs / 1000)] as const)
    .filter(([, cores]) => cores >= 0.005)
    .sort((a, b) => b[1] - a[1])
    .map(([k, cores]) => `${k} ${cores.toFixed(2)}`);
  return `CPU (cores): ${parts.join(', ')}`;
}
