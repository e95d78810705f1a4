import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { DevMail } from '@roster/contracts';
import { Icon } from '../../../components/ui/icon.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { useTicking } from '../../../lib/clock.ts';
import { formatRelative } from '../../../lib/relative-time.ts';
import { devMailboxQueryOptions } from '../api/dev-mailbox-query.ts';
import './invitee.css';

/** Invitation links in a mail body: opened inside the app when they point at it. */
const LINK = /(https?:\/\/[^\s<>"')]+)/g;

/**
 * Mail the server would have sent, while no SMTP server is configured: a newcomer clicks the
 * invitation link end to end. Text is rendered as text; HTML only in a sandboxed iframe.
 */
export function DevMailboxPage() {
  const mailbox = useQuery({ ...devMailboxQueryOptions(), refetchInterval: 3_000 });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [view, setView] = useState<'text' | 'html'>('text');
  if (mailbox.isPending) {
    return (
      <div className="dev-mailbox dev-mailbox--center">
        <Spinner size={18} label="Loading the dev mailbox" />
      </div>
    );
  }
  if (mailbox.isError || mailbox.data === null) {
    return (
      <div className="dev-mailbox dev-mailbox--center">
        <StatePanel icon="mail" as="h1" title="No dev mailbox here">
          <p>This server sends real mail (SMTP is configured), so invitations arrive in people’s inboxes.</p>
        </StatePanel>
      </div>
    );
  }
  const mails = mailbox.data.items;
  const selected = mails.find((m) => m.id === selectedId) ?? mails[0];
  return (
    <div className="dev-mailbox">
      <header className="dev-mailbox__header">
        <div>
          <h1>Dev mailbox</h1>
          <p>Mail Roster sent while no SMTP server is configured. Newest first; refreshes every few seconds.</p>
        </div>
        <Link to="/" className="button button--secondary">
          Back to Roster
        </Link>
      </header>
      {mails.length === 0 ? (
        <div className="members-card">
          <StatePanel icon="inbox" title="No mail yet">
            <p>Invite someone from a members page: the invitation mail lands here.</p>
          </StatePanel>
        </div>
      ) : (
        <div className="dev-mailbox__panes">
          <ul className="dev-mailbox__list" aria-label="Mails">
            {mails.map((mail) => (
              <li key={mail.id}>
                <button
                  type="button"
                  className="dev-mail"
                  aria-current={mail.id === selected?.id ? 'true' : undefined}
                  onClick={() => setSelectedId(mail.id)}
                >
                  <span className="dev-mail__to truncate">{mail.to}</span>
                  <span className="dev-mail__subject truncate">{mail.subject}</span>
                  <span className="dev-mail__time">
                    <When at={mail.createdAt} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {selected && <MailView mail={selected} view={view} onViewChange={setView} />}
        </div>
      )}
    </div>
  );
}

function MailView({
  mail,
  view,
  onViewChange,
}: {
  mail: DevMail;
  view: 'text' | 'html';
  onViewChange: (v: 'text' | 'html') => void;
}) {
  return (
    <article className="dev-mail-view" aria-label={`Mail to ${mail.to}`}>
      <header className="dev-mail-view__head">
        <h2>{mail.subject}</h2>
        <dl>
          <dt>To</dt>
          <dd>{mail.to}</dd>
          <dt>Sent</dt>
          <dd>{new Date(mail.createdAt).toLocaleString()}</dd>
        </dl>
        {mail.html && (
          <div className="segmented" role="tablist" aria-label="Mail format">
            {(['text', 'html'] as const).map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={view === v}
                className="segmented__item"
                onClick={() => onViewChange(v)}
              >
                {v === 'text' ? 'Text' : 'HTML'}
              </button>
            ))}
          </div>
        )}
      </header>
      {view === 'html' && mail.html ? (
        // No scripts, no same-origin: the mail's HTML cannot touch the app; links open in a new tab.
        <iframe
          className="dev-mail-view__html"
          title={`HTML of ${mail.subject}`}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={`<base target="_blank">${mail.html}`}
        />
      ) : (
        <pre className="dev-mail-view__text">
          <LinkedText text={mail.text} />
        </pre>
      )}
    </article>
  );
}

/** The text with its links clickable; links into this app stay in this tab. */
function LinkedText({ text }: { text: string }) {
  return (
    <>
      {text.split(LINK).map((part, i) => {
        if (i % 2 === 0) return part;
        const url = new URL(part);
        const inApp = url.pathname.startsWith('/invitations/');
        return inApp ? (
          <Link key={i} to={url.pathname + url.search}>
            {part}
          </Link>
        ) : (
          <a key={i} href={part} target="_blank" rel="noreferrer noopener">
            {part}
            <Icon name="link" size={12} />
          </a>
        );
      })}
    </>
  );
}

function When({ at }: { at: string }) {
  return <>{useTicking((now) => formatRelative(at, now))}</>;
}
