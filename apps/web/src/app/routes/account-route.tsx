import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { AccountPage } from '../../features/account/components/account-page.tsx';
import { toast } from '../../components/ui/toast-store.ts';
import { disconnectSocket } from '../../lib/socket.ts';
import { MyOrgsSection } from '../components/my-orgs-section.tsx';

/** `/account`: composes who is signed in (auth) with the account's own settings (account). */
export function AccountRoute() {
  const { data: me } = useQuery(meQueryOptions());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { hash } = useLocation();
  if (!me) return null;
  return (
    <AccountPage
      user={me.user}
      hash={hash}
      emailChanged={search.get('email-changed') === '1'}
      organizations={
        <MyOrgsSection
          organizations={me.organizations}
          onLeft={() => void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey })}
        />
      }
      onMeChanged={() => queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 })}
      onDeleted={() => {
        // As on sign-out: forget the account's data before sign-in's loader asks who is signed in.
        disconnectSocket();
        queryClient.clear();
        toast({
          tone: 'success',
          title: 'Your account was deleted',
          description: 'You’ve been signed out everywhere.',
        });
        void navigate('/sign-in', { replace: true });
      }}
    />
  );
}
