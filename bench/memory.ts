import { readFileSync } from 'node:fs';

/** Resident memory of a process and its descendants, from /proc (Linux). */
function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // gone
  }
}

function descendants(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      const tasks = readFileSync(`/proc/${all[i]}/task/${all[i]}/children`, 'utf8').trim();
      if (tasks) all.push(...tasks.split(/\s+/).map(Number));
    } catch {
      // gone
    }
  }
  return all;
}

export function treeRssBytes(pid: number): number {
  return descendants(pid).reduce((sum, p) => sum + statusField(pid === p ? pid : p, 'VmRSS'), 0);
}

/**
 * Peak resident memory of a process tree while it runs: sampled every `intervalMs`, and for
 * a tree of one process also its kernel-kept high-water mark (which no sample can miss).
 */
export function sampleTreePeak(pid: number, intervalMs = 100) {
  let peak = treeRssBytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(pid));
  }, intervalMs);
  timer.unref();
  return {
    /** Stop sampling; the peak in MB. */
    stop(): number {
      clearInterval(timer);
      const tree = descendants(pid);
      const hwm = tree.length === 1 ? statusField(pid, 'VmHWM') : 0;
      peak = Math.max(peak, treeRssBytes(pid), hwm);
      return peak / (1024 * 1024);
    },
  };
}
