import type { OrgSettings, OrgSettingsResponse, UpdateOrgSettings } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError } from '../../lib/domain-error.ts';
import { runMutation, type MutationContext, type MutationDeps } from '../../mutation/run-mutation.ts';
import { assertCanManageMembers, authorizeAdmin } from '../members/members.policy.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { membersWithoutTwoFactor } from '../orgs/two-factor-requirement.ts';
import { ownedWorkspacesIn, setOwnerRooms } from '../workspaces/workspace-owner-rooms.ts';
import { hasTwoFactor, lastSettingsChange, readSettings, writeSettings } from './settings.repository.ts';
import { changedSettings, pickSettings } from './settings-changes.ts';
import { assertMayRequireTwoFactor } from './settings.policy.ts';

/** Admins read the settings (R1); everyone else gets FORBIDDEN like the rest of the admin API. */
export async function getSettings(deps: MutationDeps, user: SessionUser, orgId: string): Promise<OrgSettingsResponse> {
  const access = await readOrgAccess(deps.db, orgId, user.id);
  assertCanManageMembers(access?.role ?? null);
  return (await readSettings(deps.db, orgId))!;
}

/**
 * Changes only the settings the body names, at the version they were read at; they apply to the
 * very next request and are pushed live. A body that changes nothing writes nothing.
 */
export async function updateSettings(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  body: UpdateOrgSettings,
): Promise<OrgSettingsResponse> {
  const spec = { orgId, user, action: 'settings.update', authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const { version, ...requested } = body;
    return (await applySettings(ctx, requested, version)).response;
  });
}

/**
 * The one way settings change (an admin's edit, a revert from the audit log): the requested
 * values that differ, at `version`, under the two-factor rule, pushed live and audited with only
 * what changed. `revert` names the change it undoes, when it is a revert.
 */
export async function applySettings(
  ctx: MutationContext,
  requested: Partial<OrgSettings>,
  version: number,
  revert?: { revertOf: number; revertedAction: string },
): Promise<{ response: OrgSettingsResponse; seq: number | null }> {
  const orgId = ctx.org.id;
  const current = (await readSettings(ctx.tx, orgId))!;
  const changes = changedSettings(current.settings, requested);
  const settings = { ...current.settings, ...changes };
  if (current.version === version && settings.requireTwoFactor && !current.settings.requireTwoFactor) {
    const actorHasTwoFactor = await hasTwoFactor(ctx.tx, ctx.actor.id);
    assertMayRequireTwoFactor({ before: current.settings, after: settings, actorHasTwoFactor });
  }
  if (current.version === version && Object.keys(changes).length === 0) return { response: current, seq: null };
  if (current.version !== version || !(await writeSettings(ctx.tx, orgId, settings, version))) {
    const last = await lastSettingsChange(ctx.tx, orgId);
    const who = last.changedBy?.name ?? 'Someone';
    throw new DomainError('VERSION_CONFLICT', `${who} changed the settings in the meantime; yours were not applied`, {
      current,
      ...last,
    });
  }
  const next = { settings, version: version + 1, changedBy: { id: ctx.actor.id, name: ctx.actor.name } };
  if (settings.requireTwoFactor !== current.settings.requireTwoFactor) {
    // Those without two-factor leave the org's rooms when it is required, and come back when not.
    const affected = await membersWithoutTwoFactor(ctx.tx, orgId);
    const owned = await ownedWorkspacesIn(ctx.tx, orgId);
    const required = settings.requireTwoFactor;
    ctx.afterCommit((publisher) => {
      for (const m of affected) {
        publisher.setAccess(orgId, m.userId, required ? null : m.role);
        setOwnerRooms(publisher, orgId, m.userId, required ? null : m.role, owned.get(m.userId) ?? []);
      }
    });
  }
  // Members learn it too: what they may do (leave, invite, see the directory) may have changed.
  ctx.broadcast({ type: 'settings.changed', data: { settings } });
  // The audit row holds only what this change changed, so two admins' changes read apart.
  const event = await ctx.emit({
    type: 'settings.updated',
    targetId: orgId,
    before: pickSettings(current.settings, changes),
    after: changes,
    data: { ...next, ...revert },
  });
  return { response: next, seq: event.seq };
}
