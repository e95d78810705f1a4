import type { Answer, Person, RaceWorld } from './race-world.ts';

/** What a request does, so the runner knows which event rows its success must have written. */
export type RaceAction = 'role' | 'remove' | 'leave' | 'invite' | 'approve' | 'accept';

export interface RaceRequest {
  action: RaceAction;
  send(): Promise<Answer>;
}

/** Two requests fired at one org at (nearly) the same time, and what their outcome must be. */
export interface RacePair {
  kind: string;
  orgId: string;
  requests: [RaceRequest, RaceRequest];
  /** Checks of this kind of pair beyond the org-wide invariants; returns what went wrong. */
  check(answers: Answer[]): Promise<string[]>;
}

export const errorCode = (answer: Answer): string | undefined => answer.body?.error?.code;

export const describeAnswer = (a: Answer) => `${a.status}${errorCode(a) ? ` ${errorCode(a)}` : ''}`;

/** The org events a successful answer stands for, by type (an idempotent replay wrote nothing new). */
export function eventsOf(requests: RaceRequest[], answers: Answer[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (type: string, n = 1) => counts.set(type, (counts.get(type) ?? 0) + n);
  const invitations = new Map<string, string>();
  requests.forEach(({ action }, i) => {
    const answer = answers[i]!;
    if (answer.status >= 300) return;
    if (action === 'role') add('member.role_changed');
    if (action === 'remove') add('member.removed');
    if (action === 'leave') add('member.left');
    if (action === 'approve') add('invite_request.approved');
    if (action === 'accept') {
      add('invitation.accepted');
      if (!answer.body.alreadyMember) add('member.joined');
    }
    if (action === 'invite') {
      for (const r of answer.body.results as Array<{ status: string; invitationId?: string }>) {
        if (r.status === 'invited') invitations.set(r.invitationId!, 'invitation.created');
        if (r.status === 'requested') invitations.set(r.invitationId!, 'invitation.requested');
      }
    }
  });
  for (const type of invitations.values()) add(type);
  return counts;
}

let addressCounter = 0;
export const freshAddress = () => `race-${Date.now().toString(36)}-${++addressCounter}@race.test`;

/** Setup steps through the API, so the org's events and seq are what real use leaves behind. */
export async function invite(world: RaceWorld, by: Person, orgId: string, email: string, role = 'MEMBER') {
  const answer = await world.call(by, 0, 'POST', `/api/orgs/${orgId}/invitations`, { emails: [email], role });
  const result = answer.body?.results?.[0];
  if (answer.status !== 200 || !['invited', 'requested'].includes(result?.status)) {
    throw new Error(
      `setup: inviting ${email} answered ${answer.status} ${answer.body?.error?.code ?? JSON.stringify(answer.body)}`,
    );
  }
  return result.invitationId as string;
}

export async function linkToken(world: RaceWorld, admin: Person, orgId: string, invitationId: string) {
  const answer = await world.call(admin, 0, 'POST', `/api/orgs/${orgId}/invitations/${invitationId}/link`, {});
  if (answer.status !== 200) throw new Error(`setup: link answered ${answer.status}`);
  return (answer.body.url as string).split('/invitations/')[1]!;
}

export function expectStatuses(answers: Answer[], allowed: Array<number | string>): string[] {
  return answers
    .filter((a) => !allowed.includes(a.status) && !allowed.includes(describeAnswer(a)))
    .map((a) => `unexpected answer ${describeAnswer(a)}: ${a.body?.error?.message ?? JSON.stringify(a.body)}`);
}
