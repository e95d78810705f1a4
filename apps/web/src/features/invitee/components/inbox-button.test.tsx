import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { PersonalEvent } from '@roster/contracts';
import { InboxButton } from './inbox-button.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { as, signInAs, withServerApp } from '../../../test/server-app/index.ts';
import { startLiveUpdates } from '../../../lib/live-updates.ts';
import { FakeSocket } from '../../../lib/test-support/fake-socket.ts';
import { inviteeKeys } from '../api/invitee-keys.ts';

withServerApp();

let stop = () => {};

/** Eve's one pending invitation: Ada founds Initech and invites her. */
async function inviteEveToInitech() {
  const { org } = await as('ada').post<{ org: { id: string } }>('/api/orgs', { name: 'Initech' });
  await as('ada').post(`/api/orgs/${org.id}/invitations`, { emails: ['ext@partner.test'], role: 'MEMBER' });
}
afterEach(() => stop());

function personal(event: Pick<PersonalEvent, 'type' | 'data'>): PersonalEvent {
  return {
    orgId: 'org_acme',
    seq: null,
    at: new Date().toISOString(),
    actor: { id: 'usr_ada', name: 'Ada Lovelace' },
    ...event,
  } as PersonalEvent;
}

describe('InboxButton', () => {
  it('counts pending invitations, and received or withdrawn ones come and go live', async () => {
    await inviteEveToInitech();
    signInAs('ext');
    const { user, queryClient } = renderRoute(<InboxButton onAccepted={() => {}} />);
    const socket = new FakeSocket();
    stop = startLiveUpdates({
      socket,
      queryClient,
      meKey: ['me'],
      membersListsKey: (orgId) => ['members', orgId, 'list'],
      parseMembersListKey: () => null,
      invitations: {
        invitationListsKey: (orgId) => ['invitations', orgId, 'list'],
        parseInvitationListKey: () => null,
        myInvitationsKey: inviteeKeys.mine,
      },
    });
    expect(await screen.findByRole('button', { name: 'Invitations: 1 pending' })).toBeInTheDocument();

    socket.serverEmit(
      'roster:event',
      personal({
        type: 'invitation.received',
        data: {
          invitation: {
            id: 'inv_live',
            orgId: 'org_acme',
            orgName: 'Acme',
            inviterName: 'Ada Lovelace',
            role: 'EXTERNAL',
            createdAt: new Date().toISOString(),
            expiresAt: null,
          },
        },
      }),
    );
    const button = await screen.findByRole('button', { name: 'Invitations: 2 pending' });
    await user.click(button);
    const list = await screen.findByRole('list', { name: 'Your invitations' });
    expect(within(list).getByText('Acme')).toBeInTheDocument();
    expect(within(list).getByText(/Ada Lovelace invited you as External/)).toBeInTheDocument();

    socket.serverEmit(
      'roster:event',
      personal({ type: 'invitation.withdrawn', data: { invitationId: 'inv_live', reason: 'revoked' } }),
    );
    expect(await screen.findByRole('button', { name: 'Invitations: 1 pending' })).toBeInTheDocument();
    expect(within(list).queryByText('Acme')).not.toBeInTheDocument();
  });
});
