import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as initial from './migrations/0001-initial.ts';
import * as memberCounts from './migrations/0002-member-counts.ts';
import * as invitations from './migrations/0003-invitations.ts';
import * as inviteRequests from './migrations/0004-invite-requests.ts';
import * as provenIdentity from './migrations/0005-proven-identity.ts';
import * as copiedInvitationLinks from './migrations/0006-copied-invitation-links.ts';
import * as orgSlugRedirects from './migrations/0007-org-slug-redirects.ts';
import * as orgDeletion from './migrations/0008-org-deletion.ts';
import * as orgDomains from './migrations/0009-org-domains.ts';
import * as auditIndexes from './migrations/0010-audit-indexes.ts';
import * as auditRetention from './migrations/0011-audit-retention.ts';
import * as auditRequestContext from './migrations/0012-audit-request-context.ts';
import * as auditFilterIndexes from './migrations/0013-audit-filter-indexes.ts';
import * as memberAddressIndex from './migrations/0014-member-address-index.ts';
import * as apiKeys from './migrations/0015-api-keys.ts';
import * as webhooks from './migrations/0016-webhooks.ts';
import type { Db } from './connect.ts';

/** Migrations are listed here, in order, so bundlers and tsx need no folder scanning. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-member-counts': memberCounts,
  '0003-invitations': invitations,
  '0004-invite-requests': inviteRequests,
  '0005-proven-identity': provenIdentity,
  '0006-copied-invitation-links': copiedInvitationLinks,
  '0007-org-slug-redirects': orgSlugRedirects,
  '0008-org-deletion': orgDeletion,
  '0009-org-domains': orgDomains,
  '0010-audit-indexes': auditIndexes,
  '0011-audit-retention': auditRetention,
  '0012-audit-request-context': auditRequestContext,
  '0013-audit-filter-indexes': auditFilterIndexes,
  '0014-member-address-index': memberAddressIndex,
  '0015-api-keys': apiKeys,
  '0016-webhooks': webhooks,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Brings the schema up to date; safe to call on every start. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migrations' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
