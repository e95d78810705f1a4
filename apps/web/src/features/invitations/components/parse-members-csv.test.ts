import { describe, expect, it } from 'vitest';
import {
  CSV_MAX_BYTES,
  CSV_MAX_ROWS,
  fileSizeError,
  membersCsvTemplate,
  parseMembersCsv,
  type CsvMemberRow,
} from './parse-members-csv.ts';

function rows(text: string): CsvMemberRow[] {
  const parsed = parseMembersCsv(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.rows;
}

describe('parseMembersCsv', () => {
  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    const text =
      'email,name,role,workspaces\nada@example.com,"Lovelace, Ada",member,"Design:MEMBER,x"\n' +
      'grace@example.com,"Grace ""Amazing"" Hopper",admin,\n"alan@example.com","Alan\nTuring",,\n';
    expect(rows(text)).toEqual([
      {
        row: 2,
        email: 'ada@example.com',
        name: 'Lovelace, Ada',
        role: 'member',
        workspaces: 'Design:MEMBER,x',
        problem: null,
      },
      {
        row: 3,
        email: 'grace@example.com',
        name: 'Grace "Amazing" Hopper',
        role: 'admin',
        workspaces: '',
        problem: null,
      },
      { row: 4, email: 'alan@example.com', name: 'Alan\nTuring', role: '', workspaces: '', problem: null },
    ]);
  });

  it('detects a semicolon delimiter (spreadsheets in many locales write one)', () => {
    const text = 'email;name;role;workspaces\r\nada@example.com;Ada;MEMBER;"Design:OWNER;Platform:VIEWER"\r\n';
    expect(rows(text)).toEqual([
      expect.objectContaining({ email: 'ada@example.com', role: 'MEMBER', workspaces: 'Design:OWNER;Platform:VIEWER' }),
    ]);
  });

  it('drops a byte order mark, so the first column is still “email”', () => {
    expect(rows('\uFEFFemail,name\nada@example.com,Ada\n')).toEqual([
      expect.objectContaining({ row: 2, email: 'ada@example.com', name: 'Ada' }),
    ]);
  });

  it('matches the header in any order and any case, and names the columns it ignores', () => {
    const parsed = parseMembersCsv('Workspaces, ROLE ,Team,Email,Name\nDesign,external,Red,ada@example.com,Ada\n');
    expect(parsed).toEqual({
      rows: [{ row: 2, email: 'ada@example.com', name: 'Ada', role: 'external', workspaces: 'Design', problem: null }],
      ignoredColumns: ['Team'],
    });
  });

  it('reads a file of addresses alone', () => {
    expect(rows('email\nada@example.com\ngrace@example.com').map((r) => r.email)).toEqual([
      'ada@example.com',
      'grace@example.com',
    ]);
  });

  it('refuses a file without an email column, with what the header must say', () => {
    expect(parseMembersCsv('name,role\nAda,member\n')).toEqual({
      error:
        'The file has no “email” column. Its first row must name the columns: email, name, role, workspaces (only email is required).',
    });
    expect(parseMembersCsv('\n\n')).toEqual({ error: expect.stringContaining('The file is empty') });
  });

  it('skips blank lines, numbering rows as a spreadsheet shows them', () => {
    const text = '\nemail,name\n\nada@example.com,Ada\n  \n,,\ngrace@example.com,Grace\n\n';
    expect(rows(text).map((r) => [r.row, r.email])).toEqual([
      [4, 'ada@example.com'],
      [7, 'grace@example.com'],
    ]);
  });

  it('marks the row where a quote is left open', () => {
    const parsed = rows('email,name\nada@example.com,Ada\ngrace@example.com,"Grace\n');
    expect(parsed[1]).toMatchObject({ row: 3, problem: 'A quote is not closed on this row' });
    expect(parsed[0]!.problem).toBeNull();
  });

  it('takes at most 5,000 people and 1 MB, and says so', () => {
    const people = (n: number) => ['email', ...Array.from({ length: n }, (_, i) => `p${i}@example.com`)].join('\n');
    expect(rows(people(CSV_MAX_ROWS))).toHaveLength(CSV_MAX_ROWS);
    expect(parseMembersCsv(people(CSV_MAX_ROWS + 1))).toEqual({
      error: 'The file has 5,001 people; import at most 5,000 at a time. Split it into smaller files.',
    });
    expect(fileSizeError(CSV_MAX_BYTES)).toBeNull();
    const tooBig = 'The file is larger than 1 MB. Split it into smaller files and import each.';
    expect(fileSizeError(CSV_MAX_BYTES + 1)).toBe(tooBig);
    expect(parseMembersCsv(`email\n${'a'.repeat(CSV_MAX_BYTES)}`)).toEqual({ error: tooBig });
  });

  it('writes a template it reads back', () => {
    const template = membersCsvTemplate(['Design', 'Platform']);
    expect(template).toBe(
      'email,name,role,workspaces\r\ngrace@example.com,Grace Hopper,MEMBER,Design:MEMBER;Platform:VIEWER',
    );
    expect(rows(template)).toEqual([
      {
        row: 2,
        email: 'grace@example.com',
        name: 'Grace Hopper',
        role: 'MEMBER',
        workspaces: 'Design:MEMBER;Platform:VIEWER',
        problem: null,
      },
    ]);
  });
});
