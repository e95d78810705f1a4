import { sql, type Kysely } from 'kysely';
import { OrgSettingsSchema, type OrgSettings, type OrgSettingsResponse } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';
import { jsonb } from '../../db/json.ts';

export async function readSettings(db: Kysely<Database>, orgId: string): Promise<OrgSettingsResponse | null> {
  const row = await db
    .selectFrom('organizations')
    .select(['settings', 'version'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row ? { settings: OrgSettingsSchema.parse(row.settings), version: row.version } : null;
}

/** Writes the settings only if nobody changed them since `version`; returns whether it did. */
export async function writeSettings(
  db: Kysely<Database>,
  orgId: string,
  settings: OrgSettings,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('organizations')
    .set({ settings: jsonb(settings), version: sql`version + 1` })
    .where('id', '=', orgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Who last changed the settings and when, from the audit log (for a conflict's "who"). */
export async function lastSettingsChange(db: Kysely<Database>, orgId: string) {
  const row = await db
    .selectFrom('events')
    .select(['actor_id', 'actor_name', 'at'])
    .where('org_id', '=', orgId)
    .where('type', '=', 'settings.updated')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? { changedBy: { id: row.actor_id, name: row.actor_name }, changedAt: new Date(row.at).toISOString() }
    : { changedBy: null, changedAt: null };
}

/** Whether the person signs in with a second factor, as their account row says now. */
export async function hasTwoFactor(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('two_factor_enabled').where('id', '=', userId).executeTakeFirst();
  return row?.two_factor_enabled === true;
}
