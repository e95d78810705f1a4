import { describe, expect, it } from 'vitest';
import type { CsvMemberRow } from './parse-members-csv.ts';
import { checkMemberRows, groupIntoBatches, type CsvImportTerms } from './validate-members-csv.ts';

const terms: CsvImportTerms = {
  workspaces: [
    { id: 'ws_design', name: 'Design' },
    { id: 'ws_platform', name: 'Platform' },
  ],
  defaultRole: 'MEMBER',
  defaultGrants: [],
  lite: false,
  mayInviteAdmins: true,
};

let next = 2;
const row = (fields: Partial<CsvMemberRow>): CsvMemberRow => ({
  row: next++,
  email: '',
  name: '',
  role: '',
  workspaces: '',
  problem: null,
  ...fields,
});
const errors = (rows: CsvMemberRow[], with_: Partial<CsvImportTerms> = {}) =>
  checkMemberRows(rows, { ...terms, ...with_ }).map((r) => r.error);

describe('checkMemberRows', () => {
  it('reads roles and workspaces in any case, `;` or `|` between workspaces, defaults where empty', () => {
    const [ada, grace] = checkMemberRows(
      [
        row({ email: 'ada@example.com', name: 'Ada', role: 'admin', workspaces: 'design:owner | PLATFORM:viewer' }),
        row({ email: 'grace@example.com', workspaces: 'Design' }),
      ],
      { ...terms, defaultRole: 'EXTERNAL' },
    );
    expect(ada).toMatchObject({
      role: 'ADMIN',
      grants: [
        { workspaceId: 'ws_design', role: 'OWNER' },
        { workspaceId: 'ws_platform', role: 'VIEWER' },
      ],
      workspacesText: 'Design (Owner), Platform (Viewer)',
      error: null,
    });
    expect(grace).toMatchObject({ role: 'EXTERNAL', grants: [{ workspaceId: 'ws_design', role: 'MEMBER' }] });
  });

  it('gives each broken row its own error', () => {
    expect(
      errors([
        row({ email: '' }),
        row({ email: 'not-an-address' }),
        row({ email: 'ada@example.com', role: 'boss' }),
        row({ email: 'grace@example.com', workspaces: 'Design:MEMBER;Marketing:VIEWER' }),
        row({ email: 'alan@example.com', workspaces: 'Design:CHIEF' }),
        row({ email: 'linus@example.com', workspaces: 'Design;design:VIEWER' }),
        row({ email: 'marie@example.com', name: 'x'.repeat(101) }),
        row({ email: 'eve@example.com', role: 'external', workspaces: 'Platform:OWNER' }),
        row({ email: 'ken@example.com', problem: 'A quote is not closed on this row' }),
      ]),
    ).toEqual([
      'No email address',
      'Not a valid email address',
      'Unknown role “boss” (admin, member or external)',
      'No workspace named “Marketing”',
      'Unknown role “CHIEF” in Design (owner, member or viewer)',
      'Design is listed twice',
      'Name: Use at most 100 characters',
      'An external cannot own a workspace (Platform)',
      'A quote is not closed on this row',
    ]);
  });

  it('flags an address listed again, whatever its case, on the later row', () => {
    next = 2;
    expect(
      errors([
        row({ email: 'ada@example.com' }),
        row({ email: 'grace@example.com' }),
        row({ email: 'ADA@example.com' }),
      ]),
    ).toEqual([null, null, 'Same address as row 2']);
  });

  it('applies the drawer’s terms: lite is viewer-only and never admin, requests never invite admins', () => {
    const rows = [
      row({ email: 'ada@example.com', role: 'admin' }),
      row({ email: 'grace@example.com', workspaces: 'Design:MEMBER' }),
    ];
    expect(errors(rows, { lite: true })).toEqual([
      'Lite access cannot make someone an admin',
      'Lite access is viewer only (Design is Member)',
    ]);
    expect(errors(rows, { mayInviteAdmins: false })).toEqual(['Only admins can invite admins', null]);
    expect(errors([row({ email: 'alan@example.com', workspaces: 'Design' })], { workspaces: null })).toEqual([
      'The workspaces are not loaded yet',
    ]);
  });
});

describe('groupIntoBatches', () => {
  it('sends valid rows only, one request per role and set of workspaces, at most 200 addresses each', () => {
    const many = Array.from({ length: 201 }, (_, i) => row({ email: `p${i}@example.com` }));
    const checked = checkMemberRows(
      [
        row({ email: 'ada@example.com', role: 'admin' }),
        ...many,
        row({ email: 'bad' }),
        row({ email: 'grace@example.com', workspaces: 'Platform:VIEWER;Design:MEMBER' }),
        row({ email: 'alan@example.com', workspaces: 'Design:MEMBER|Platform:VIEWER' }),
      ],
      terms,
    );
    const batches = groupIntoBatches(checked);
    expect(batches.map((b) => [b.role, b.grants.length, b.emails.length])).toEqual([
      ['ADMIN', 0, 1],
      ['MEMBER', 0, 200],
      ['MEMBER', 0, 1],
      ['MEMBER', 2, 2],
    ]);
    expect(batches[3]!.emails).toEqual(['grace@example.com', 'alan@example.com']);
    expect(batches.flatMap((b) => b.emails)).not.toContain('bad');
  });
});
