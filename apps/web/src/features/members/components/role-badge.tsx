import { orgRoleLabel, type OrgRole } from '@roster/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

const tones: Record<OrgRole, BadgeTone> = { ADMIN: 'accent', MEMBER: 'neutral', EXTERNAL: 'teal' };

export function RoleBadge({ role }: { role: OrgRole }) {
  return <Badge tone={tones[role]}>{orgRoleLabel[role]}</Badge>;
}
