import { z } from 'zod';
import { AccessRequestedDataSchema } from './access-requests.ts';
import { ActorSchema, IdSchema, TimestampSchema } from './common.ts';
import { InvitationDeliverySchema, InvitationSchema, MyInvitationSchema } from './invitations.ts';
import { InviteRequestDecidedDataSchema, MyInviteRequestSchema } from './invite-requests.ts';
import { MemberSchema, WorkspaceRoleLoweredSchema } from './members.ts';
import { OrgSettingsResponseSchema, OrgSettingsSchema } from './settings.ts';
import { WorkspaceMemberSchema, WorkspaceSchema } from './workspaces.ts';
import { OrgRoleSchema } from './roles.ts';
import { OrgDomainChangedDataSchema } from './domains.ts';
import { MyOrgSchema } from './me.ts';
import { ApiKeyEventDataSchema } from './api-keys.ts';
import {
  OrgCreatedDataSchema,
  OrgDeletedDataSchema,
  OrgRestoredDataSchema,
  OrgTransferredDataSchema,
  OrgUpdatedDataSchema,
} from './orgs.ts';
import { MAX_INT4 } from './text.ts';
import { WebhookChangedDataSchema, WebhookRedeliveredDataSchema } from './webhooks.ts';

/** On a change that undoes an earlier one: the `seq` of the event it undid. */
const RevertOfSchema = z.number().int().positive().optional();
/**
 * On a change that undoes an earlier one: the type of the event it undid, so the audit log names
 * the revert (`member.removed.reverted`) even when its own event is another type (`member.joined`).
 */
const RevertedActionSchema = z.string().max(100).optional();
const revertLinks = { revertOf: RevertOfSchema, revertedAction: RevertedActionSchema };

/** The data each org event type carries. Types read `<domain>.<past tense>`. */
export const MemberRoleChangedDataSchema = z.object({
  member: MemberSchema,
  before: z.object({ role: OrgRoleSchema }),
  /** Workspace roles the change lowered with it (R22); absent when none. */
  workspacesLowered: z.array(WorkspaceRoleLoweredSchema).optional(),
  /** Set when this change undid an earlier role change: that change's `seq`. */
  ...revertLinks,
});
export const MemberRemovedDataSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  /** The workspaces they had a place in (absent on events written before it was kept). */
  workspaceIds: z.array(IdSchema).optional(),
});

/** Every invitation event carries the invitation as it is after the change. */
export const InvitationEventDataSchema = z.object({ invitation: InvitationSchema, ...revertLinks });
export const InvitationDeliveryChangedDataSchema = z.object({
  invitationId: IdSchema,
  delivery: InvitationDeliverySchema,
});
/** Someone left on their own (when the org allows it). */
export const MemberLeftDataSchema = MemberRemovedDataSchema;
/** The settings as they are after the change, with their new version. */
export const SettingsUpdatedDataSchema = OrgSettingsResponseSchema.extend(revertLinks);
export const WorkspaceCreatedDataSchema = z.object({ workspace: WorkspaceSchema });
/** Only what every viewer shares: each person's own role and rights in it did not change. */
export const WorkspaceRenamedDataSchema = z.object({
  workspaceId: IdSchema,
  name: z.string(),
  version: z.number().int().positive(),
  before: z.object({ name: z.string() }),
});
/** The workspace and every grant on it are gone; `name` is what it was called. */
export const WorkspaceDeletedDataSchema = z.object({ workspaceId: IdSchema, name: z.string() });
/**
 * A workspace membership changed. `member` is the person's org row after the change (its
 * workspace chips included), so a members page patches the row like any other member event.
 */
export const WorkspaceMemberChangedDataSchema = z.object({
  workspaceId: IdSchema,
  /** The workspace's name at the time (absent on entries written before it was kept). */
  workspaceName: z.string().optional(),
  userId: IdSchema,
  workspaceMember: WorkspaceMemberSchema.nullable(),
  member: MemberSchema,
  ...revertLinks,
});
/** A member's own details changed (their display name): the row as it is now. */
export const MemberUpdatedDataSchema = z.object({
  member: MemberSchema,
  before: z.object({ name: z.string() }),
});
/**
 * Someone became a member: they accepted an invitation, or an admin undid their removal
 * (`revertOf` is then the removal's `seq`, and their role, lite flag and workspaces are back).
 */
export const MemberJoinedDataSchema = z.object({
  member: MemberSchema,
  ...revertLinks,
  /** Set when they joined on their own through the org's verified domain (R21). */
  viaDomain: z.string().optional(),
});

const envelope = {
  orgId: IdSchema,
  seq: z.number().int().positive(),
  at: TimestampSchema,
  actor: ActorSchema,
};

const invitationEvent = <T extends string>(type: T) =>
  z.object({ ...envelope, type: z.literal(type), data: InvitationEventDataSchema });

/** An org event, pushed to the org's admins as `roster:event` and replayed by `roster:sync`. */
export const OrgEventSchema = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('member.role_changed'), data: MemberRoleChangedDataSchema }),
  z.object({ ...envelope, type: z.literal('member.removed'), data: MemberRemovedDataSchema }),
  z.object({ ...envelope, type: z.literal('member.joined'), data: MemberJoinedDataSchema }),
  z.object({ ...envelope, type: z.literal('member.updated'), data: MemberUpdatedDataSchema }),
  invitationEvent('invitation.created'),
  invitationEvent('invitation.requested'),
  invitationEvent('invitation.resent'),
  invitationEvent('invitation.renewed'),
  invitationEvent('invitation.revoked'),
  invitationEvent('invitation.updated'),
  invitationEvent('invitation.expired'),
  invitationEvent('invitation.accepted'),
  invitationEvent('invitation.declined'),
  /** An admin copied a fresh link: the mailed one stopped working. */
  invitationEvent('invitation.link_issued'),
  z.object({
    ...envelope,
    type: z.literal('invitation.delivery_changed'),
    data: InvitationDeliveryChangedDataSchema,
  }),
  z.object({ ...envelope, type: z.literal('member.left'), data: MemberLeftDataSchema }),
  z.object({ ...envelope, type: z.literal('settings.updated'), data: SettingsUpdatedDataSchema }),
  z.object({ ...envelope, type: z.literal('workspace.created'), data: WorkspaceCreatedDataSchema }),
  z.object({ ...envelope, type: z.literal('workspace.renamed'), data: WorkspaceRenamedDataSchema }),
  z.object({ ...envelope, type: z.literal('workspace.deleted'), data: WorkspaceDeletedDataSchema }),
  z.object({ ...envelope, type: z.literal('workspace.member_added'), data: WorkspaceMemberChangedDataSchema }),
  z.object({ ...envelope, type: z.literal('workspace.member_role_changed'), data: WorkspaceMemberChangedDataSchema }),
  z.object({ ...envelope, type: z.literal('workspace.member_removed'), data: WorkspaceMemberChangedDataSchema }),
  /** An admin approved a member's request: it is now a pending invitation (its mail queued). */
  z.object({ ...envelope, type: z.literal('invite_request.approved'), data: InviteRequestDecidedDataSchema }),
  /** An admin rejected a member's request (terminal). */
  z.object({ ...envelope, type: z.literal('invite_request.rejected'), data: InviteRequestDecidedDataSchema }),
  /** Someone who may not open a page asked the admins for access (and was mailed to them). */
  z.object({ ...envelope, type: z.literal('access.requested'), data: AccessRequestedDataSchema }),
  /** The org's first event (seq 1): who created it, with its name and slug. */
  z.object({ ...envelope, type: z.literal('org.created'), data: OrgCreatedDataSchema }),
  /** The org's name or slug changed (members get it too, as a personal `org.updated`). */
  z.object({ ...envelope, type: z.literal('org.updated'), data: OrgUpdatedDataSchema }),
  /** The creator role passed to another admin (members get it too, as a personal `org.transferred`). */
  z.object({ ...envelope, type: z.literal('org.transferred'), data: OrgTransferredDataSchema }),
  /** An admin added a mail domain (its verification link is on its way). */
  z.object({ ...envelope, type: z.literal('domain.added'), data: OrgDomainChangedDataSchema }),
  /** Someone opened the domain's verification link. */
  z.object({ ...envelope, type: z.literal('domain.verified'), data: OrgDomainChangedDataSchema }),
  /** An admin changed the domain's enrollment mode. */
  z.object({ ...envelope, type: z.literal('domain.updated'), data: OrgDomainChangedDataSchema }),
  z.object({ ...envelope, type: z.literal('domain.removed'), data: OrgDomainChangedDataSchema }),
  /** An admin created an API key (its secret is in no event). */
  z.object({ ...envelope, type: z.literal('api_key.created'), data: ApiKeyEventDataSchema }),
  /** An admin revoked an API key: it is refused from now on, on every process. */
  z.object({ ...envelope, type: z.literal('api_key.revoked'), data: ApiKeyEventDataSchema }),
  /** The creator deleted the org: members lose it at once (each gets `org.deleted`, then `access.changed`). */
  z.object({ ...envelope, type: z.literal('org.deleted'), data: OrgDeletedDataSchema }),
  /** The creator restored the org within its grace period: members have it back as it was. */
  z.object({ ...envelope, type: z.literal('org.restored'), data: OrgRestoredDataSchema }),
  /** An admin added a webhook endpoint. */
  z.object({ ...envelope, type: z.literal('webhook.created'), data: WebhookChangedDataSchema }),
  /** An admin changed an endpoint's URL, events, description or enabled state. */
  z.object({ ...envelope, type: z.literal('webhook.updated'), data: WebhookChangedDataSchema }),
  z.object({ ...envelope, type: z.literal('webhook.deleted'), data: WebhookChangedDataSchema }),
  /** An admin rotated an endpoint's signing secret (the previous one signs too for 24 h). */
  z.object({ ...envelope, type: z.literal('webhook.secret_rotated'), data: WebhookChangedDataSchema }),
  /** An admin asked for one delivery again. */
  z.object({ ...envelope, type: z.literal('webhook.redelivered'), data: WebhookRedeliveredDataSchema }),
  /** Every retry of a delivery failed: the server disabled the endpoint and mailed the admins. */
  z.object({ ...envelope, type: z.literal('webhook.disabled'), data: WebhookChangedDataSchema }),
  /** The retention job removed audit entries older than `before` (the org's `auditRetentionDays`). */
  z.object({
    ...envelope,
    type: z.literal('audit.retention_applied'),
    data: z.object({
      before: TimestampSchema,
      deleted: z.number().int().nonnegative(),
      retentionDays: z.number().int(),
    }),
  }),
]);
export type OrgEvent = z.infer<typeof OrgEventSchema>;
export type OrgEventType = OrgEvent['type'];
/** The org events whose data is exactly the invitation (request decisions also carry the decision). */
export type InvitationEventType = Exclude<
  Extract<OrgEvent, { data: { invitation: unknown } }>['type'],
  `invite_request.${string}`
>;

/** The org events of one workspace that its owners hear of, as `workspace.changed`. */
export const WorkspaceChangeTypeSchema = z.enum([
  'workspace.member_added',
  'workspace.member_role_changed',
  'workspace.member_removed',
  'workspace.renamed',
  'workspace.deleted',
  /** Someone joined the org with a place in the workspace, left it, or was removed from it. */
  'member.joined',
  'member.removed',
  'member.left',
]);
export type WorkspaceChangeType = z.infer<typeof WorkspaceChangeTypeSchema>;

const personalEnvelope = { orgId: IdSchema, seq: z.null(), at: TimestampSchema, actor: ActorSchema };

/**
 * A personal event, pushed to one person's own tabs (`user:{id}` room). It carries no org `seq`
 * and never another person's email or token.
 */
export const PersonalEventSchema = z.discriminatedUnion('type', [
  z.object({
    orgId: IdSchema,
    seq: z.null(),
    at: TimestampSchema,
    actor: ActorSchema,
    type: z.literal('access.changed'),
    /** The person's new role in the org; null once they were removed. */
    data: z.object({ role: OrgRoleSchema.nullable() }),
  }),
  z.object({
    ...personalEnvelope,
    /** A new or changed (resent, renewed, edited) invitation for the person's address: upsert by id. */
    type: z.literal('invitation.received'),
    data: z.object({ invitation: MyInvitationSchema }),
  }),
  z.object({
    ...personalEnvelope,
    /** The invitation left the person's inbox: revoked, expired, or accepted/declined in another tab. */
    type: z.literal('invitation.withdrawn'),
    data: z.object({ invitationId: IdSchema, reason: z.enum(['revoked', 'expired', 'accepted', 'declined']) }),
  }),
  z.object({
    ...personalEnvelope,
    /** An admin approved or rejected one of the person's own requests: upsert by id. */
    type: z.literal('invite_request.decided'),
    data: z.object({ request: MyInviteRequestSchema }),
  }),
  z.object({
    ...personalEnvelope,
    /** Sent to every member's tabs: the org's settings changed (what they may do changed with them). */
    type: z.literal('settings.changed'),
    data: z.object({ settings: OrgSettingsSchema }),
  }),
  z.object({
    ...personalEnvelope,
    /** To the creator's own tabs: they created this org (add it to their list of orgs). */
    type: z.literal('org.created'),
    data: z.object({ org: MyOrgSchema }),
  }),
  z.object({
    ...personalEnvelope,
    /** Sent to every member's tabs: the org's name or slug changed (apply when `org.version` is newer). */
    type: z.literal('org.updated'),
    data: OrgUpdatedDataSchema,
  }),
  z.object({
    ...personalEnvelope,
    /** Sent to every member's tabs: the creator role changed hands (apply when `org.version` is newer). */
    type: z.literal('org.transferred'),
    data: OrgTransferredDataSchema,
  }),
  z.object({
    ...personalEnvelope,
    /** Sent to every member's tabs just before their `access.changed`: the creator deleted the org. */
    type: z.literal('org.deleted'),
    data: OrgDeletedDataSchema,
  }),
  z.object({
    ...personalEnvelope,
    /** Sent to every member's tabs just before their `access.changed`: the org is back. */
    type: z.literal('org.restored'),
    data: OrgRestoredDataSchema,
  }),
  z.object({
    ...personalEnvelope,
    /**
     * To the owners of one workspace who are not org admins (they track no org `seq`): something
     * on that workspace's page changed; the page refetches. No member data rides along.
     */
    type: z.literal('workspace.changed'),
    data: z.object({ workspaceId: IdSchema, type: WorkspaceChangeTypeSchema }),
  }),
]);
export type PersonalEvent = z.infer<typeof PersonalEventSchema>;

/** Anything arriving on `roster:event`. */
export const RosterEventSchema = z.union([OrgEventSchema, PersonalEventSchema]);
export type RosterEvent = z.infer<typeof RosterEventSchema>;

/** `GET /api/orgs/:orgId/events?since=N`. */
export const ListEventsQuerySchema = z.object({
  since: z.coerce.number().int().nonnegative().max(MAX_INT4),
});
export const ListEventsResponseSchema = z.object({
  events: z.array(OrgEventSchema),
  headSeq: z.number().int().nonnegative(),
});
export type ListEventsResponse = z.infer<typeof ListEventsResponseSchema>;

/** Client → server `roster:sync` payload. */
export const SyncRequestSchema = z.object({
  orgId: IdSchema,
  since: z.number().int().nonnegative().max(MAX_INT4),
});
export type SyncRequest = z.infer<typeof SyncRequestSchema>;

/** Ack of `roster:sync`: the missed events, or `reset` when the client must refetch. */
export const SyncAckSchema = z.union([
  z.object({ events: z.array(OrgEventSchema), headSeq: z.number().int().nonnegative() }),
  z.object({ reset: z.literal(true), headSeq: z.number().int().nonnegative() }),
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type SyncAck = z.infer<typeof SyncAckSchema>;

/** Server → client `roster:heartbeat`: lets an idle client notice it fell behind. */
export const HeartbeatSchema = z.object({
  orgId: IdSchema,
  headSeq: z.number().int().nonnegative(),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

/** How many events a client may catch up on before it is told to refetch instead. */
export const SYNC_WINDOW = 500;

/**
 * The client's reconnection backoff: Socket.IO's 1 s first delay, doubling, but capped at 2 s
 * (its default cap, 5 s, left an unlucky tab up to 7.5 s behind after a server process died
 * and its first retries hit the dying process). Randomized by half either way, so tabs of a
 * dead process do not all return in the same instant.
 */
export const socketReconnection = { reconnectionDelay: 1_000, reconnectionDelayMax: 2_000, randomizationFactor: 0.5 };

/** Socket.IO event names. */
export const socketEvents = {
  event: 'roster:event',
  sync: 'roster:sync',
  heartbeat: 'roster:heartbeat',
} as const;
