import {
  AccountEmailSchema,
  DisplayNameSchema,
  OrgRoleSchema,
  WorkspaceRoleSchema,
  workspaceRoleLabel,
  type InvitationGrantInput,
  type OrgRole,
} from '@roster/contracts';
import type { CsvMemberRow } from './parse-members-csv.ts';

/** What a row is checked against: the org's workspaces and the drawer's choices. */
export interface CsvImportTerms {
  /** null while they load. */
  workspaces: { id: string; name: string }[] | null;
  /** For rows without a role or workspaces. */
  defaultRole: OrgRole;
  defaultGrants: InvitationGrantInput[];
  lite: boolean;
  /** Members who request invitations cannot invite admins. */
  mayInviteAdmins: boolean;
}

/** A row ready to send, or why it cannot be. */
export interface CheckedMemberRow {
  row: number;
  email: string;
  name: string;
  role: OrgRole;
  grants: InvitationGrantInput[];
  /** "Design (Member), Platform (Viewer)". */
  workspacesText: string;
  error: string | null;
}

const MAX_GRANTS = 100;

/** `Design:MEMBER;Platform:VIEWER` (or `|` between them; a bare name gets the usual role). */
function readGrants(text: string, terms: CsvImportTerms): { grants: InvitationGrantInput[] } | { error: string } {
  const parts = text
    .split(/[;|]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > MAX_GRANTS) return { error: `At most ${MAX_GRANTS} workspaces per person` };
  if (!terms.workspaces) return { error: 'The workspaces are not loaded yet' };
  const grants: InvitationGrantInput[] = [];
  for (const part of parts) {
    const colon = part.lastIndexOf(':');
    const name = (colon < 0 ? part : part.slice(0, colon)).trim();
    const roleText = colon < 0 ? '' : part.slice(colon + 1).trim();
    const workspace = terms.workspaces.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (!workspace) return { error: `No workspace named “${name}”` };
    const role = roleText ? WorkspaceRoleSchema.safeParse(roleText.toUpperCase()) : null;
    if (role && !role.success)
      return { error: `Unknown role “${roleText}” in ${workspace.name} (owner, member or viewer)` };
    if (grants.some((g) => g.workspaceId === workspace.id)) return { error: `${workspace.name} is listed twice` };
    grants.push({ workspaceId: workspace.id, role: role?.data ?? (terms.lite ? 'VIEWER' : 'MEMBER') });
  }
  return { grants };
}

/** The invitation rules a row's terms must meet (the server checks them again). */
function termsError(role: OrgRole, grants: InvitationGrantInput[], terms: CsvImportTerms, names: Map<string, string>) {
  const named = (g: InvitationGrantInput) => names.get(g.workspaceId) ?? 'a workspace';
  if (role === 'ADMIN' && !terms.mayInviteAdmins) return 'Only admins can invite admins';
  if (role === 'ADMIN' && terms.lite) return 'Lite access cannot make someone an admin';
  const notViewer = grants.find((g) => g.role !== 'VIEWER');
  if (terms.lite && notViewer)
    return `Lite access is viewer only (${named(notViewer)} is ${workspaceRoleLabel[notViewer.role]})`;
  const owned = grants.find((g) => g.role === 'OWNER');
  if (role === 'EXTERNAL' && owned) return `An external cannot own a workspace (${named(owned)})`;
  return null;
}

/** Checks every row: address, name, role and workspaces; a later row with the same address is an error. */
export function checkMemberRows(rows: CsvMemberRow[], terms: CsvImportTerms): CheckedMemberRow[] {
  const firstRowOf = new Map<string, number>();
  const names = new Map((terms.workspaces ?? []).map((w) => [w.id, w.name]));
  return rows.map((raw) => {
    const role = raw.role ? OrgRoleSchema.safeParse(raw.role.toUpperCase()) : null;
    const read = raw.workspaces ? readGrants(raw.workspaces, terms) : { grants: terms.defaultGrants };
    const grants = 'grants' in read ? read.grants : [];
    const orgRole = role?.success ? role.data : terms.defaultRole;
    const key = raw.email.toLowerCase();
    const earlier = firstRowOf.get(key);
    if (raw.email && earlier === undefined) firstRowOf.set(key, raw.row);
    const name = raw.name ? DisplayNameSchema.safeParse(raw.name) : null;
    const error =
      raw.problem ??
      (!raw.email ? 'No email address' : null) ??
      (AccountEmailSchema.safeParse(raw.email).success ? null : 'Not a valid email address') ??
      (earlier !== undefined ? `Same address as row ${earlier}` : null) ??
      (name && !name.success ? `Name: ${name.error.issues[0]?.message ?? 'not valid'}` : null) ??
      (role && !role.success ? `Unknown role “${raw.role}” (admin, member or external)` : null) ??
      ('error' in read ? read.error : null) ??
      termsError(orgRole, grants, terms, names);
    return {
      row: raw.row,
      email: raw.email,
      name: raw.name,
      role: orgRole,
      grants,
      workspacesText: grants
        .map((g) => `${names.get(g.workspaceId) ?? g.workspaceId} (${workspaceRoleLabel[g.role]})`)
        .join(', '),
      error,
    };
  });
}

/** One create-invitations request: a role and a set of grants are per request, so rows are grouped by them. */
export interface InvitationBatch {
  role: OrgRole;
  grants: InvitationGrantInput[];
  emails: string[];
}

/** The request's own limit on addresses. */
const MAX_EMAILS_PER_REQUEST = 200;

/** Valid rows grouped by (role, workspaces) in the order they first appear, 200 addresses a request at most. */
export function groupIntoBatches(rows: CheckedMemberRow[]): InvitationBatch[] {
  const groups = new Map<string, InvitationBatch>();
  for (const row of rows) {
    if (row.error) continue;
    const grants = [...row.grants].sort((a, b) => a.workspaceId.localeCompare(b.workspaceId));
    const key = `${row.role}|${grants.map((g) => `${g.workspaceId}:${g.role}`).join(',')}`;
    const group = groups.get(key) ?? { role: row.role, grants, emails: [] };
    group.emails.push(row.email);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap((group) =>
    Array.from({ length: Math.ceil(group.emails.length / MAX_EMAILS_PER_REQUEST) }, (_, i) => ({
      ...group,
      emails: group.emails.slice(i * MAX_EMAILS_PER_REQUEST, (i + 1) * MAX_EMAILS_PER_REQUEST),
    })),
  );
}
