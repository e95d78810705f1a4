import { http, HttpResponse } from 'msw';
import { RenameWorkspaceSchema, WorkspaceDeletionImpactSchema } from '@roster/contracts';
import { findOrg, roleIn, type MockOrg } from '../db.ts';
import { emitOrgEvent, governanceOf, workspaceView } from '../governance-db.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { requireAdminOf, requireSession } from './session.ts';

const path = '/api/orgs/:orgId/workspaces/:wsId';

/** The workspace, or the server's refusal: admins are told it is gone, others only that they may not. */
function workspaceFor(org: MockOrg, actorId: string, workspaceId: string) {
  const ws = governanceOf(org).workspaces.find((w) => w.id === workspaceId);
  const isAdmin = roleIn(org, actorId) === 'ADMIN';
  if (!ws) throw new MockRefusal(isAdmin ? 'NOT_FOUND' : 'FORBIDDEN', 'That workspace was not found');
  return ws;
}

function conflictUnless(org: MockOrg, actorId: string, ws: ReturnType<typeof workspaceFor>, version?: number) {
  if (version !== undefined && version !== ws.version)
    throw new MockRefusal('VERSION_CONFLICT', `${ws.name} was changed in the meantime`, {
      current: workspaceView(org, ws, actorId),
    });
}

/** Mirrors the server's rename, delete and deletion-impact answers (org admins; owners rename too). */
export const workspaceLifecycleHandlers = [
  http.get(`${path}/deletion-impact`, ({ params }) =>
    refusalsAsResponses(() => {
      const { org, actorId } = requireAdminOf(params.orgId);
      const ws = workspaceFor(org, actorId, String(params.wsId));
      const losingAccess = org.members
        .filter((m) => m.workspaces.some((w) => w.id === ws.id))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(({ userId, name, email }) => ({ userId, name, email }));
      return HttpResponse.json(
        WorkspaceDeletionImpactSchema.parse({ workspace: workspaceView(org, ws, actorId), losingAccess }),
      );
    }),
  ),
  http.patch(path, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const person = requireSession();
      const org = findOrg(String(params.orgId));
      if (!org || !roleIn(org, person.id))
        throw new MockRefusal('FORBIDDEN', 'You are not a member of this organization');
      const ws = workspaceFor(org, person.id, String(params.wsId));
      if (!workspaceView(org, ws, person.id).canManage)
        throw new MockRefusal('FORBIDDEN', 'Only org admins and this workspace’s owners can rename it');
      const body = RenameWorkspaceSchema.safeParse(await request.json().catch(() => null));
      if (!body.success) throw new MockRefusal('VALIDATION_FAILED', 'Send a name and a version');
      conflictUnless(org, person.id, ws, body.data.version);
      const name = body.data.name;
      if (name === ws.name) return HttpResponse.json(workspaceView(org, ws, person.id));
      const clash = governanceOf(org).workspaces.find(
        (w) => w.id !== ws.id && w.name.toLowerCase() === name.toLowerCase(),
      );
      if (clash) throw new MockRefusal('WORKSPACE_NAME_TAKEN', `Another workspace is already called ${clash.name}`);
      const before = ws.name;
      ws.name = name;
      ws.version += 1;
      // Member rows name their workspaces: keep their chips in step, as the server's join does.
      for (const m of org.members) m.workspaces = m.workspaces.map((w) => (w.id === ws.id ? { ...w, name } : w));
      emitOrgEvent(
        org,
        {
          type: 'workspace.renamed',
          data: { workspaceId: ws.id, name, version: ws.version, before: { name: before } },
        },
        person.id,
      );
      return HttpResponse.json(workspaceView(org, ws, person.id));
    }),
  ),
  http.delete(path, ({ request, params }) =>
    refusalsAsResponses(() => {
      const { org, actorId } = requireAdminOf(params.orgId);
      const ws = workspaceFor(org, actorId, String(params.wsId));
      const version = new URL(request.url).searchParams.get('version');
      conflictUnless(org, actorId, ws, version ? Number(version) : undefined);
      const state = governanceOf(org);
      state.workspaces = state.workspaces.filter((w) => w.id !== ws.id);
      for (const m of org.members) m.workspaces = m.workspaces.filter((w) => w.id !== ws.id);
      emitOrgEvent(org, { type: 'workspace.deleted', data: { workspaceId: ws.id, name: ws.name } }, actorId);
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
