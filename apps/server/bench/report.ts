import { writeFileSync } from 'node:fs';

/** One figure of the bench beside its floor and its goal. */
export interface GoalRow {
  measure: string;
  /** The figure, in `unit`. */
  value: number;
  unit: string;
  /** The same work done by the bare parts (database, Socket.IO, Hono) in the same run. */
  floor?: number;
  /** value / floor, or the ratio the goal is stated in (1000 sockets vs 10, eight clients vs one). */
  ratio?: number;
  goal: string;
  /** False when the goal is missed; undefined when the row has no goal to meet. */
  met?: boolean;
}

const format = (value: number, unit: string) =>
  `${value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(value >= 10 ? 1 : 2)} ${unit}`;

export function printGoals(title: string, rows: GoalRow[]) {
  const header = ['measure', 'value', 'floor', 'ratio', 'goal', ''];
  const body = rows.map((r) => [
    r.measure,
    format(r.value, r.unit),
    r.floor === undefined ? '—' : format(r.floor, r.unit),
    r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
    r.goal,
    r.met === false ? 'MISSED' : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  body.forEach((b) => console.log(line(b)));
}

/** `--json <file>` writes the whole run; `--json -` prints it to stdout after the tables. */
export function writeJson(target: string, report: unknown) {
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (target === '-') process.stdout.write(text);
  else writeFileSync(target, text);
}
