import {
  RESEND_COOLDOWN_SECONDS,
  type AcceptInvitationResponse,
  type CreateInvitations,
  type CreateInvitationsResponse,
  type Invitation,
  type InvitationStatus,
  type InviteResultStatus,
  type MyInvitation,
  type OrgEvent,
  type UpdateInvitation,
} from '@roster/contracts';
import { db, findOrg, findPerson, publish, roleIn, type MockOrg } from './db.ts';
import { buildMember } from '../test/fixtures/members-fixtures.ts';
import { workspaces } from '../test/fixtures/members-fixtures.ts';
import { invitationStore, liveStatuses, type StoredInvitation } from './invitation-store.ts';
import { MockRefusal } from './mock-errors.ts';

// The server's invitation rules (R3–R7, R15, R17), enough for the mocks to answer what it answers.

const HOUR = 3_600_000;
const nowIso = () => new Date().toISOString();
const actorOf = (id: string) => ({ id, name: findPerson(id)?.name ?? 'Someone' });
const emailSchema = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function seatsOf(org: MockOrg) {
  const live = invitationStore().invitations.filter((i) => i.orgId === org.id && liveStatuses.has(i.status)).length;
  return { used: org.members.length + live, limit: org.settings.memberCap };
}

export function orgInvitations(orgId: string) {
  return invitationStore()
    .invitations.filter((i) => i.orgId === orgId && ['pending', 'requested', 'expired'].includes(i.status))
    .map((i) => i.row)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

function emit(org: MockOrg, body: Pick<OrgEvent, 'type' | 'data'>, actorId: string) {
  org.seq += 1;
  const event = { ...body, orgId: org.id, seq: org.seq, at: nowIso(), actor: actorOf(actorId) } as OrgEvent;
  org.events.push(event);
  publish(event);
}

function personFor(email: string) {
  return db.people.find((p) => p.email.toLowerCase() === email.toLowerCase());
}

function mine(stored: StoredInvitation, org: MockOrg): MyInvitation {
  const { row } = stored;
  return {
    id: row.id,
    orgId: org.id,
    orgName: org.name,
    inviterName: row.invitedBy.name,
    role: row.role,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

function notifyReceived(stored: StoredInvitation, org: MockOrg, actorId: string) {
  const person = personFor(stored.row.email);
  if (!person || stored.status !== 'pending') return;
  publish(
    {
      orgId: org.id,
      seq: null,
      at: nowIso(),
      actor: actorOf(actorId),
      type: 'invitation.received',
      data: { invitation: mine(stored, org) },
    },
    person.id,
  );
}

function notifyWithdrawn(
  stored: StoredInvitation,
  org: MockOrg,
  actorId: string,
  reason: 'revoked' | 'expired' | 'accepted' | 'declined',
) {
  const person = personFor(stored.row.email);
  if (!person) return;
  publish(
    {
      orgId: org.id,
      seq: null,
      at: nowIso(),
      actor: actorOf(actorId),
      type: 'invitation.withdrawn',
      data: { invitationId: stored.row.id, reason },
    },
    person.id,
  );
}

/** The mail goes out a moment later (or fails, in the `mail-failure` scenario), like the outbox. */
function mail(stored: StoredInvitation, org: MockOrg, actorId: string) {
  const store = invitationStore();
  stored.lastMailAt = Date.now();
  const url = `${window.location.origin}/invitations/${stored.token}`;
  store.mails.unshift({
    id: String(store.mails.length + 1),
    to: stored.row.email,
    subject: `${stored.row.invitedBy.name} invited you to ${org.name} on Roster`,
    text: `Hi,\n\n${stored.row.invitedBy.name} invited you to join ${org.name} on Roster.\n\nAccept the invitation: ${url}\n\nThe link works once.`,
    html: `<p>${stored.row.invitedBy.name} invited you to join <b>${org.name}</b> on Roster.</p><p><a href="${url}">Accept the invitation</a></p>`,
    createdAt: nowIso(),
  });
  const id = stored.row.id;
  setTimeout(() => {
    if (stored.row.id !== id || stored.status !== 'pending') return;
    const failed = store.mailFails;
    const delivery = {
      state: failed ? 'failed' : 'sent',
      attempts: failed ? 3 : 1,
      lastError: failed ? '550 mailbox unavailable' : null,
    } as const;
    stored.row = { ...stored.row, delivery };
    emit(org, { type: 'invitation.delivery_changed', data: { invitationId: id, delivery } }, actorId);
  }, 1_200);
}

function requireMember(orgId: string) {
  const person = db.people.find((p) => p.id === db.sessionUserId);
  if (!person) throw new MockRefusal('UNAUTHENTICATED', 'Sign in to continue');
  const org = findOrg(orgId);
  const role = org ? roleIn(org, person.id) : null;
  if (!org || !role) throw new MockRefusal('FORBIDDEN', 'You are not a member of this organization');
  return { org, person, role };
}

export function requireInvitationAdmin(orgId: string) {
  const ctx = requireMember(orgId);
  if (ctx.role !== 'ADMIN') throw new MockRefusal('FORBIDDEN', 'Only admins can manage invitations');
  return ctx;
}

function grantsOf(input: CreateInvitations['workspaces']) {
  return (input ?? []).map((g) => {
    const ws = workspaces.find((w) => w.id === g.workspaceId);
    if (!ws) throw new MockRefusal('VALIDATION_FAILED', 'Unknown workspace', { field: 'workspaces' });
    return { ...ws, role: g.role };
  });
}

function assertTerms(role: Invitation['role'], lite: boolean, grants: { role: string }[]) {
  if (lite && (role === 'ADMIN' || grants.some((g) => g.role !== 'VIEWER')))
    throw new MockRefusal('VALIDATION_FAILED', 'A lite member can only be a viewer in a workspace', { field: 'lite' });
}

export function createInvitations(orgId: string, body: CreateInvitations): CreateInvitationsResponse {
  const { org, person, role: actorRole } = requireMember(orgId);
  if (actorRole === 'EXTERNAL') throw new MockRefusal('FORBIDDEN', 'External members cannot invite anyone');
  if (actorRole !== 'ADMIN' && org.settings.invitePolicy === 'admins_only')
    throw new MockRefusal('FORBIDDEN', 'Only admins can invite people to this organization');
  if (actorRole !== 'ADMIN' && body.role === 'ADMIN')
    throw new MockRefusal('FORBIDDEN', 'Only admins can invite admins');
  const mode = actorRole === 'ADMIN' || org.settings.invitePolicy === 'anyone' ? 'pending' : 'requested';
  const lite = body.lite ?? false;
  const grants = grantsOf(body.workspaces);
  assertTerms(body.role, lite, grants);
  const store = invitationStore();
  const seen = new Set<string>();
  type Planned = { email: string; status: InviteResultStatus };
  const plan = body.emails.flatMap((typed): Planned[] => {
    const email = typed.trim();
    const lower = email.toLowerCase();
    if (seen.has(lower)) return [];
    seen.add(lower);
    if (!emailSchema.test(email)) return [{ email, status: 'invalid' }];
    if (org.members.some((m) => m.email.toLowerCase() === lower)) return [{ email, status: 'already_member' }];
    const live = store.invitations.some(
      (i) => i.orgId === org.id && liveStatuses.has(i.status) && i.row.email.toLowerCase() === lower,
    );
    if (live) return [{ email, status: 'duplicate' }];
    return [{ email, status: mode === 'pending' ? 'invited' : 'requested' }];
  });
  const adding = plan.filter((p) => p.status === 'invited' || p.status === 'requested').length;
  const seats = seatsOf(org);
  if (seats.limit !== null && seats.used + adding > seats.limit) {
    throw new MockRefusal('LIMIT_EXCEEDED', `This organization is limited to ${seats.limit} seats`, {
      limit: seats.limit,
      current: seats.used,
      max: Math.max(0, seats.limit - seats.used),
    });
  }
  const results = plan.map((p) => {
    if (p.status !== 'invited' && p.status !== 'requested') return p;
    const id = `inv_${store.nextId++}`;
    const createdAt = Date.now();
    const ttl = org.settings.inviteTtlHours;
    const row: Invitation = {
      id,
      email: p.email,
      role: body.role,
      lite,
      status: mode,
      workspaces: grants,
      invitedBy: actorOf(person.id),
      createdAt: new Date(createdAt).toISOString(),
      expiresAt: mode === 'requested' || ttl === null ? null : new Date(createdAt + ttl * HOUR).toISOString(),
      delivery: mode === 'requested' ? null : { state: 'queued', attempts: 0, lastError: null },
      version: 1,
      lastChange: null,
    };
    const stored: StoredInvitation = {
      orgId: org.id,
      token: `tok_${id}_${createdAt}`,
      row,
      status: mode,
      lastMailAt: null,
    };
    store.invitations.push(stored);
    emit(
      org,
      { type: mode === 'pending' ? 'invitation.created' : 'invitation.requested', data: { invitation: row } },
      person.id,
    );
    if (mode === 'pending') {
      mail(stored, org, person.id);
      notifyReceived(stored, org, person.id);
    }
    return { ...p, invitationId: id };
  });
  return { results };
}

function findStored(orgId: string, id: string): StoredInvitation {
  const stored = invitationStore().invitations.find((i) => i.orgId === orgId && i.row.id === id);
  if (!stored) throw new MockRefusal('NOT_FOUND', 'This invitation was not found');
  return stored;
}

function assertVersion(stored: StoredInvitation, version: number | undefined) {
  if (version === undefined || version === stored.row.version) return;
  throw new MockRefusal('VERSION_CONFLICT', 'This invitation changed in the meantime', {
    current: stored.row,
    changedBy: stored.row.lastChange?.by ?? null,
    changedAt: stored.row.lastChange?.at ?? null,
  });
}

const terminal = new Set<InvitationStatus>(['accepted', 'revoked', 'declined', 'rejected']);

function change(stored: StoredInvitation, actorId: string, patch: Partial<Invitation>) {
  stored.row = {
    ...stored.row,
    ...patch,
    version: stored.row.version + 1,
    lastChange: { by: actorOf(actorId), at: nowIso() },
  };
  if (patch.status) stored.status = patch.status;
  return stored.row;
}

export function updateInvitation(orgId: string, id: string, body: UpdateInvitation): Invitation {
  const { org, person } = requireInvitationAdmin(orgId);
  const stored = findStored(orgId, id);
  if (terminal.has(stored.status))
    throw new MockRefusal('ALREADY_DECIDED', `This invitation was already ${stored.status}`);
  if (stored.status === 'expired') throw new MockRefusal('INVITE_EXPIRED', 'This invitation expired; renew it first');
  assertVersion(stored, body.version);
  const role = body.role ?? stored.row.role;
  const lite = body.lite ?? stored.row.lite;
  const grants = body.workspaces ? grantsOf(body.workspaces) : stored.row.workspaces;
  assertTerms(role, lite, grants);
  const row = change(stored, person.id, { role, lite, workspaces: grants });
  emit(org, { type: 'invitation.updated', data: { invitation: row } }, person.id);
  return row;
}

export type Reissue = 'resend' | 'renew' | 'link';

export function reissueInvitation(orgId: string, id: string, version: number | undefined, how: Reissue) {
  const { org, person } = requireInvitationAdmin(orgId);
  const stored = findStored(orgId, id);
  if (terminal.has(stored.status))
    throw new MockRefusal('ALREADY_DECIDED', `This invitation was already ${stored.status}`);
  if (stored.status === 'requested') throw new MockRefusal('VALIDATION_FAILED', 'Approve this request first');
  assertVersion(stored, version);
  if (how !== 'link' && stored.lastMailAt !== null) {
    const wait = stored.lastMailAt + RESEND_COOLDOWN_SECONDS * 1000 - Date.now();
    if (wait > 0)
      throw new MockRefusal('RATE_LIMITED', 'This invitation was mailed a moment ago; try again shortly', {
        retryAfterSeconds: Math.ceil(wait / 1000),
      });
  }
  const ttl = org.settings.inviteTtlHours;
  // A copied link lives beside the mailed one; a new mail replaces only the mailed link.
  const token = `tok_${id}_${Date.now()}`;
  if (how === 'link') stored.linkToken = token;
  else stored.token = token;
  const row = change(stored, person.id, {
    status: 'pending',
    expiresAt: ttl === null ? null : new Date(Date.now() + ttl * HOUR).toISOString(),
    ...(how === 'link' ? {} : { delivery: { state: 'queued' as const, attempts: 0, lastError: null } }),
  });
  const type = how === 'link' ? 'invitation.link_issued' : how === 'renew' ? 'invitation.renewed' : 'invitation.resent';
  emit(org, { type, data: { invitation: row } }, person.id);
  if (how !== 'link') mail(stored, org, person.id);
  notifyReceived(stored, org, person.id);
  return { url: `${window.location.origin}/invitations/${token}`, invitation: row };
}

export function revokeInvitation(orgId: string, id: string, version: number): Invitation {
  const { org, person } = requireInvitationAdmin(orgId);
  const stored = findStored(orgId, id);
  if (terminal.has(stored.status))
    throw new MockRefusal('ALREADY_DECIDED', `This invitation was already ${stored.status}`);
  if (stored.status === 'requested') throw new MockRefusal('VALIDATION_FAILED', 'Reject the request instead');
  assertVersion(stored, version);
  const row = change(stored, person.id, { status: 'revoked' });
  emit(org, { type: 'invitation.revoked', data: { invitation: row } }, person.id);
  notifyWithdrawn(stored, org, person.id, 'revoked');
  return row;
}

/** Marks a pending invitation expired, as the server's sweeper does (no version bump). */
export function expireInvitation(orgId: string, id: string) {
  const org = findOrg(orgId);
  const stored = invitationStore().invitations.find((i) => i.row.id === id);
  if (!org || !stored || stored.status !== 'pending') return;
  stored.status = 'expired';
  stored.row = { ...stored.row, status: 'expired', expiresAt: nowIso() };
  emit(org, { type: 'invitation.expired', data: { invitation: stored.row } }, stored.row.invitedBy.id);
  notifyWithdrawn(stored, org, stored.row.invitedBy.id, 'expired');
}

// The invitee's side (R7).

export function findByToken(token: string) {
  const stored = invitationStore().invitations.find((i) => i.token === token || i.linkToken === token);
  if (!stored) throw new MockRefusal('NOT_FOUND', 'This invitation was not found');
  return stored;
}

export function findMine(id: string) {
  return invitationStore().invitations.find((i) => i.row.id === id);
}

export function assertOpen(stored: StoredInvitation) {
  if (stored.status === 'revoked') throw new MockRefusal('INVITE_REVOKED', 'This invitation was withdrawn');
  if (stored.status === 'expired')
    throw new MockRefusal('INVITE_EXPIRED', 'This invitation has expired; ask for a new one');
  if (stored.status !== 'pending') throw new MockRefusal('ALREADY_DECIDED', 'This invitation was already used');
}

export function decide(stored: StoredInvitation, decision: 'accept' | 'decline'): AcceptInvitationResponse | null {
  const person = findPerson(db.sessionUserId);
  if (!person) throw new MockRefusal('UNAUTHENTICATED', 'Sign in to continue');
  assertOpen(stored);
  if (person.email.toLowerCase() !== stored.row.email.toLowerCase())
    throw new MockRefusal('INVITE_WRONG_RECIPIENT', 'This invitation was sent to another address');
  const org = findOrg(stored.orgId)!;
  if (decision === 'decline') {
    const row = change(stored, person.id, { status: 'declined' });
    emit(org, { type: 'invitation.declined', data: { invitation: row } }, person.id);
    notifyWithdrawn(stored, org, person.id, 'declined');
    return null;
  }
  const existing = org.members.find((m) => m.userId === person.id);
  const row = change(stored, person.id, { status: 'accepted' });
  emit(org, { type: 'invitation.accepted', data: { invitation: row } }, person.id);
  notifyWithdrawn(stored, org, person.id, 'accepted');
  if (!existing) {
    const member = buildMember({
      person,
      role: row.role,
      lite: row.lite,
      joinedDaysAgo: 0,
      grants: row.workspaces.map((w) => [workspaces.findIndex((x) => x.id === w.id), w.role]),
    });
    org.members.push(member);
    emit(org, { type: 'member.joined', data: { member } }, person.id);
  }
  return { orgId: org.id, role: existing?.role ?? row.role, alreadyMember: Boolean(existing) };
}

export function myOpenInvitations(): MyInvitation[] {
  const person = findPerson(db.sessionUserId);
  if (!person) throw new MockRefusal('UNAUTHENTICATED', 'Sign in to continue');
  return invitationStore()
    .invitations.filter((i) => i.status === 'pending' && i.row.email.toLowerCase() === person.email.toLowerCase())
    .map((i) => mine(i, findOrg(i.orgId)!));
}
