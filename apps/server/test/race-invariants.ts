import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Db } from '../src/db/connect.ts';
import type { Database } from '../src/db/schema.ts';
import { countSeatsUsed } from '../src/modules/invitations/invitation-lookups.repository.ts';

type Reader = Kysely<Database>;

/** What an org looks like between two pairs: enough to tell that versions only went up. */
export interface OrgSnapshot {
  members: Map<string, { role: string; version: number }>;
  invitations: Map<string, { status: string; role: string; version: number }>;
  orgVersion: number;
  eventSeq: number;
  lastEventId: number;
}

export async function snapshotOrg(db: Db, orgId: string): Promise<OrgSnapshot> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((tx) => readSnapshot(tx, orgId));
}

async function readSnapshot(tx: Reader, orgId: string): Promise<OrgSnapshot> {
  const members = await tx
    .selectFrom('org_members')
    .select(['user_id', 'role', 'version'])
    .where('org_id', '=', orgId)
    .execute();
  const invitations = await tx
    .selectFrom('invitations')
    .select(['id', 'status', 'role', 'version'])
    .where('org_id', '=', orgId)
    .execute();
  const org = await tx
    .selectFrom('organizations')
    .select(['version', 'event_seq'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const last = await tx
    .selectFrom('events')
    .select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql<number>`0`).as('id'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return {
    members: new Map(members.map((m) => [m.user_id, { role: m.role, version: m.version }])),
    invitations: new Map(invitations.map((i) => [i.id, { status: i.status, role: i.role, version: i.version }])),
    orgVersion: org.version,
    eventSeq: org.event_seq,
    lastEventId: Number(last.id),
  };
}

/**
 * The invariants every org keeps whatever raced in it, read in one snapshot: at least one
 * admin, one membership per person and address, one live invitation per address (and none for
 * a member), seats within the cap, member counts that match, a gap-free seq that equals the
 * event rows, and versions that only go up. Also returns the org events written since `before`.
 */
export async function checkOrgInvariants(db: Db, orgId: string, before: OrgSnapshot) {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const problems: string[] = [];
      const after = await readSnapshot(tx, orgId);
      const admins = [...after.members.values()].filter((m) => m.role === 'ADMIN').length;
      if (admins < 1) problems.push('no admin left');

      const emails = await tx
        .selectFrom('org_members')
        .select(['email', (eb) => eb.fn.countAll<string>().as('n')])
        .where('org_id', '=', orgId)
        .groupBy('email')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      if (emails.length) problems.push(`duplicate memberships: ${emails.map((e) => e.email).join(', ')}`);

      const live = await tx
        .selectFrom('invitations')
        .select(['email_lower', (eb) => eb.fn.countAll<string>().as('n')])
        .where('org_id', '=', orgId)
        .where('status', 'in', ['requested', 'pending'])
        .groupBy('email_lower')
        .execute();
      const twice = live.filter((l) => Number(l.n) > 1).map((l) => l.email_lower);
      if (twice.length) problems.push(`more than one live invitation for ${twice.join(', ')}`);
      const memberEmails = await tx.selectFrom('org_members').select('email').where('org_id', '=', orgId).execute();
      const invitedMembers = live.filter((l) => memberEmails.some((m) => m.email === l.email_lower));
      if (invitedMembers.length)
        problems.push(`live invitation for a member: ${invitedMembers.map((l) => l.email_lower).join(', ')}`);

      const org = await tx
        .selectFrom('organizations')
        .select('settings')
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      const cap = (org.settings as { memberCap: number | null }).memberCap;
      const used = await countSeatsUsed(tx, orgId, new Date());
      if (cap !== null && used > cap) problems.push(`${used} seats used of ${cap}`);

      const counts = await tx
        .selectFrom('org_member_counts')
        .select(['role', 'count'])
        .where('org_id', '=', orgId)
        .execute();
      for (const role of ['ADMIN', 'MEMBER', 'EXTERNAL']) {
        const counted = Number(counts.find((c) => c.role === role)?.count ?? 0);
        const actual = [...after.members.values()].filter((m) => m.role === role).length;
        if (counted !== actual) problems.push(`${role} count ${counted}, but ${actual} members`);
      }

      const seqs = await tx
        .selectFrom('events')
        .select(['seq'])
        .where('org_id', '=', orgId)
        .where('seq', 'is not', null)
        .orderBy('seq')
        .execute();
      const gapFree = seqs.every((e, i) => e.seq === i + 1);
      if (!gapFree || seqs.length !== after.eventSeq) {
        problems.push(
          `event_seq ${after.eventSeq} with ${seqs.length} seq'd events${gapFree ? '' : ' (gaps or repeats)'}`,
        );
      }

      problems.push(...versionsWentUp(before, after));

      const written = await tx
        .selectFrom('events')
        .select(['type', (eb) => eb.fn.countAll<string>().as('n')])
        .where('org_id', '=', orgId)
        .where('id', '>', before.lastEventId)
        .where('seq', 'is not', null)
        .where('type', '!=', 'invitation.delivery_changed')
        .groupBy('type')
        .execute();
      return { problems, written: new Map(written.map((w) => [w.type, Number(w.n)])) };
    });
}

function versionsWentUp(before: OrgSnapshot, after: OrgSnapshot): string[] {
  const problems: string[] = [];
  if (after.orgVersion < before.orgVersion) problems.push('organization version went down');
  if (after.eventSeq < before.eventSeq) problems.push('event_seq went down');
  for (const [id, was] of before.members) {
    const now = after.members.get(id);
    if (!now) continue;
    if (now.version < was.version) problems.push(`member ${id} version ${was.version} → ${now.version}`);
    if (now.role !== was.role && now.version === was.version)
      problems.push(`member ${id} changed without a new version`);
  }
  for (const [id, was] of before.invitations) {
    const now = after.invitations.get(id);
    if (!now) continue;
    if (now.version < was.version) problems.push(`invitation ${id} version ${was.version} → ${now.version}`);
    const changed = now.status !== was.status || now.role !== was.role;
    if (changed && now.version === was.version) problems.push(`invitation ${id} changed without a new version`);
  }
  return problems;
}

/** The orgs, among `orgIds`, whose event_seq differs from their seq'd event rows (the final sweep). */
export async function orgsWithSeqDrift(db: Db, orgIds: string[]): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('organizations as o')
    .leftJoin('events as e', (join) => join.onRef('e.org_id', '=', 'o.id').on('e.seq', 'is not', null))
    .select(['o.id', 'o.event_seq', (eb) => eb.fn.count<string>('e.id').as('n'), (eb) => eb.fn.max('e.seq').as('top')])
    .where('o.id', 'in', orgIds)
    .groupBy(['o.id', 'o.event_seq'])
    .execute();
  return rows.filter((r) => Number(r.n) !== r.event_seq || Number(r.top ?? 0) !== r.event_seq).map((r) => r.id);
}
