import { Badge } from '../../../components/ui/badge.tsx';

/**
 * "On"/"Off" for the 2FA column, read out in full ("Two-factor sign-in on"). Outside the table
 * (a member's card) `labelled` shows "2FA" in the badge itself.
 */
export function TwoFactorBadge({ on, labelled = false }: { on: boolean; labelled?: boolean }) {
  return (
    <Badge tone={on ? 'success' : 'neutral'}>
      <span className="visually-hidden">Two-factor sign-in </span>
      {labelled && <span aria-hidden="true">2FA </span>}
      {on ? 'On' : 'Off'}
    </Badge>
  );
}
