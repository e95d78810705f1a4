import { z } from 'zod';
import { ActorSchema, CursorSchema, IdSchema, TimestampSchema, VersionSchema } from './common.ts';
import { MAX_INT4, text } from './text.ts';
import { OrgRoleSchema, WorkspaceRoleSchema } from './roles.ts';

/** One workspace a member belongs to, as a chip on their row. */
export const MemberWorkspaceSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: WorkspaceRoleSchema,
});

/** A row of the members page. */
export const MemberSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  email: z.string(),
  role: OrgRoleSchema,
  lite: z.boolean(),
  joinedAt: TimestampSchema,
  /** Whether the person signs in with a second factor (shown to admins; see `requireTwoFactor`). */
  twoFactorEnabled: z.boolean(),
  version: VersionSchema,
  workspaces: z.array(MemberWorkspaceSchema),
  /** The last change to this membership; null when nothing changed since joining. */
  lastChange: z.object({ by: ActorSchema, at: TimestampSchema }).nullable(),
});
export type Member = z.infer<typeof MemberSchema>;

/** What a person types into a search box: a name or part of an email address. */
export const SearchTextSchema = text({ max: 200, trim: true });

export const MemberSortSchema = z.enum(['name', 'email', 'joinedAt', 'role']);
export type MemberSort = z.infer<typeof MemberSortSchema>;
export const SortOrderSchema = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrderSchema>;

/** Query of `GET /api/orgs/:orgId/members`. The cursor is opaque: pass back `nextCursor`. */
export const ListMembersQuerySchema = z.object({
  q: SearchTextSchema.optional(),
  role: OrgRoleSchema.optional(),
  /** `on`: only people with two-factor sign-in; `off`: only people without. */
  twoFactor: z.enum(['on', 'off']).optional(),
  sort: MemberSortSchema.default('name'),
  order: SortOrderSchema.default('asc'),
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListMembersQuery = z.input<typeof ListMembersQuerySchema>;

/**
 * A search counts its matches only this far: past it, the list says "1,000+". Counting every
 * match of a broad search would read the whole org on each keystroke, and nobody reads a count
 * that large to the unit.
 */
export const MEMBER_COUNT_CAP = 1000;

/** A page of members and the org event `seq` it reflects. */
export const ListMembersResponseSchema = z.object({
  items: z.array(MemberSchema),
  nextCursor: z.string().nullable(),
  /** Members the list holds, or MEMBER_COUNT_CAP when `totalIsCapped`. */
  total: z.number().int().nonnegative(),
  /** True when more than MEMBER_COUNT_CAP match (only a search or the two-factor filter counts). */
  totalIsCapped: z.boolean().optional(),
  seq: z.number().int().nonnegative(),
});
export type ListMembersResponse = z.infer<typeof ListMembersResponseSchema>;

/** Body of `PATCH /api/orgs/:orgId/members/:userId`. */
export const UpdateMemberRoleSchema = z.object({
  role: OrgRoleSchema,
  version: VersionSchema,
});
export type UpdateMemberRole = z.infer<typeof UpdateMemberRoleSchema>;

/** Query of `DELETE /api/orgs/:orgId/members/:userId`: the version the admin saw, when known. */
export const RemoveMemberQuerySchema = z.object({
  version: z.coerce.number().int().positive().max(MAX_INT4).optional(),
});

/** Details of a `VERSION_CONFLICT` on a member: the row as it is now, and who made it so. */
export const MemberConflictDetailsSchema = z.object({
  current: MemberSchema,
  changedBy: ActorSchema.nullable(),
  changedAt: TimestampSchema.nullable(),
});
export type MemberConflictDetails = z.infer<typeof MemberConflictDetailsSchema>;

/** `POST /api/orgs/:orgId/members/bulk`: one action on many people, by id or by the list's filter. */
export const BulkMembersActionSchema = z
  .object({
    action: z.discriminatedUnion('type', [
      z.object({ type: z.literal('remove') }),
      z.object({ type: z.literal('change_role'), role: OrgRoleSchema }),
    ]),
    /** Chosen rows with the version each was seen at. */
    members: z
      .array(z.object({ userId: IdSchema, version: VersionSchema }))
      .max(10_000)
      .optional(),
    /** "Select all matching the filter": every member the list would show for these filters. */
    filter: z
      .object({
        q: SearchTextSchema.optional(),
        role: OrgRoleSchema.optional(),
        twoFactor: z.enum(['on', 'off']).optional(),
      })
      .optional(),
    /** true: only describe the impact; nothing changes. */
    preview: z.boolean().default(false),
  })
  .refine((body) => Boolean(body.members) !== Boolean(body.filter), { message: 'Send either members or filter' });
export type BulkMembersAction = z.input<typeof BulkMembersActionSchema>;

/**
 * A workspace role an org role change lowers in the same transaction (R22: externals never own a
 * workspace, so demoting an owner to EXTERNAL makes them a workspace MEMBER, or VIEWER when lite).
 */
export const WorkspaceRoleLoweredSchema = z.object({
  workspaceId: IdSchema,
  workspaceName: z.string(),
  from: WorkspaceRoleSchema,
  to: WorkspaceRoleSchema,
});
export type WorkspaceRoleLowered = z.infer<typeof WorkspaceRoleLoweredSchema>;

/** The impact preview: "removes 12 members from 5 workspaces; Design would be left without an owner". */
export const BulkPreviewSchema = z.object({
  /** People the action really changes: not refused, and not already in the chosen role. */
  count: z.number().int().nonnegative(),
  /** People already in the chosen role: their rows succeed without a change. */
  unchanged: z.number().int().nonnegative().default(0),
  workspaceCount: z.number().int().nonnegative(),
  workspacesLeftWithoutOwner: z.array(z.object({ id: IdSchema, name: z.string() })),
  /** Workspace roles a role change would lower with it (R22), per person; absent on older servers. */
  workspaceRolesLowered: z.array(WorkspaceRoleLoweredSchema.extend({ userId: IdSchema, name: z.string() })).optional(),
  /** Rows the rules will refuse, with the code they will get. */
  refused: z.array(z.object({ userId: IdSchema, name: z.string(), code: z.string() })),
});
export type BulkPreview = z.infer<typeof BulkPreviewSchema>;

/** One line of the streamed (NDJSON) bulk result: each row is its own versioned change. */
export const BulkRowResultSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  status: z.enum(['ok', 'conflict', 'protected', 'forbidden', 'not_found', 'failed']),
  code: z.string().optional(),
  message: z.string().optional(),
  member: MemberSchema.optional(),
});
export type BulkRowResult = z.infer<typeof BulkRowResultSchema>;
