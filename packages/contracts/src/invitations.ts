import { z } from 'zod';
import { ActorSchema, CursorSchema, IdSchema, TimestampSchema, VersionSchema } from './common.ts';
import { SearchTextSchema } from './members.ts';
import { text } from './text.ts';
import { OrgRoleSchema, WorkspaceRoleSchema } from './roles.ts';

/**
 * Where an invitation stands. Lists show `requested`, `pending` and `expired`; the terminal
 * states appear in events and in answers about one invitation.
 */
export const InvitationStatusSchema = z.enum([
  'requested',
  'pending',
  'expired',
  'accepted',
  'revoked',
  'declined',
  'rejected',
]);
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>;

/** A workspace grant carried by an invitation, applied when it is accepted. */
export const InvitationGrantInputSchema = z.object({ workspaceId: IdSchema, role: WorkspaceRoleSchema });
export type InvitationGrantInput = z.infer<typeof InvitationGrantInputSchema>;

/**
 * Body of `POST /api/orgs/:orgId/invitations`. Addresses are checked one by one, so a mistyped one
 * is reported, not refused; one holding control characters (never typed) refuses the request.
 */
export const CreateInvitationsSchema = z.object({
  emails: z
    .array(text({ max: 320 }))
    .min(1)
    .max(200),
  role: OrgRoleSchema,
  lite: z.boolean().optional(),
  workspaces: z.array(InvitationGrantInputSchema).max(100).optional(),
});
export type CreateInvitations = z.infer<typeof CreateInvitationsSchema>;

/** What happened to one address of a bulk invitation (R17). */
export const InviteResultStatusSchema = z.enum(['invited', 'requested', 'duplicate', 'already_member', 'invalid']);
export type InviteResultStatus = z.infer<typeof InviteResultStatusSchema>;

export const CreateInvitationsResponseSchema = z.object({
  results: z.array(
    z.object({
      email: z.string(),
      status: InviteResultStatusSchema,
      /** Set for `invited` and `requested`. */
      invitationId: IdSchema.optional(),
    }),
  ),
});
export type CreateInvitationsResponse = z.infer<typeof CreateInvitationsResponseSchema>;

/** The state of the invitation mail for the current link. */
export const InvitationDeliverySchema = z.object({
  state: z.enum(['queued', 'sent', 'failed']),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type InvitationDelivery = z.infer<typeof InvitationDeliverySchema>;

/** A row of the invitations list. */
export const InvitationSchema = z.object({
  id: IdSchema,
  email: z.string(),
  role: OrgRoleSchema,
  lite: z.boolean(),
  status: InvitationStatusSchema,
  workspaces: z.array(z.object({ id: IdSchema, name: z.string(), role: WorkspaceRoleSchema })),
  invitedBy: ActorSchema,
  createdAt: TimestampSchema,
  /** null for requests and for orgs whose invitations never expire. */
  expiresAt: TimestampSchema.nullable(),
  /** null for requests (no mail) and for a link that was copied instead of mailed. */
  delivery: InvitationDeliverySchema.nullable(),
  version: VersionSchema,
  /** The last change by a person after the invitation was created; null when none. */
  lastChange: z.object({ by: ActorSchema, at: TimestampSchema }).nullable(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** Query of `GET /api/orgs/:orgId/invitations`, newest first. The cursor is opaque. */
export const ListInvitationsQuerySchema = z.object({
  status: z.enum(['requested', 'pending', 'expired']).optional(),
  q: SearchTextSchema.optional(),
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListInvitationsQuery = z.input<typeof ListInvitationsQuerySchema>;

/** Seats in use (R5): active members + live pending invitations + requests. */
export const SeatUsageSchema = z.object({
  used: z.number().int().nonnegative(),
  limit: z.number().int().positive().nullable(),
});
export type SeatUsage = z.infer<typeof SeatUsageSchema>;

export const ListInvitationsResponseSchema = z.object({
  items: z.array(InvitationSchema),
  nextCursor: z.string().nullable(),
  seq: z.number().int().nonnegative(),
  seats: SeatUsageSchema,
});
export type ListInvitationsResponse = z.infer<typeof ListInvitationsResponseSchema>;

/** Body of `PATCH /api/orgs/:orgId/invitations/:id`: a pending (or requested) invitation's terms. */
export const UpdateInvitationSchema = z.object({
  role: OrgRoleSchema.optional(),
  lite: z.boolean().optional(),
  workspaces: z.array(InvitationGrantInputSchema).max(100).optional(),
  version: VersionSchema,
});
export type UpdateInvitation = z.infer<typeof UpdateInvitationSchema>;

/** Body of resend, renew and revoke: the version the admin saw. */
export const InvitationVersionSchema = z.object({ version: VersionSchema });
export type InvitationVersion = z.infer<typeof InvitationVersionSchema>;

/** `POST /api/orgs/:orgId/invitations/:id/link`: a fresh link (the previous one stops working). */
export const InvitationLinkSchema = z.object({ url: z.string(), invitation: InvitationSchema });
export type InvitationLink = z.infer<typeof InvitationLinkSchema>;

/** Details of a `VERSION_CONFLICT` on an invitation: the row as it is now, and who made it so. */
export const InvitationConflictDetailsSchema = z.object({
  current: InvitationSchema,
  changedBy: ActorSchema.nullable(),
  changedAt: TimestampSchema.nullable(),
});

/**
 * Details of `LIMIT_EXCEEDED` (R5): `limit` is the seat cap, `current` the seats in use, `max`
 * how many more this request could have added (limit − current, never negative).
 */
export const LimitExceededDetailsSchema = z.object({
  limit: z.number().int().positive(),
  current: z.number().int().nonnegative(),
  max: z.number().int().nonnegative(),
});

/**
 * `GET /api/invitations/:token`, public. It names the org, the inviter and the role, never the
 * invited address unless the signed-in account is that address. An accepted or declined link
 * answers 200 with that status; a revoked or expired one answers 410.
 */
export const PublicInvitationSchema = z.object({
  orgName: z.string(),
  inviterName: z.string(),
  role: OrgRoleSchema,
  status: z.enum(['pending', 'accepted', 'declined']),
  /** The invited address, for its owner and for a signed-out link holder; null for another account. */
  email: z.string().nullable(),
  matchesSignedInUser: z.boolean(),
  signedIn: z.boolean(),
});
export type PublicInvitation = z.infer<typeof PublicInvitationSchema>;

/** One live invitation in the signed-in person's inbox (`GET /api/me/invitations`). */
export const MyInvitationSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  inviterName: z.string(),
  role: OrgRoleSchema,
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema.nullable(),
});
export type MyInvitation = z.infer<typeof MyInvitationSchema>;

export const ListMyInvitationsResponseSchema = z.object({ items: z.array(MyInvitationSchema) });
export type ListMyInvitationsResponse = z.infer<typeof ListMyInvitationsResponseSchema>;

/**
 * Answer of accept (token or inbox). `alreadyMember`: the person was a member before, and kept
 * their role; the invitation is used up all the same.
 */
export const AcceptInvitationResponseSchema = z.object({
  orgId: IdSchema,
  role: OrgRoleSchema,
  alreadyMember: z.boolean(),
});
export type AcceptInvitationResponse = z.infer<typeof AcceptInvitationResponseSchema>;

/** `GET /api/dev/mailbox`: the latest mails, when no SMTP server is configured. */
export const DevMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  createdAt: TimestampSchema,
});
export const DevMailboxResponseSchema = z.object({ items: z.array(DevMailSchema) });
export type DevMail = z.infer<typeof DevMailSchema>;

/** Header of the create call: the same key from the same person answers the first response again. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IdempotencyKeySchema = text({ min: 1, max: 200 });

/** Seconds between two mails of one invitation (resend, renew). */
export const RESEND_COOLDOWN_SECONDS = 60;
