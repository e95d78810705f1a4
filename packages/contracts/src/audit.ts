import { z } from 'zod';
import { CursorSchema, IdSchema, TimestampSchema, VersionSchema } from './common.ts';
import { boundedText, text } from './text.ts';

/** An event type (`member.role_changed`), or a domain prefix ending in `.*` (`member.*`). */
const ACTION_PATTERN = /^[a-z_]+(\.[a-z_]+)*(\.\*)?$/;
const MAX_ACTIONS = 20;

/**
 * `action`: one or several event types, comma-separated, each exact or a prefix (`member.*`).
 * Each part is checked here, so only letters, dots and underscores ever reach a LIKE pattern.
 */
export const AuditActionFilterSchema = text({ max: 500 })
  .transform((value) => value.split(',').map((part) => part.trim()))
  .pipe(
    z
      .array(z.string().regex(ACTION_PATTERN, 'Use event types such as member.role_changed or member.*'))
      .min(1)
      .max(MAX_ACTIONS),
  );

/** A time bound of the filters: ISO 8601 with its offset. */
const TimeFilterSchema = z.iso.datetime({ offset: true }).max(40);
boundedText.add(TimeFilterSchema, { max: 40 });

/** `committed`: the changes (each with a `seq`); `denied`: attempts a rule refused (no `seq`). */
export const AuditOutcomeSchema = z.enum(['committed', 'denied']);

/** The filters shared by the audit log, its export, and their cursors. */
export const AuditFiltersSchema = z.object({
  /** Only entries by this person (a user id, or `system`). */
  actor: IdSchema.optional(),
  /** Only entries by or about this person: a member's history. */
  member: IdSchema.optional(),
  action: AuditActionFilterSchema.optional(),
  /** Only entries about this user, invitation, workspace, domain or the org itself. */
  target: IdSchema.optional(),
  /** Entries at or after this time. */
  from: TimeFilterSchema.optional(),
  /** Entries before this time. */
  to: TimeFilterSchema.optional(),
  /** Free text, matched case-insensitively against the actor's name and the names and emails in the entry. */
  q: text({ max: 200, trim: true }).optional(),
  outcome: AuditOutcomeSchema.default('committed'),
});
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;

/** Query of `GET /api/orgs/:orgId/audit` (admins): newest first. */
export const ListAuditQuerySchema = AuditFiltersSchema.extend({
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditQuery = z.input<typeof ListAuditQuerySchema>;

export const ExportFormatSchema = z.enum(['csv', 'ndjson']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** Query of `GET /api/orgs/:orgId/audit/export` (admins): the whole filtered log, newest first. */
export const ExportAuditQuerySchema = AuditFiltersSchema.extend({ format: ExportFormatSchema.default('csv') });

/** Query of `GET /api/orgs/:orgId/members/export` (admins). */
export const ExportMembersQuerySchema = z.object({ format: ExportFormatSchema.default('csv') });

export const AuditActorSchema = z.object({
  /** `system` for changes no person made (expiry, mail delivery); `api_key` for a program's key. */
  kind: z.enum(['user', 'api_key', 'system']),
  id: IdSchema,
  /** The name at the time of the change. */
  name: z.string(),
  /** A person's address at the time of the change. */
  email: z.string().optional(),
});

/** Where a person's change came from, as their request said. */
export const AuditContextSchema = z.object({
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditContext = z.infer<typeof AuditContextSchema>;

/** The change that undid an entry: its entry, its place in the sequence, who and when. */
export const AuditRevertLinkSchema = z.object({
  entryId: z.string(),
  seq: z.number().int().positive(),
  at: TimestampSchema,
  actor: z.object({ id: IdSchema, name: z.string() }),
});
export type AuditRevertLink = z.infer<typeof AuditRevertLinkSchema>;

export const AuditTargetKindSchema = z.enum([
  'member',
  'invitation',
  'workspace',
  'org',
  'settings',
  'domain',
  'api_key',
  'other',
]);

/** What the entry is about, with the name and email it had at the time of the change. */
export const AuditTargetSchema = z.object({
  kind: AuditTargetKindSchema,
  id: IdSchema.nullable(),
  name: z.string().optional(),
  email: z.string().optional(),
});
export type AuditTarget = z.infer<typeof AuditTargetSchema>;

export const AuditEntrySchema = z.object({
  /** Stable and unique within the log, denied attempts included. */
  id: z.string(),
  /** The change's place in the org's sequence; null for a denied attempt. */
  seq: z.number().int().positive().nullable(),
  at: TimestampSchema,
  /** The event type: `member.role_changed`, `invitation.created`, ... (`access.denied` for a refusal). */
  action: z.string(),
  actor: AuditActorSchema,
  target: AuditTargetSchema,
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** What the change said of itself (for a refusal: the attempted action and its error code). */
  data: z.unknown(),
  /** On a change that undid an earlier one: that change's `seq`. */
  revertOf: z.number().int().positive().nullable(),
  /** On a change undone since: the change that undid it. */
  revertedBy: AuditRevertLinkSchema.nullable(),
  /** Whether `POST .../audit/:entryId/revert` may undo it (its kind can be, and nobody has yet). */
  revertible: z.boolean(),
  /** The id of the request that made the change (it is in that request's log lines too). */
  requestId: z.string().nullable(),
  /** Where the change came from, when a person's request made it. */
  context: AuditContextSchema.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * Body of `POST /api/orgs/:orgId/audit/:entryId/revert` (admins). `version`: the target's
 * version as the reader saw it, to revert over later changes they have seen; without it the
 * revert applies only while the target is still as the entry left it (else `VERSION_CONFLICT`).
 */
export const RevertAuditEntrySchema = z.object({ version: VersionSchema.optional() });
export type RevertAuditEntry = z.infer<typeof RevertAuditEntrySchema>;

/** The revert's own entry (its `revertOf` names the entry it undid). */
export const RevertAuditEntryResponseSchema = z.object({ entry: AuditEntrySchema });
export type RevertAuditEntryResponse = z.infer<typeof RevertAuditEntryResponseSchema>;

export const ListAuditResponseSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type ListAuditResponse = z.infer<typeof ListAuditResponseSchema>;

/** The columns of the CSV export, in order; the NDJSON export has one `AuditEntry` per line. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'seq',
  'at',
  'action',
  'actorKind',
  'actorId',
  'actorName',
  'actorEmail',
  'targetKind',
  'targetId',
  'targetName',
  'targetEmail',
  'revertOf',
  'revertedBySeq',
  'requestId',
  'ip',
  'userAgent',
  'before',
  'after',
  'data',
] as const;

/** One row of the members export (CSV columns in this order; NDJSON one object per line). */
export const MemberExportRowSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: z.string(),
  lite: z.boolean(),
  /** `name:ROLE` per workspace, joined by `;`. */
  workspaces: z.string(),
  joinedAt: TimestampSchema,
  /** Not tracked per org: always null for now. */
  lastActiveAt: TimestampSchema.nullable(),
  twoFactor: z.boolean(),
});
export type MemberExportRow = z.infer<typeof MemberExportRowSchema>;
export const MEMBER_CSV_COLUMNS = MemberExportRowSchema.keyof().options;
