import type { AuditEntry } from '@roster/contracts';
import { formatRelative } from '../../../lib/relative-time.ts';
import { auditDiff } from '../utils/audit-diff.ts';
import './audit-entry.css';

const absoluteFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });

/** "3 min ago", with the exact moment on hover and for assistive technology. */
export function AuditTime({ at }: { at: string }) {
  const absolute = absoluteFormat.format(Date.parse(at));
  return (
    <time dateTime={at} title={absolute} className="audit-time">
      {formatRelative(at)}
    </time>
  );
}

/** Who did it, named as they were then; the server for changes no person made. */
export function AuditActor({ actor }: { actor: AuditEntry['actor'] }) {
  return (
    <span className="audit-actor">
      {actor.kind === 'system' ? 'Roster' : actor.kind === 'api_key' ? `API key ${actor.name}` : actor.name}
    </span>
  );
}

const TARGET_KINDS: Record<AuditEntry['target']['kind'], string> = {
  member: 'Member',
  invitation: 'Invitation',
  workspace: 'Workspace',
  org: 'Organization',
  settings: 'Settings',
  domain: 'Mail domain',
  api_key: 'API key',
  other: '',
};

/** What it was about: its name and email at the time, or its kind when it had none. */
export function AuditTargetName({ target }: { target: AuditEntry['target'] }) {
  const name = target.name ?? target.email ?? TARGET_KINDS[target.kind];
  return (
    <span className="audit-target">
      <span className="audit-target__name">{name || '—'}</span>
      {target.email && target.name && <span className="audit-target__email">{target.email}</span>}
    </span>
  );
}

/** Before → after in words ("Role: Member → Admin"), then the other keys it changed. */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  const diff = auditDiff(entry.before, entry.after);
  const where = workspaceOf(entry);
  const lines = where ? [`Workspace: ${where}`, ...diff.lines] : diff.lines;
  const { otherKeys } = diff;
  if (lines.length === 0 && otherKeys.length === 0) return <span className="audit-change audit-change--none">—</span>;
  return (
    <span className="audit-change">
      {lines.map((line) => (
        <span key={line} className="audit-change__line">
          {line}
        </span>
      ))}
      {otherKeys.length > 0 && (
        <span className="audit-change__line audit-change__other">Changed: {otherKeys.join(', ')}</span>
      )}
    </span>
  );
}

/** The workspace a change to someone's place in it was about, by its name then. */
function workspaceOf(entry: AuditEntry): string | null {
  const data = entry.data as { workspaceName?: unknown } | null;
  return entry.action.startsWith('workspace.member_') && typeof data?.workspaceName === 'string'
    ? data.workspaceName
    : null;
}
