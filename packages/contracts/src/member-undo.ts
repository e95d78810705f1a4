import { z } from 'zod';
import { ActorSchema, TimestampSchema } from './common.ts';
import { MemberSchema } from './members.ts';
import { MAX_INT4 } from './text.ts';

/**
 * How long after a role change or a removal an admin may still undo it. The web offers Undo for
 * a few seconds; the server keeps the door open longer, so a slow click still lands, but not so
 * long that undo becomes a way to rewrite history (that is the audit log's revert, R24).
 */
export const UNDO_WINDOW_SECONDS = 600;

/**
 * The response header naming the `seq` of the event a change wrote, on the answers of changes
 * that can be undone (`PATCH` and `DELETE /api/orgs/:orgId/members/:userId`). Absent when the
 * request changed nothing (a role set to the role the person already has).
 */
export const EVENT_SEQ_HEADER = 'Roster-Event-Seq';

/** Body of `POST /api/orgs/:orgId/members/undo`: the change to undo, by its event `seq`. */
export const UndoMemberChangeSchema = z.object({
  eventSeq: z.number().int().positive().max(MAX_INT4),
});
export type UndoMemberChange = z.infer<typeof UndoMemberChangeSchema>;

/** The member as the undo left them, and the `seq` of the undo's own event. */
export const UndoMemberChangeResponseSchema = z.object({
  member: MemberSchema,
  seq: z.number().int().positive(),
});
export type UndoMemberChangeResponse = z.infer<typeof UndoMemberChangeResponseSchema>;

/**
 * Why a change cannot be undone (details of `NOT_REVERTIBLE`): `not_undoable` its kind cannot be
 * (undo: role changes and removals; the audit log's revert also workspace roles, settings and
 * revoked invitations); `window_passed` an undo older than `UNDO_WINDOW_SECONDS`;
 * `account_deleted` the person deleted their account since; `workspace_deleted` the workspace is
 * gone; `nothing_to_revert` the target is already as it was before the change.
 */
export const NotRevertibleReasonSchema = z.enum([
  'not_undoable',
  'window_passed',
  'account_deleted',
  'workspace_deleted',
  'nothing_to_revert',
]);
export type NotRevertibleReason = z.infer<typeof NotRevertibleReasonSchema>;
export const NotRevertibleDetailsSchema = z.object({ reason: NotRevertibleReasonSchema });

/** Details of `ALREADY_REVERTED`: who undid the change, when, and the undo's `seq`. */
export const AlreadyRevertedDetailsSchema = z.object({
  revertedBy: ActorSchema,
  revertedAt: TimestampSchema,
  seq: z.number().int().positive(),
});
export type AlreadyRevertedDetails = z.infer<typeof AlreadyRevertedDetailsSchema>;
