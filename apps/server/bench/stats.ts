/** Percentile by nearest rank over a copy of the samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export interface Row {
  measure: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** What the figure should meet, printed beside it (`≤ 50 ms p95`). */
  goal?: string;
}

export function summarize(measure: string, samples: number[]): Row {
  return {
    measure,
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
  };
}

export function printTable(rows: Row[]) {
  const goals = rows.some((r) => r.goal);
  const header = ['measure', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', ...(goals ? ['goal'] : [])];
  const body = rows.map((r) => [
    r.measure,
    String(r.n),
    ...[r.p50, r.p95, r.p99, r.max].map((v) => v.toFixed(1)),
    ...(goals ? [r.goal ?? ''] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  body.forEach((b) => console.log(line(b)));
}
