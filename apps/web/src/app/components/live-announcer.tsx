import { useEffect, useState } from 'react';
import { createAnnouncementBatcher } from '../../lib/member-change-announcer.ts';
import { onMemberChangesToAnnounce } from '../live-announcements.ts';

/**
 * The app's one polite live region: other admins' changes to the members list, one sentence per
 * burst. Each announcement is a new node, so the same sentence twice in a row is still read.
 */
export function LiveAnnouncer() {
  const [message, setMessage] = useState({ id: 0, text: '' });
  useEffect(() => {
    const batcher = createAnnouncementBatcher((text) => setMessage((m) => ({ id: m.id + 1, text })));
    const stop = onMemberChangesToAnnounce((changes) => batcher.push(changes));
    return () => {
      stop();
      batcher.stop();
    };
  }, []);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message.text && <p key={message.id}>{message.text}</p>}
    </div>
  );
}
