import { sql, type Kysely } from 'kysely';
import type { DomainEnrollment, OrgDomain } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

const columns = [
  'id',
  'domain',
  'status',
  'enrollment',
  'verify_email',
  'created_at',
  'verified_at',
  'version',
  'token_hash',
  'token_expires_at',
] as const;

export interface OrgDomainRow extends OrgDomain {
  tokenHash: string | null;
  tokenExpiresAt: Date | null;
}

function toDomain(row: {
  id: string;
  domain: string;
  status: 'pending' | 'verified';
  enrollment: DomainEnrollment;
  verify_email: string;
  created_at: Date | string;
  verified_at: Date | string | null;
  version: number;
  token_hash: string | null;
  token_expires_at: Date | string | null;
}): OrgDomainRow {
  return {
    id: row.id,
    domain: row.domain,
    status: row.status,
    enrollment: row.enrollment,
    verifyEmail: row.verify_email,
    createdAt: new Date(row.created_at).toISOString(),
    verifiedAt: row.verified_at === null ? null : new Date(row.verified_at).toISOString(),
    version: row.version,
    tokenHash: row.token_hash,
    tokenExpiresAt: row.token_expires_at === null ? null : new Date(row.token_expires_at),
  };
}

/** The contract's view of a row: never the token's hash. */
export function publicDomain({ tokenHash: _hash, tokenExpiresAt: _expiry, ...domain }: OrgDomainRow): OrgDomain {
  return domain;
}

export async function listDomains(db: Db, orgId: string): Promise<OrgDomainRow[]> {
  const rows = await db
    .selectFrom('org_domains')
    .select(columns)
    .where('org_id', '=', orgId)
    .orderBy('domain')
    .execute();
  return rows.map(toDomain);
}

export async function readDomain(db: Db, orgId: string, id: string): Promise<OrgDomainRow | null> {
  const row = await db
    .selectFrom('org_domains')
    .select(columns)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toDomain(row) : null;
}

/** Whether this org has the domain, and whether another org verified it. */
export async function domainHolders(db: Db, orgId: string, domain: string) {
  const rows = await db
    .selectFrom('org_domains')
    .select(['org_id', 'status'])
    .where('domain', '=', domain)
    .where((eb) => eb.or([eb('org_id', '=', orgId), eb('status', '=', 'verified')]))
    .execute();
  return {
    here: rows.some((r) => r.org_id === orgId),
    verifiedElsewhere: rows.some((r) => r.org_id !== orgId && r.status === 'verified'),
  };
}

export async function insertDomain(
  db: Db,
  row: {
    id: string;
    orgId: string;
    domain: string;
    verifyEmail: string;
    tokenHash: string;
    expiresAt: Date;
    by: string;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('org_domains')
    .values({
      id: row.id,
      org_id: row.orgId,
      domain: row.domain,
      status: 'pending',
      verify_email: row.verifyEmail,
      token_hash: row.tokenHash,
      token_expires_at: row.expiresAt,
      created_by: row.by,
      created_at: row.at,
    })
    .execute();
}

export async function markVerified(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable('org_domains')
    .set({ status: 'verified', verified_at: at, token_hash: null, token_expires_at: null, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function writeEnrollment(db: Db, id: string, enrollment: DomainEnrollment): Promise<void> {
  await db
    .updateTable('org_domains')
    .set({ enrollment, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function deleteDomain(db: Db, id: string): Promise<void> {
  await db.deleteFrom('org_domains').where('id', '=', id).execute();
}

/** Active orgs whose verified domain `domain` lets people join or ask, with the mode. */
export async function orgsEnrollingAt(db: Db, domain: string) {
  return db
    .selectFrom('org_domains as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .select(['o.id as orgId', 'o.name as orgName', 'd.domain', 'd.enrollment'])
    .where('d.domain', '=', domain)
    .where('d.status', '=', 'verified')
    .where('d.enrollment', '!=', 'off')
    .where('o.status', '=', 'active')
    .execute();
}

/** The verified, enrolling domain row of one org for `domain`, read under the org's lock. */
export async function enrollingDomain(db: Db, orgId: string, domain: string) {
  return db
    .selectFrom('org_domains')
    .select(['domain', 'enrollment'])
    .where('org_id', '=', orgId)
    .where('domain', '=', domain)
    .where('status', '=', 'verified')
    .where('enrollment', '!=', 'off')
    .executeTakeFirst();
}
