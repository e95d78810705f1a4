import { z } from 'zod';
import { ActorSchema, IdSchema, TimestampSchema } from './common.ts';
import { MemberSchema } from './members.ts';
import { OrgRoleSchema } from './roles.ts';

/** The data each org event type carries. Types read `<domain>.<past tense>`. */
export const MemberRoleChangedDataSchema = z.object({
  member: MemberSchema,
  before: z.object({ role: OrgRoleSchema }),
});
export const MemberRemovedDataSchema = z.object({
  userId: IdSchema,
  name: z.string(),
});

const envelope = {
  orgId: IdSchema,
  seq: z.number().int().positive(),
  at: TimestampSchema,
  actor: ActorSchema,
};

/** An org event, pushed to the org's admins as `roster:event` and replayed by `roster:sync`. */
export const OrgEventSchema = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('member.role_changed'), data: MemberRoleChangedDataSchema }),
  z.object({ ...envelope, type: z.literal('member.removed'), data: MemberRemovedDataSchema }),
]);
export type OrgEvent = z.infer<typeof OrgEventSchema>;
export type OrgEventType = OrgEvent['type'];

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
]);
export type PersonalEvent = z.infer<typeof PersonalEventSchema>;

/** Anything arriving on `roster:event`. */
export const RosterEventSchema = z.union([OrgEventSchema, PersonalEventSchema]);
export type RosterEvent = z.infer<typeof RosterEventSchema>;

/** `GET /api/orgs/:orgId/events?since=N`. */
export const ListEventsQuerySchema = z.object({
  since: z.coerce.number().int().nonnegative(),
});
export const ListEventsResponseSchema = z.object({
  events: z.array(OrgEventSchema),
  headSeq: z.number().int().nonnegative(),
});
export type ListEventsResponse = z.infer<typeof ListEventsResponseSchema>;

/** Client → server `roster:sync` payload. */
export const SyncRequestSchema = z.object({
  orgId: IdSchema,
  since: z.number().int().nonnegative(),
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

/** Socket.IO event names. */
export const socketEvents = {
  event: 'roster:event',
  sync: 'roster:sync',
  heartbeat: 'roster:heartbeat',
} as const;
