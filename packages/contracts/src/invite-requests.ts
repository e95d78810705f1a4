import { z } from 'zod';
import { ActorSchema, CursorSchema, IdSchema, TimestampSchema, VersionSchema } from './common.ts';
import { text } from './text.ts';
import {
  InvitationGrantInputSchema,
  InvitationSchema,
  InvitationStatusSchema,
  SeatUsageSchema,
} from './invitations.ts';
import { OrgRoleSchema, WorkspaceRoleSchema } from './roles.ts';

/** How an admin decided a member's request (R3): approved into an invitation, or rejected. */
export const InviteRequestOutcomeSchema = z.enum(['approved', 'rejected']);
export type InviteRequestOutcome = z.infer<typeof InviteRequestOutcomeSchema>;

/** A request waiting for an admin, as the approvals list shows it. */
export const InviteRequestSchema = z.object({
  id: IdSchema,
  email: z.string(),
  role: OrgRoleSchema,
  lite: z.boolean(),
  workspaces: z.array(z.object({ id: IdSchema, name: z.string(), role: WorkspaceRoleSchema })),
  /** The member who proposed the invitation. */
  requestedBy: ActorSchema,
  createdAt: TimestampSchema,
  version: VersionSchema,
  /** The last edit by an admin since it was requested; null when none. */
  lastChange: z.object({ by: ActorSchema, at: TimestampSchema }).nullable(),
});
export type InviteRequest = z.infer<typeof InviteRequestSchema>;

/** Query of `GET /api/orgs/:orgId/invite-requests`, newest first. The cursor is opaque. */
export const ListInviteRequestsQuerySchema = z.object({
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListInviteRequestsQuery = z.input<typeof ListInviteRequestsQuerySchema>;

/** `GET /api/orgs/:orgId/invite-requests` (admins only): the `seq` it reflects, and seats in use. */
export const ListInviteRequestsResponseSchema = z.object({
  items: z.array(InviteRequestSchema),
  nextCursor: z.string().nullable(),
  /** How many requests wait in all, for the badge. */
  total: z.number().int().nonnegative(),
  seq: z.number().int().nonnegative(),
  seats: SeatUsageSchema,
});
export type ListInviteRequestsResponse = z.infer<typeof ListInviteRequestsResponseSchema>;

/**
 * Body of `POST …/invite-requests/:id/approve`. The admin may adjust the proposed terms (an
 * admin may make it an ADMIN invitation); omitted fields keep what the member proposed.
 */
export const ApproveInviteRequestSchema = z.object({
  role: OrgRoleSchema.optional(),
  lite: z.boolean().optional(),
  workspaces: z.array(InvitationGrantInputSchema).max(100).optional(),
  version: VersionSchema,
});
export type ApproveInviteRequest = z.infer<typeof ApproveInviteRequestSchema>;

/** Body of `POST …/invite-requests/:id/reject`; the reason is shown to the member who asked. */
export const RejectInviteRequestSchema = z.object({
  version: VersionSchema,
  reason: text({ max: 500, trim: true, multiline: true }).optional(),
});
export type RejectInviteRequest = z.infer<typeof RejectInviteRequestSchema>;

/** Who decided a request and when, as `ALREADY_DECIDED` details and event data carry it. */
export const InviteRequestDecisionSchema = z.object({
  outcome: InviteRequestOutcomeSchema,
  decidedBy: ActorSchema,
  decidedAt: TimestampSchema,
  reason: z.string().nullable(),
});
export type InviteRequestDecision = z.infer<typeof InviteRequestDecisionSchema>;

/** Details of `ALREADY_DECIDED` on a request: whoever got there first, and where it stands now. */
export const InviteRequestAlreadyDecidedDetailsSchema = z.object({
  decidedBy: ActorSchema.nullable(),
  decidedAt: TimestampSchema.nullable(),
  status: InvitationStatusSchema,
});

/**
 * One of the signed-in member's own requests (`GET /api/me/invite-requests`). `status` follows
 * the invitation after approval (pending, accepted, expired…). No token, nobody else's data.
 */
export const MyInviteRequestSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  email: z.string(),
  role: OrgRoleSchema,
  status: InvitationStatusSchema,
  createdAt: TimestampSchema,
  outcome: InviteRequestOutcomeSchema.nullable(),
  decidedBy: ActorSchema.nullable(),
  decidedAt: TimestampSchema.nullable(),
  reason: z.string().nullable(),
});
export type MyInviteRequest = z.infer<typeof MyInviteRequestSchema>;

/** Query of `GET /api/me/invite-requests`: one org, or every org when omitted. */
export const ListMyInviteRequestsQuerySchema = z.object({ orgId: IdSchema.optional() });
export const ListMyInviteRequestsResponseSchema = z.object({ items: z.array(MyInviteRequestSchema) });
export type ListMyInviteRequestsResponse = z.infer<typeof ListMyInviteRequestsResponseSchema>;

/** Data of the `invite_request.approved` / `.rejected` org events: the row after it, and the decision. */
export const InviteRequestDecidedDataSchema = z.object({
  invitation: InvitationSchema,
  decision: InviteRequestDecisionSchema,
});
