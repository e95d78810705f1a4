import { z } from 'zod';
import { AccountEmailSchema } from './account.ts';
import { IdSchema, TimestampSchema, VersionSchema } from './common.ts';
import { boundedText, text } from './text.ts';

/** A mail domain as people type it (`Acme.test `): trimmed and lowercased, then held to a hostname's shape. */
export const DomainNameSchema = text({ min: 3, max: 253, trim: true })
  .transform((value) => value.toLowerCase().replace(/\.$/, ''))
  .pipe(
    z
      .string()
      .regex(
        /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/,
        'Enter a domain like acme.com',
      ),
  );
boundedText.add(DomainNameSchema, { max: 253 });

/**
 * What a verified domain lets people with a verified address there do: nothing (`off`), join
 * as a MEMBER on one click (`suggest`, counting toward the seat cap), or ask the admins
 * (`request`, approved like any invite request). Never ADMIN.
 */
export const DomainEnrollmentSchema = z.enum(['off', 'suggest', 'request']);
export type DomainEnrollment = z.infer<typeof DomainEnrollmentSchema>;

export const OrgDomainSchema = z.object({
  id: IdSchema,
  domain: z.string(),
  /** `pending` until someone opens the link mailed to `verifyEmail`. */
  status: z.enum(['pending', 'verified']),
  enrollment: DomainEnrollmentSchema,
  verifyEmail: z.string(),
  createdAt: TimestampSchema,
  verifiedAt: TimestampSchema.nullable(),
  version: VersionSchema,
});
export type OrgDomain = z.infer<typeof OrgDomainSchema>;

/** `GET /api/orgs/:orgId/domains` (admins). */
export const ListOrgDomainsResponseSchema = z.object({ items: z.array(OrgDomainSchema) });
export type ListOrgDomainsResponse = z.infer<typeof ListOrgDomainsResponseSchema>;

/**
 * `POST /api/orgs/:orgId/domains` (admins): the verification link goes to `verifyEmail`, which
 * must be at `domain`. A public mail domain is `PUBLIC_EMAIL_DOMAIN`.
 */
export const AddOrgDomainSchema = z.object({ domain: DomainNameSchema, verifyEmail: AccountEmailSchema }).strict();
export type AddOrgDomain = z.infer<typeof AddOrgDomainSchema>;

/** `POST /api/orgs/:orgId/domains/:id/verify`: the token from the mailed link. */
export const VerifyOrgDomainSchema = z.object({ token: text({ min: 1, max: 200 }) }).strict();
export type VerifyOrgDomain = z.infer<typeof VerifyOrgDomainSchema>;

/** `PATCH /api/orgs/:orgId/domains/:id` (admins): the enrollment mode, at the domain's version. */
export const UpdateOrgDomainSchema = z.object({ enrollment: DomainEnrollmentSchema, version: VersionSchema }).strict();
export type UpdateOrgDomain = z.infer<typeof UpdateOrgDomainSchema>;

/** Answer of add, verify and update. */
export const OrgDomainResponseSchema = z.object({ domain: OrgDomainSchema });
export type OrgDomainResponse = z.infer<typeof OrgDomainResponseSchema>;

/** An org that a person's verified address lets them join or ask to join. */
export const SuggestedOrgSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  domain: z.string(),
  enrollment: z.enum(['suggest', 'request']),
  /** They already asked (request mode) and the admins have not decided yet. */
  requested: z.boolean(),
});
export type SuggestedOrg = z.infer<typeof SuggestedOrgSchema>;

/** `GET /api/me/suggested-orgs`. */
export const ListSuggestedOrgsResponseSchema = z.object({ items: z.array(SuggestedOrgSchema) });
export type ListSuggestedOrgsResponse = z.infer<typeof ListSuggestedOrgsResponseSchema>;

/** `POST /api/me/suggested-orgs/:orgId/join`: joined at once, or asked the admins. */
export const JoinSuggestedOrgResponseSchema = z.object({
  outcome: z.enum(['joined', 'requested']),
  orgId: IdSchema,
});
export type JoinSuggestedOrgResponse = z.infer<typeof JoinSuggestedOrgResponseSchema>;

/** Data of `domain.added`, `domain.verified`, `domain.updated` and `domain.removed`. */
export const OrgDomainChangedDataSchema = z.object({ domain: OrgDomainSchema });
