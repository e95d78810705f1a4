import type { DomainEnrollment } from '@roster/contracts';
import type { SelectOption } from '../../../components/ui/select.tsx';

/** The enrollment modes as admins choose them. */
export const enrollmentOptions: readonly SelectOption<DomainEnrollment>[] = [
  { value: 'off', label: 'Off', hint: 'Only invited people join.' },
  { value: 'suggest', label: 'Suggest joining', hint: 'People at the domain join as members on one click.' },
  { value: 'request', label: 'Ask admins', hint: 'Their click becomes an invite request you approve.' },
];

export const enrollmentLabel: Record<DomainEnrollment, string> = {
  off: 'Off',
  suggest: 'Suggest joining',
  request: 'Ask admins',
};

/** The part of an address after its last `@`, lowercased (`''` when there is none). */
export function domainOfEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}
