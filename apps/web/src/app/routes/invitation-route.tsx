import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { getMe } from '../../features/auth/api/me-query.ts';
import { isApiError } from '../../lib/api-error.ts';
import { useSignOut } from '../../features/auth/api/use-sign-out.ts';
import { InvitationLanding } from '../../features/invitee/components/invitation-landing.tsx';
import { toast } from '../../components/ui/toast-store.ts';
import { disconnectSocket } from '../../lib/socket.ts';
import { Logo } from '../components/logo.tsx';
import { orgLandingPath } from './safe-next.ts';
import '../app-shell.css';
import '../../features/invitee/components/invitee.css';

/** `/invitations/:token`, public: composes who is signed in (auth) with the link's invitation (invitee). */
export function InvitationRoute() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  // Public page: being signed out is an answer here, not a lost session to send to sign-in.
  const me = useQuery({
    queryKey: ['me', 'optional'],
    queryFn: ({ signal }) =>
      getMe(signal).catch((error: unknown) => {
        if (isApiError(error, 'UNAUTHENTICATED')) return null;
        throw error;
      }),
    retry: false,
  });
  const signOut = useSignOut();
  const next = encodeURIComponent(`/invitations/${token}`);
  return (
    <main className="invitee-page" id="main">
      <Logo />
      <InvitationLanding
        token={token}
        viewerEmail={me.data?.user.email ?? null}
        onSwitchAccount={() =>
          signOut.mutate(undefined, {
            onSuccess: () => {
              disconnectSocket();
              void navigate(`/sign-in?next=${next}`, { replace: true });
            },
            onError: () => toast({ tone: 'error', title: 'Could not sign out', description: 'Try again.' }),
          })
        }
        onAccepted={(answer) => {
          toast({
            tone: 'success',
            title: answer.alreadyMember ? 'You were already a member' : 'Welcome aboard',
            description: answer.alreadyMember ? 'Your role stays as it was.' : undefined,
          });
          void navigate(orgLandingPath(answer.orgId, answer.role), { replace: true });
        }}
      />
    </main>
  );
}
