import type { DevMail, Invitation, InvitationStatus } from '@roster/contracts';
import { db, type MockDb } from './db.ts';
import { buildAcmeInvitations, buildInvitation } from '../test/fixtures/invitations-fixtures.ts';
import { demoPeople } from '../test/fixtures/people.ts';

/** An invitation as the mock server keeps it: the row, its org, its token, and decided states. */
export interface StoredInvitation {
  orgId: string;
  token: string;
  /** The link an admin copied, valid beside the mailed one. */
  linkToken?: string;
  row: Invitation;
  /** Terminal states are kept so a used or revoked link explains itself (410, accepted…). */
  status: InvitationStatus;
  lastMailAt: number | null;
}

export interface InvitationStore {
  invitations: StoredInvitation[];
  mails: DevMail[];
  /** Scenario knobs. */
  mailFails: boolean;
  nextId: number;
}

export interface InvitationStoreOptions {
  moreExpired?: boolean;
  mailFails?: boolean;
}

let options: InvitationStoreOptions = {};
/** Kept per mock db, so `resetMockDb()` (every test) starts the invitations over as well. */
const stores = new WeakMap<MockDb, InvitationStore>();

export function configureInvitationStore(next: InvitationStoreOptions) {
  options = next;
}

export function invitationStore(): InvitationStore {
  let store = stores.get(db);
  if (!store) {
    store = seed();
    stores.set(db, store);
  }
  return store;
}

function seed(): InvitationStore {
  const acme = buildAcmeInvitations({ moreExpired: options.moreExpired });
  const { grace } = demoPeople;
  // Invitations to demo people, so their inbox has something in it.
  const inbox = [
    buildInvitation({ id: 'inv_101', email: 'ext@partner.test', status: 'pending', by: grace, hoursAgo: 3 }),
  ];
  const invitations: StoredInvitation[] = [
    ...acme.map((row) => ({ orgId: 'org_acme', token: `tok_${row.id}`, row, status: row.status, lastMailAt: null })),
    ...inbox.map((row) => ({
      orgId: 'org_initech',
      token: `tok_${row.id}`,
      row,
      status: row.status,
      lastMailAt: null,
    })),
  ];
  return { invitations, mails: [], mailFails: options.mailFails ?? false, nextId: 200 };
}

export const liveStatuses = new Set<InvitationStatus>(['pending', 'requested']);
