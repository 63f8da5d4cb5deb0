// The short markdown summary of a run (bench/results/latest.md, also printed).

export interface ReportRow {
  figure: string;
  value: string;
  target: string;
  baseline: string;
  ratio: string;
}

export function fmt(value: number | null | undefined, unit = '', digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  const rounded = Math.abs(value) >= 100 ? Math.round(value).toString() : value.toFixed(digits);
  return `${rounded}${unit}`;
}

export function fmtRatio(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  return `${Math.abs(value) >= 100 ? Math.round(value).toString() : value.toFixed(2)}×`;
}

export function verdict(met: boolean | null): string {
  if (met === null) return 'not measured';
  return met ? 'met' : 'MISSED';
}

export function markdownTable(rows: readonly ReportRow[]): string {
  const head = '| Figure | Ours | Target | Baseline (same run) | Ours ÷ baseline |\n|---|---|---|---|---|';
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  return [head, ...rows.map((r) => `| ${esc(r.figure)} | ${esc(r.value)} | ${esc(r.target)} | ${esc(r.baseline)} | ${esc(r.ratio)} |`)].join('\n');
}
