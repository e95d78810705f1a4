import type { ReactNode } from 'react';
import { PresenceAvatars } from './presence-people.tsx';
import './presence.css';

/** An admin page's heading, with who else is on the page beside it. */
export function PresenceTitle({ children }: { children: ReactNode }) {
  return (
    <div className="presence-title">
      <h1>{children}</h1>
      <PresenceAvatars />
    </div>
  );
}
