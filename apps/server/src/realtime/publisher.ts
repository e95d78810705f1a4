import type { OrgEvent, OrgRole, PersonalEvent } from '@roster/contracts';

/**
 * Where committed changes go once the transaction is durable. The realtime module implements
 * it over Socket.IO; tests without sockets use `silentPublisher`.
 */
export interface Publisher {
  /** Org events go to the org's admin room; a workspace's, as `workspace.changed`, to its owners room too. */
  publishOrgEvents(events: OrgEvent[]): void;
  /** A personal event goes to one person's own tabs. */
  publishPersonal(userId: string, event: PersonalEvent): void;
  /** A seq-less event for every member's tabs (news that is no secret, like the settings). */
  publishToMembers(orgId: string, event: PersonalEvent): void;
  /** Re-decides which of the org's rooms a person's sockets sit in; null: none (removed). */
  setAccess(orgId: string, userId: string, role: OrgRole | null): void;
  /** Puts a person's sockets in (or takes them out of) one workspace's owners room. */
  setWorkspaceAccess(orgId: string, workspaceId: string, userId: string, isOwner: boolean): void;
  /** Closes every socket of these sign-in sessions, on every process (they were revoked). */
  disconnectSessions(sessionIds: readonly string[]): void;
  /** Closes every socket of one person (their account is gone). */
  disconnectUser(userId: string): void;
}

export const silentPublisher: Publisher = {
  publishOrgEvents() {},
  publishPersonal() {},
  publishToMembers() {},
  setAccess() {},
  setWorkspaceAccess() {},
  disconnectSessions() {},
  disconnectUser() {},
};
