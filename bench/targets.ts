import type { Figure, TargetResult } from './figures';

/**
 * The targets (2 cores, full mode, 100k products). A target checks one figure and says
 * by how much it was missed; figures without a target only compare with their baseline.
 */
interface Target {
  applies(figure: Figure): boolean;
  check(figure: Figure): TargetResult | undefined;
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1));

function p99AtMost(limitMs: number): (figure: Figure) => TargetResult | undefined {
  return (figure) => {
    const p99 = figure.ours.stats?.p99;
    if (p99 === undefined || Number.isNaN(p99)) return undefined;
    const text = `p99 ≤ ${limitMs} ms`;
    if (p99 <= limitMs) return { text, met: true, detail: `p99 ${fmt(p99)} ms` };
    return { text, met: false, detail: `p99 ${fmt(p99)} ms: missed by ${fmt(p99 - limitMs)} ms (${fmt((p99 / limitMs - 1) * 100)}% over)` };
  };
}

const TARGETS: Target[] = [
  { applies: (f) => /^command\.\w+\.http\.c8$/.test(f.id), check: p99AtMost(25) },
  { applies: (f) => /^query\.search\.(?!writeSchema)\w+\.c8$/.test(f.id), check: p99AtMost(30) },
  { applies: (f) => f.id === 'query.catalog.product.c8', check: p99AtMost(10) },
  { applies: (f) => f.id === 'lag.summary.r100', check: p99AtMost(200) },
  { applies: (f) => f.id === 'lag.search.r100', check: p99AtMost(1500) },
  {
    applies: (f) => f.id === 'throughput.catchup.sql',
    check: (f) => {
      const ours = f.ours.value;
      const raw = f.baseline?.value;
      if (!ours || !raw) return undefined;
      const share = ours / raw;
      const text = '≥ 25% of the raw replication read rate';
      if (share >= 0.25) return { text, met: true, detail: `${fmt(share * 100)}% of raw` };
      return { text, met: false, detail: `${fmt(share * 100)}% of raw: missed by ${fmt((0.25 - share) * 100)} points` };
    },
  },
  {
    applies: (f) => f.id === 'throughput.rebuild.search',
    check: (f) => {
      const ours = f.ours.value;
      const bulk = f.baseline?.value;
      if (!ours || !bulk) return undefined;
      const ratio = bulk / ours; // our time / bulk time
      const text = 'time ≤ 1.3× Meilisearch bulk';
      if (ratio <= 1.3) return { text, met: true, detail: `${ratio.toFixed(2)}× bulk time` };
      return { text, met: false, detail: `${ratio.toFixed(2)}× bulk time: missed by ${fmt((ratio / 1.3 - 1) * 100)}%` };
    },
  },
  {
    applies: (f) => f.id === 'resources.projector.catchup',
    check: (f) => {
      const mb = f.ours.value;
      if (mb === undefined) return undefined;
      const text = '≤ 300 MB while 1M changes behind';
      if (mb <= 300) return { text, met: true, detail: `${fmt(mb)} MB` };
      return { text, met: false, detail: `${fmt(mb)} MB: missed by ${fmt(mb - 300)} MB` };
    },
  },
];

export function withTargets(figures: Figure[]): Figure[] {
  return figures.map((figure) => {
    const target = TARGETS.find((t) => t.applies(figure))?.check(figure);
    return target ? { ...figure, target } : figure;
  });
}
