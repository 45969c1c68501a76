import type { Figure, TargetResult } from './figures';

/**
 * The issues' targets (2 cores, full mode). A target checks one figure, against a number or
 * against another figure of the same run, and says by how much it was missed; a figure may
 * have several (all must hold). Figures without a target only compare with their baseline.
 */
interface Target {
  applies(figure: Figure): boolean;
  check(figure: Figure, all: readonly Figure[]): TargetResult | undefined;
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1));

function p99AtMost(limitMs: number): Target['check'] {
  return (figure) => {
    const p99 = figure.ours.stats?.p99;
    if (p99 === undefined || Number.isNaN(p99)) return undefined;
    const text = `p99 ≤ ${limitMs} ms`;
    if (p99 <= limitMs) return { text, met: true, detail: `p99 ${fmt(p99)} ms` };
    return { text, met: false, detail: `p99 ${fmt(p99)} ms: missed by ${fmt(p99 - limitMs)} ms (${fmt((p99 / limitMs - 1) * 100)}% over)` };
  };
}

function webCpuAtMost(limitMs: number): Target['check'] {
  return (figure) => {
    const ms = figure.ours.webCpuMsPerCall;
    if (ms === undefined) return undefined;
    const text = `web CPU ≤ ${limitMs} ms/call`;
    if (ms <= limitMs) return { text, met: true, detail: `${ms.toFixed(2)} ms/call` };
    return { text, met: false, detail: `${ms.toFixed(2)} ms/call: ${(ms / limitMs).toFixed(1)}× the target` };
  };
}

/** p99 at most `factor` × a reference p99 of the same run (`reference` picks it, with what to call it). */
function p99WithinOf(factor: number, what: string, reference: (figure: Figure, all: readonly Figure[]) => number | undefined): Target['check'] {
  return (figure, all) => {
    const p99 = figure.ours.stats?.p99;
    const ref = reference(figure, all);
    if (p99 === undefined || ref === undefined || Number.isNaN(p99) || !(ref > 0)) return undefined;
    const ratio = p99 / ref;
    const text = `p99 ≤ ${factor}× ${what}`;
    const detail = `${ratio.toFixed(2)}× (${fmt(p99)} ms against ${fmt(ref)} ms)`;
    return ratio <= factor ? { text, met: true, detail } : { text, met: false, detail: `${detail}: missed by ${fmt((ratio / factor - 1) * 100)}%` };
  };
}

const oursP99 = (all: readonly Figure[], id: string) => all.find((f) => f.id === id)?.ours.stats?.p99;

function shareOfRaw(atLeast: number): Target['check'] {
  return (f) => {
    const ours = f.ours.value;
    const raw = f.baseline?.value;
    if (!ours || !raw) return undefined;
    const share = ours / raw;
    const text = `≥ ${atLeast * 100}% of the raw replication read rate`;
    if (share >= atLeast) return { text, met: true, detail: `${fmt(share * 100)}% of raw` };
    return { text, met: false, detail: `${fmt(share * 100)}% of raw: missed by ${fmt((atLeast - share) * 100)} points` };
  };
}

const HTTP_SEARCH = /^query\.search\.(?!writeSchema)\w+\.c8$/;

const TARGETS: Target[] = [
  // Issue 14: the web tier's cost per call, and latency against the stores' own in the same run.
  { applies: (f) => f.id === 'query.auth.me.c8' || f.id === 'query.catalog.product.c8', check: webCpuAtMost(0.5) },
  { applies: (f) => HTTP_SEARCH.test(f.id), check: webCpuAtMost(1.5) },
  { applies: (f) => HTTP_SEARCH.test(f.id), check: p99WithinOf(2, 'Meilisearch direct', (f) => f.baseline?.stats?.p99) },
  { applies: (f) => f.id === 'query.catalog.product.c8', check: p99WithinOf(3, 'the read model SQL', (_f, all) => oursP99(all, 'read.product detail.c8')) },
  {
    applies: (f) => /^command\.\w+\.http\.c8$/.test(f.id),
    check: p99WithinOf(1.3, 'in process', (f, all) => oursP99(all, f.id.replace('.http.', '.inprocess.'))),
  },
  { applies: (f) => f.id === 'lag.summary.r100', check: p99AtMost(200) },
  { applies: (f) => f.id === 'lag.search.r100', check: p99AtMost(500) },
  { applies: (f) => f.id === 'throughput.catchup.sql', check: shareOfRaw(0.35) },
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
    const results = TARGETS.filter((t) => t.applies(figure))
      .map((t) => t.check(figure, figures))
      .filter((r): r is TargetResult => r !== undefined);
    if (results.length === 0) return figure;
    if (results.length === 1) return { ...figure, target: results[0]! };
    const target: TargetResult = {
      text: results.map((r) => r.text).join('; '),
      met: results.every((r) => r.met),
      detail: results.map((r) => `${r.met ? '' : '✗ '}${r.detail}`).join('; '),
    };
    return { ...figure, target };
  });
}
