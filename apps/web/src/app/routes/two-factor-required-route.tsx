import { Link } from 'react-router';
import { StatePanel } from '../../components/ui/state-panel.tsx';
import { orgPath } from '../../lib/org-paths.ts';
import { NotInOrg, useCurrentOrg } from './current-org.tsx';

/** Where any org page goes when the server answers 403 `TWO_FACTOR_REQUIRED`. */
export function TwoFactorRequiredRoute() {
  const { me, org } = useCurrentOrg();
  if (!me) return null;
  if (!org) return <NotInOrg />;
  const done = me.user.twoFactorEnabled;
  return (
    <StatePanel
      icon="lock"
      tone="warning"
      as="h1"
      title={`${org.name} requires two-factor sign-in`}
      actions={
        done ? (
          <Link className="button button--primary" to={orgPath(org.slug, 'members')}>
            Open {org.name}
          </Link>
        ) : (
          <Link className="button button--primary" to="/account#two-factor">
            Set up two-factor sign-in
          </Link>
        )
      }
    >
      <p>
        {done
          ? 'Two-factor sign-in is on for your account now. You can open the organization again.'
          : `Its admins ask everyone to sign in with a code from their phone as well as a password. Set it up on your account page, then come back to ${org.name}.`}
      </p>
    </StatePanel>
  );
}
