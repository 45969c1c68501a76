import type { BenchReport, Figure, Measured, Section } from './figures';

const SECTION_TITLES: Record<Section, string> = {
  commands: 'Commands',
  queries: 'Queries',
  lag: 'Lag: commit → visible',
  throughput: 'Throughput',
  resources: 'Resources',
};

function num(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '—';
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en');
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function errors(m: Measured): string {
  return m.errors ? ` (${m.errors} failed)` : '';
}

function latencyCells(m: Measured | undefined): string[] {
  if (!m?.stats) return ['—', '—', '—'];
  return [num(m.stats.median), num(m.stats.p95), num(m.stats.p99) + errors(m)];
}

function targetCell(f: Figure): string {
  if (!f.target) return '';
  return `${f.target.met ? '✅' : '❌'} ${f.target.text}: ${f.target.detail}`;
}

function ratioCell(f: Figure): string {
  const ours = f.ours.value;
  const base = f.baseline?.value;
  if (ours === undefined || base === undefined || base === 0) return '—';
  return `${(ours / base).toFixed(2)}×`;
}

function latencyTable(figures: Figure[]): string[] {
  const lines = [
    '| Figure | Load | n | median ms | p95 ms | p99 ms | web CPU ms/call | Baseline (same run) | median ms | p95 ms | p99 ms | Target |',
    '|---|---|--:|--:|--:|--:|--:|---|--:|--:|--:|---|',
  ];
  for (const f of figures) {
    lines.push(
      `| ${f.name} | ${f.load ?? ''} | ${f.ours.stats?.count ?? 0} | ${latencyCells(f.ours).join(' | ')} | ${f.ours.webCpuMsPerCall === undefined ? '' : num(f.ours.webCpuMsPerCall)} | ${f.baseline?.name ?? ''} | ${latencyCells(f.baseline).join(' | ')} | ${targetCell(f)} |`,
    );
  }
  return lines;
}

function valueTable(figures: Figure[]): string[] {
  const lines = ['| Figure | Load | Ours | Baseline (same run) | Baseline | Ours ÷ baseline | Target |', '|---|---|--:|---|--:|--:|---|'];
  for (const f of figures) {
    const ours = `${num(f.ours.value)} ${f.unit}${errors(f.ours)}`;
    const base = f.baseline ? `${num(f.baseline.value)} ${f.unit}` : '';
    lines.push(`| ${f.name} | ${f.load ?? ''} | ${ours} | ${f.baseline?.name ?? ''} | ${base} | ${ratioCell(f)} | ${targetCell(f)} |`);
  }
  return lines;
}

/** The run as Markdown: one table per section, then the notes the figures carry. */
export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const out = [
    `### Bench run ${report.startedAt} (${report.mode} mode, ${Math.round(report.durationS)} s)`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}; ${m.postgres}; Meilisearch ${m.meilisearch}.`,
    `Data: ${Object.entries(report.data).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}.`,
  ];
  for (const section of Object.keys(SECTION_TITLES) as Section[]) {
    const figures = report.figures.filter((f) => f.section === section);
    if (figures.length === 0) continue;
    out.push('', `#### ${SECTION_TITLES[section]}`, '');
    out.push(...(figures.every((f) => f.unit === 'ms') ? latencyTable(figures) : valueTable(figures)));
  }
  const notes = report.figures.flatMap((f) => [f.ours.note, f.baseline?.note].filter(Boolean).map((n) => `- ${f.name}: ${n}`));
  if (notes.length > 0) out.push('', '#### Notes', '', ...notes);
  if (report.failures.length > 0) out.push('', '#### Failed phases', '', ...report.failures.map((f) => `- ${f}`));
  const missed = report.figures.filter((f) => f.target && !f.target.met);
  out.push('', missed.length === 0 ? 'Every target was met.' : `Targets missed: ${missed.map((f) => `${f.name} (${f.load ?? ''}) ${f.target!.detail}`).join('; ')}.`);
  return `${out.join('\n')}\n`;
}
