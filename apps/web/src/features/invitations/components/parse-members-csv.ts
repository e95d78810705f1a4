import Papa from 'papaparse';

/** Larger files are refused before they are read: 5,000 people fit in far less. */
export const CSV_MAX_BYTES = 1024 * 1024;
export const CSV_MAX_ROWS = 5_000;

export const CSV_COLUMNS = ['email', 'name', 'role', 'workspaces'] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** One person's line of the file, as written (trimmed). `row` counts the header as row 1, as spreadsheets do. */
export interface CsvMemberRow {
  row: number;
  email: string;
  name: string;
  role: string;
  workspaces: string;
  /** The file itself is broken at this row (an unclosed quote). */
  problem: string | null;
}

export type ParsedMembersCsv = { rows: CsvMemberRow[]; ignoredColumns: string[] } | { error: string };

const rowCount = (n: number) => n.toLocaleString('en');

/** Refuses a file by its size before its text is read. */
export function fileSizeError(bytes: number): string | null {
  return bytes > CSV_MAX_BYTES ? 'The file is larger than 1 MB. Split it into smaller files and import each.' : null;
}

/**
 * Reads a members CSV: the delimiter (comma, semicolon or tab) is detected, a byte order mark is
 * dropped, quoted fields may hold delimiters and line breaks. The first non-empty line names the
 * columns, in any order and any case; `email` is required. Blank lines are skipped.
 */
export function parseMembersCsv(text: string): ParsedMembersCsv {
  if (text.length > CSV_MAX_BYTES) return { error: fileSizeError(text.length)! };
  // `|` stays out of the guess: it separates workspaces inside a cell.
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'], skipEmptyLines: false });
  const records = parsed.data.map((cells, index) => ({ cells: cells.map((c) => c.trim()), index }));
  const filled = records.filter((r) => r.cells.some(Boolean));
  const [header, ...body] = filled;
  if (!header)
    return {
      error: 'The file is empty. It needs a header row (email, name, role, workspaces) and one row per person.',
    };

  const names = header.cells.map((c) => c.toLowerCase());
  const at = Object.fromEntries(CSV_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
  if (at.email < 0) {
    return {
      error: `The file has no “email” column. Its first row must name the columns: ${CSV_COLUMNS.join(', ')} (only email is required).`,
    };
  }
  if (body.length > CSV_MAX_ROWS) {
    return {
      error: `The file has ${rowCount(body.length)} people; import at most ${rowCount(CSV_MAX_ROWS)} at a time. Split it into smaller files.`,
    };
  }
  // Quote errors name the record they broke; delimiter guesses that fail just mean one column.
  const broken = new Set(parsed.errors.filter((e) => e.type === 'Quotes').map((e) => e.row));
  const cell = (cells: string[], column: Column) => (at[column] < 0 ? '' : (cells[at[column]] ?? ''));
  return {
    rows: body.map(({ cells, index }) => ({
      row: index + 1,
      email: cell(cells, 'email'),
      name: cell(cells, 'name'),
      role: cell(cells, 'role'),
      workspaces: cell(cells, 'workspaces'),
      problem: broken.has(index) ? 'A quote is not closed on this row' : null,
    })),
    ignoredColumns: header.cells.filter((c, i) => c && !(CSV_COLUMNS as readonly string[]).includes(names[i]!)),
  };
}

/** The template offered for download: the header and one example person. */
export function membersCsvTemplate(workspaceNames: string[]): string {
  const [first = 'Design', second] = workspaceNames;
  const workspaces = second ? `${first}:MEMBER;${second}:VIEWER` : `${first}:MEMBER`;
  return Papa.unparse({
    fields: [...CSV_COLUMNS],
    data: [['grace@example.com', 'Grace Hopper', 'MEMBER', workspaces]],
  });
}
