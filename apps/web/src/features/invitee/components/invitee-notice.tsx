import type { ReactNode } from 'react';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import type { IconName } from '../../../components/ui/icon.tsx';

/** A clear page for a link that can't be used (expired, revoked, unknown, already used). */
export function InviteeNotice(props: {
  icon: IconName;
  title: string;
  tone?: 'neutral' | 'warning' | 'danger';
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="invitee-card invitee-card--notice">
      <StatePanel as="h1" {...props} />
    </div>
  );
}
