import type { HistoryResult } from './runHistory';
import { signaturesOf } from './report';

/**
 * Delta debugging over the operations of a failed history: drop chunks (halves, then smaller)
 * while the history still fails in one of the ways it first failed. Each try is a full run
 * on a reset stack, so the search stops when its time is up and returns the smallest so far.
 * Timing-dependent failures may not reproduce on every try: a shrink is a hint, the seed the fact.
 */
export async function shrinkHistory(
  failed: HistoryResult,
  run: (keep: ReadonlySet<number>) => Promise<HistoryResult>,
  deadline: number,
  onTry: (keep: ReadonlySet<number>, result: HistoryResult, kept: boolean) => void = () => {},
): Promise<HistoryResult> {
  const wanted = new Set(signaturesOf(failed.findings));
  const reproduces = (result: HistoryResult) => signaturesOf(result.findings).some((s) => wanted.has(s));
  let best = failed;
  let kept = [...(failed.keep ?? failed.history.ops.keys())];
  let parts = 2;
  while (kept.length > 1 && Date.now() < deadline) {
    const size = Math.ceil(kept.length / parts);
    let reduced = false;
    for (let start = 0; start < kept.length && Date.now() < deadline; start += size) {
      const candidate = new Set([...kept.slice(0, start), ...kept.slice(start + size)]);
      const result = await run(candidate);
      const still = reproduces(result);
      onTry(candidate, result, still);
      if (still) {
        best = result;
        kept = [...candidate];
        parts = Math.max(parts - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (size === 1) break;
      parts = Math.min(parts * 2, kept.length);
    }
  }
  return best;
}
