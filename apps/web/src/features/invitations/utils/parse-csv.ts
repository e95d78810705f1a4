import { OrgRoleSchema, type OrgRole } from '@roster/contracts';
import { isEmail } from './parse-emails.ts';

export interface CsvRow {
  line: number;
  email: string;
  /** The row's own role; null when the column is empty (the drawer's role applies). */
  role: OrgRole | null;
  /** Why the row cannot be sent as is; null when it can. */
  problem: string | null;
}

function cells(line: string): string[] {
  return line.split(/[,;\t]/).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

/**
 * Reads `email,role` rows; the header is optional and the role column too. Roles are matched
 * case-insensitively (admin, Member…); a duplicate address is reported on its later rows.
 */
export function parseInvitationsCsv(text: string): CsvRow[] {
  const lines = text.split(/\r?\n/);
  const rows: CsvRow[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, index) => {
    if (!raw.trim()) return;
    const [email = '', roleCell = ''] = cells(raw);
    if (index === 0 && !email.includes('@') && email.toLowerCase() === 'email') return;
    const role = roleCell ? OrgRoleSchema.safeParse(roleCell.toUpperCase()) : null;
    const key = email.toLowerCase();
    let problem: string | null = null;
    if (!isEmail(email)) problem = 'Not a valid email address';
    else if (role && !role.success) problem = `Unknown role “${roleCell}”`;
    else if (seen.has(key)) problem = 'Listed twice; the first row is used';
    seen.add(key);
    rows.push({ line: index + 1, email, role: role?.success ? role.data : null, problem });
  });
  return rows;
}
