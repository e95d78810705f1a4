import type { Member } from '@roster/contracts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { PresenceHint } from '../../../lib/presence/presence-hint.tsx';

/** Avatar, name and email; "You" and "Lite" say what the rules will treat differently. */
export function MemberIdentity({ member, isYou }: { member: Member; isYou: boolean }) {
  return (
    <div className="member-identity">
      <Avatar name={member.name} seed={member.userId} />
      <div className="member-identity__text">
        <div className="member-identity__name">
          <span className="truncate">{member.name}</span>
          {isYou && <Badge>You</Badge>}
          {member.lite && (
            <Badge tone="pending" title="Lite access: sees only the workspaces it was given, no usage or cost data">
              Lite
            </Badge>
          )}
          <PresenceHint kind="member" id={member.userId} />
        </div>
        <div className="member-identity__email truncate">{member.email}</div>
      </div>
    </div>
  );
}
