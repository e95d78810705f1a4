import { z } from 'zod';
import { IdSchema } from './common.ts';

/**
 * Presence: who else is on an admin page, and what they are about to change. A hint, never a
 * lock (versioned writes stay the truth); ephemeral, outside the audit log and the `seq` stream.
 */

/** The org-wide admin pages. */
export const PRESENCE_ORG_VIEWS = ['members', 'invitations', 'requests', 'settings', 'audit'] as const;

/** A page of an org: one of its admin pages, or one workspace's page (`workspace:<id>`). */
export const PresenceViewSchema = z.union([z.enum(PRESENCE_ORG_VIEWS), z.templateLiteral(['workspace:', IdSchema])]);
export type PresenceView = z.infer<typeof PresenceViewSchema>;

/** What someone is about to change on the page: a row's role, a drawer, a settings field. */
export const PresenceEditingSchema = z
  .object({
    kind: z.enum(['member', 'invitation', 'setting', 'workspace']),
    id: IdSchema,
    /** Which part of it, when the page can say: a member's `role` (its dropdown) or `access` (its drawer). */
    field: z.enum(['role', 'access']).optional(),
  })
  .nullable();
export type PresenceEditing = z.infer<typeof PresenceEditingSchema>;

/**
 * Client → server `presence:update`: the page this tab shows in the org (null: none of its
 * pages), what it is editing, and whether it was hidden for a while. Sent on page and focus
 * changes, at most 10 a second per socket.
 */
export const PresenceUpdateSchema = z.object({
  orgId: IdSchema,
  view: PresenceViewSchema.nullable(),
  editing: PresenceEditingSchema.default(null),
  /** The tab has been hidden for more than a minute. */
  away: z.boolean().default(false),
});
export type PresenceUpdate = z.input<typeof PresenceUpdateSchema>;

/** One person on a page: their tabs there count once. */
export const PresencePersonSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  editing: PresenceEditingSchema,
  /** Every tab of theirs on the page has been hidden for more than a minute. */
  away: z.boolean(),
});
export type PresencePerson = z.infer<typeof PresencePersonSchema>;

/**
 * Server → client `presence:state`: everyone on a page, sent to a viewer when they arrive; every
 * change after that comes as `presence:changes`. A viewer finds themselves in it too: "you" is
 * left out where it is shown.
 */
export const PresenceStateSchema = z.object({
  orgId: IdSchema,
  view: PresenceViewSchema,
  people: z.array(PresencePersonSchema),
});
export type PresenceState = z.infer<typeof PresenceStateSchema>;

/**
 * Server → client `presence:changes`: what changed on a page since the state or changes sent
 * before (a page of 100 admins is 10 KB; one person's change is about 100 bytes). `people` are
 * the ones who arrived or changed, `left` the ones who are no longer there.
 */
export const PresenceChangesSchema = z.object({
  orgId: IdSchema,
  view: PresenceViewSchema,
  people: z.array(PresencePersonSchema),
  left: z.array(IdSchema),
});
export type PresenceChanges = z.infer<typeof PresenceChangesSchema>;

/** How often a socket may send `presence:update` (more is dropped). */
export const PRESENCE_UPDATES_PER_SECOND = 10;
/** A tab hidden this long is shown away. */
export const PRESENCE_AWAY_AFTER_MS = 60_000;
/** A person leaves a page this long after their last tab there closed (a reload keeps them). */
export const PRESENCE_LEAVE_GRACE_MS = 3_000;

export const presenceEvents = {
  update: 'presence:update',
  state: 'presence:state',
  changes: 'presence:changes',
} as const;

/** A page's people after its `presence:changes`, in the server's order (by name). */
export function applyPresenceChanges(people: PresencePerson[], changes: PresenceChanges): PresencePerson[] {
  const replaced = new Set([...changes.left, ...changes.people.map((p) => p.userId)]);
  return [...people.filter((p) => !replaced.has(p.userId)), ...changes.people].sort(
    (a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId),
  );
}
