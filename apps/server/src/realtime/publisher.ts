import type { OrgEvent, PersonalEvent } from '@roster/contracts';

/**
 * Where committed changes go once the transaction is durable. The realtime module implements
 * it over Socket.IO; tests without sockets use `silentPublisher`.
 */
export interface Publisher {
  /** Org events go to the org's admin room. */
  publishOrgEvents(events: OrgEvent[]): void;
  /** A personal event goes to one person's own tabs. */
  publishPersonal(userId: string, event: PersonalEvent): void;
  /** Re-decides whether a person's sockets sit in the org's admin room. */
  setAdminAccess(orgId: string, userId: string, isAdmin: boolean): void;
}

export const silentPublisher: Publisher = {
  publishOrgEvents() {},
  publishPersonal() {},
  setAdminAccess() {},
};
