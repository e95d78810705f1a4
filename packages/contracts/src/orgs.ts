import { z } from 'zod';
import { IdSchema, TimestampSchema, VersionSchema } from './common.ts';
import { boundedText, text } from './text.ts';

/**
 * Slugs no organization may hold: the app's own top-level paths and words that would read as
 * the product speaking. Kept here only, so the server and the web refuse the same words.
 */
export const RESERVED_ORG_SLUGS: ReadonlySet<string> = new Set([
  'api',
  'admin',
  'administrator',
  'settings',
  'o',
  'org',
  'orgs',
  'new',
  'login',
  'logout',
  'sign-in',
  'sign-out',
  'sign-up',
  'signin',
  'signup',
  'account',
  'accounts',
  'invitations',
  'invite',
  'me',
  'www',
  'help',
  'support',
  'dev',
  'mailbox',
  'roster',
  'root',
  'system',
  'static',
  'assets',
  'auth',
  'verify-email',
  'reset-password',
  'welcome',
]);

export const ORG_SLUG_MIN = 3;
export const ORG_SLUG_MAX = 40;
/** Lowercase letters and digits in runs joined by single hyphens: `acme`, `acme-labs-2`. */
const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a slug is shaped right and not reserved (its uniqueness only the server knows). */
export function isAcceptableSlug(slug: string): boolean {
  return (
    slug.length >= ORG_SLUG_MIN && slug.length <= ORG_SLUG_MAX && SLUG_SHAPE.test(slug) && !RESERVED_ORG_SLUGS.has(slug)
  );
}

/**
 * The slug a name suggests: accents dropped, lowercase, every other run of characters one
 * hyphen, at most `ORG_SLUG_MAX` long. A name with too few Latin letters or digits gets `org`
 * around it, so every name has a slug; the server adds a suffix when it is taken or reserved.
 */
export function slugFromName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ORG_SLUG_MAX)
    .replace(/-+$/, '');
  if (base.length === 0) return 'org';
  return base.length < ORG_SLUG_MIN ? `${base}-org` : base;
}

/** Shortens `base` so `base-suffix` fits the slug's length. */
export function slugWithSuffix(base: string, suffix: number): string {
  const tail = `-${suffix}`;
  return `${base.slice(0, ORG_SLUG_MAX - tail.length).replace(/-+$/, '')}${tail}`;
}

/** An organization's display name, trimmed: the same rules on create and rename. */
export const OrgNameSchema = text({ min: 1, max: 80, trim: true });

/** A slug as a person types it: trimmed, then held to the slug's shape (lowercase only). */
export const OrgSlugSchema = text({
  min: ORG_SLUG_MIN,
  max: ORG_SLUG_MAX,
  trim: true,
  tooShort: 'Use at least 3 characters',
})
  .regex(SLUG_SHAPE, 'Use lowercase letters, digits and single hyphens (not at the start or end)')
  .refine((slug) => !RESERVED_ORG_SLUGS.has(slug), 'This address is reserved; choose another');
boundedText.add(OrgSlugSchema, { max: ORG_SLUG_MAX });

/** `POST /api/orgs`: without a slug, one is derived from the name (with a free suffix if taken). */
export const CreateOrgSchema = z.object({ name: OrgNameSchema, slug: OrgSlugSchema.optional() }).strict();
export type CreateOrg = z.infer<typeof CreateOrgSchema>;

/** An organization as its creation and rename answer it (and as their events carry it). */
export const OrgSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  slug: z.string(),
  version: VersionSchema,
});
export type OrgSummary = z.infer<typeof OrgSummarySchema>;

/** `POST /api/orgs` (201) and `PATCH /api/orgs/:orgId`. */
export const OrgResponseSchema = z.object({ org: OrgSummarySchema });
export type OrgResponse = z.infer<typeof OrgResponseSchema>;

/** Where an organization is in its life: active, or waiting to be purged after its deletion. */
export const OrgStatusSchema = z.enum(['active', 'pending_deletion']);
export type OrgStatus = z.infer<typeof OrgStatusSchema>;

/** `GET /api/orgs/:orgId`: for its members. */
export const OrgDetailSchema = OrgSummarySchema.extend({
  status: OrgStatusSchema,
  /** When a deleted org's data is removed for good; null while it is active. */
  purgeAfter: TimestampSchema.nullable(),
  creatorId: IdSchema,
});
export type OrgDetail = z.infer<typeof OrgDetailSchema>;
export const OrgDetailResponseSchema = z.object({ org: OrgDetailSchema });

/**
 * `PATCH /api/orgs/:orgId` (admins): a new name, a new slug, or both, at the org's version. The
 * old slug keeps leading to the org for `OLD_SLUG_REDIRECT_DAYS`.
 */
export const UpdateOrgSchema = z
  .object({ name: OrgNameSchema.optional(), slug: OrgSlugSchema.optional(), version: VersionSchema })
  .strict();
export type UpdateOrg = z.infer<typeof UpdateOrgSchema>;

/** How long a renamed org's old slug still leads to it (and stays out of others' reach). */
export const OLD_SLUG_REDIRECT_DAYS = 30;

/** `GET /api/orgs/by-slug/:slug` (members): the org a slug, current or recently left, leads to. */
export const OrgBySlugResponseSchema = z.object({ org: z.object({ id: IdSchema, slug: z.string() }) });
export type OrgBySlugResponse = z.infer<typeof OrgBySlugResponseSchema>;

/** `POST /api/orgs/:orgId/transfer` (the creator): hands the creator role to another ADMIN. */
export const TransferOrgSchema = z.object({ userId: IdSchema, version: VersionSchema }).strict();
export type TransferOrg = z.infer<typeof TransferOrgSchema>;

/**
 * `DELETE /api/orgs/:orgId` (the creator): `confirm` is the org's name as they typed it; anything
 * else is `CONFIRMATION_MISMATCH` and changes nothing.
 */
export const DeleteOrgSchema = z.object({ confirm: text({ max: 200, trim: true }) }).strict();
export type DeleteOrg = z.infer<typeof DeleteOrgSchema>;

/** `GET`, `DELETE /api/orgs/:orgId` and `POST /api/orgs/:orgId/restore`: the org as it is now. */
export type OrgDetailResponse = z.infer<typeof OrgDetailResponseSchema>;

/** Days a deleted org waits, restorable by its creator, before its data is purged (`ORG_DELETE_GRACE_DAYS`). */
export const DEFAULT_ORG_DELETE_GRACE_DAYS = 14;

/** Details of `SLUG_TAKEN`: a free slug like the one asked for. */
export const SlugTakenDetailsSchema = z.object({ suggestion: z.string() });

/** Organizations one person may create, counted by `MAX_ORGS_PER_USER` on the server (this is its default). */
export const DEFAULT_MAX_ORGS_PER_USER = 20;
/** Creations one person may attempt an hour (429 `RATE_LIMITED` with Retry-After past it). */
export const ORG_CREATIONS_PER_HOUR = 10;

/** Data of `org.created`, `org.updated`, `org.transferred`, `org.deleted` and `org.restored`. */
export const OrgCreatedDataSchema = z.object({ org: OrgSummarySchema });
export const OrgUpdatedDataSchema = z.object({
  org: OrgSummarySchema,
  before: z.object({ name: z.string(), slug: z.string() }),
});
export const OrgTransferredDataSchema = z.object({
  org: OrgSummarySchema,
  /** The creator before and after the hand-over. */
  from: z.object({ id: IdSchema, name: z.string() }),
  to: z.object({ id: IdSchema, name: z.string() }),
});
export const OrgDeletedDataSchema = z.object({
  org: OrgSummarySchema,
  /** When the org's data is purged unless its creator restores it first. */
  purgeAfter: TimestampSchema,
});
export const OrgRestoredDataSchema = z.object({ org: OrgSummarySchema });
