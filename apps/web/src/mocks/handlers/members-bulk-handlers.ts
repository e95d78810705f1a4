import { http, HttpResponse } from 'msw';
import {
  BulkMembersActionSchema,
  type BulkPreview,
  type BulkRowResult,
  type Member,
  type MemberAccess,
} from '@roster/contracts';
import { governanceOf } from '../governance-db.ts';
import { changeRole, removeMember } from '../member-rules.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import type { MockOrg } from '../db.ts';
import { requireAdminOf } from './session.ts';

const path = '/api/orgs/:orgId/members';
/** Slow enough in the browser to watch the progress bar; instant in tests. */
const ROW_DELAY_MS = typeof window !== 'undefined' && 'serviceWorker' in navigator ? 90 : 0;

function refusalOf(org: MockOrg, actorId: string, m: Member, action: { type: string; role?: string }, admins: number) {
  if (action.type === 'remove' && m.userId === actorId) return 'SELF_REMOVAL';
  if (action.type === 'change_role' && m.userId === actorId && !org.settings.allowSelfRoleChange)
    return 'SELF_ROLE_CHANGE';
  if (
    org.settings.protectCreator &&
    m.userId === org.createdBy &&
    (action.type === 'remove' || action.role !== 'ADMIN')
  )
    return 'CREATOR_PROTECTED';
  if (action.type === 'change_role' && action.role === 'ADMIN' && m.lite) return 'EXTERNAL_ROLE_LOCKED';
  if (m.role === 'ADMIN' && (action.type === 'remove' || action.role !== 'ADMIN') && admins <= 1)
    return 'LAST_ADMIN_PROTECTED';
  return null;
}

const statusOf = (code: string): BulkRowResult['status'] =>
  code === 'VERSION_CONFLICT'
    ? 'conflict'
    : code === 'NOT_FOUND'
      ? 'not_found'
      : code === 'FORBIDDEN'
        ? 'forbidden'
        : code.endsWith('_PROTECTED') || code.startsWith('SELF_') || code === 'EXTERNAL_ROLE_LOCKED'
          ? 'protected'
          : 'failed';

export const membersBulkHandlers = [
  http.post(`${path}/bulk`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const { org, actorId } = requireAdminOf(params.orgId);
      const parsed = BulkMembersActionSchema.safeParse(await request.json().catch(() => null));
      if (!parsed.success) throw new MockRefusal('VALIDATION_FAILED', 'Send an action and members or a filter');
      const { action, members, filter, preview } = parsed.data;
      const q = filter?.q?.toLowerCase();
      const targets = members
        ? members.flatMap((s) => {
            const m = org.members.find((x) => x.userId === s.userId);
            return m ? [{ member: m, version: s.version }] : [];
          })
        : org.members
            .filter(
              (m) =>
                (!filter?.role || m.role === filter.role) &&
                (!q || m.name.toLowerCase().includes(q) || m.email.includes(q)),
            )
            .map((m) => ({ member: m, version: m.version }));
      if (preview) {
        let admins = org.members.filter((m) => m.role === 'ADMIN').length;
        const refused: BulkPreview['refused'] = [];
        for (const { member } of targets) {
          const code = refusalOf(org, actorId, member, action, admins);
          if (code) refused.push({ userId: member.userId, name: member.name, code });
          else if (member.role === 'ADMIN' && (action.type === 'remove' || action.role !== 'ADMIN')) admins -= 1;
        }
        const applied = targets.filter((t) => !refused.some((r) => r.userId === t.member.userId));
        const newRole = action.type === 'change_role' ? action.role : null;
        const changing = applied.filter((t) => t.member.role !== newRole);
        const leaving = new Set(
          action.type === 'remove' || newRole === 'EXTERNAL' ? changing.map((t) => t.member.userId) : [],
        );
        const orphaned = governanceOf(org).workspaces.filter((ws) => {
          const owners = org.members.filter((m) => m.workspaces.some((w) => w.id === ws.id && w.role === 'OWNER'));
          return owners.length > 0 && owners.every((o) => leaving.has(o.userId));
        });
        const body: BulkPreview = {
          count: changing.length,
          unchanged: applied.length - changing.length,
          workspaceCount:
            action.type === 'remove' ? new Set(changing.flatMap((t) => t.member.workspaces.map((w) => w.id))).size : 0,
          workspacesLeftWithoutOwner: orphaned.map(({ id, name }) => ({ id, name })),
          refused,
        };
        return HttpResponse.json(body);
      }
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const { member, version } of targets) {
            if (ROW_DELAY_MS) await new Promise((r) => setTimeout(r, ROW_DELAY_MS));
            const base = { userId: member.userId, name: member.name };
            let row: BulkRowResult;
            try {
              if (action.type === 'remove') {
                removeMember(org, actorId, member.userId, version);
                row = { ...base, status: 'ok' };
              } else {
                row = { ...base, status: 'ok', member: changeRole(org, actorId, member.userId, action.role, version) };
              }
            } catch (error) {
              if (!(error instanceof MockRefusal)) throw error;
              row = { ...base, status: statusOf(error.code), code: error.code, message: error.message };
            }
            controller.enqueue(encoder.encode(`${JSON.stringify(row)}\n`));
          }
          controller.close();
        },
      });
      return new HttpResponse(stream, { headers: { 'content-type': 'application/x-ndjson' } });
    }),
  ),
  http.get(`${path}/:userId/access`, ({ params }) =>
    refusalsAsResponses(() => {
      const { org } = requireAdminOf(params.orgId);
      const m = org.members.find((x) => x.userId === params.userId);
      if (!m) throw new MockRefusal('NOT_FOUND', 'That member was not found');
      const full = m.role === 'ADMIN';
      const body: MemberAccess = {
        userId: m.userId,
        orgRole: m.role,
        lite: m.lite,
        fullAccess: full,
        workspaces: [...governanceOf(org).workspaces]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((ws) => {
            const role = m.workspaces.find((w) => w.id === ws.id)?.role ?? null;
            const own = role ? `${role[0]}${role.slice(1).toLowerCase()} of this workspace` : null;
            const reason = full
              ? own
                ? `${own}; as an org admin they have full access anyway`
                : 'Org admin: full access to every workspace'
              : own
                ? m.lite
                  ? `${own} (lite: at most a viewer, no usage or cost data)`
                  : own
                : m.lite
                  ? 'No access: lite members see only workspaces they are given'
                  : 'No access: not a member of this workspace';
            return { id: ws.id, name: ws.name, role, reason };
          }),
      };
      return HttpResponse.json(body);
    }),
  ),
];
