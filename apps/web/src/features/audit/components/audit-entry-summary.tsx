import type { ReactNode } from 'react';
import type { AuditEntry } from '@roster/contracts';
import { auditActionLabel } from '../utils/audit-action-label.ts';
import { AuditActor, AuditChange, AuditTargetName, AuditTime } from './audit-entry-parts.tsx';
import '../../../components/ui/card-list.css';

interface EntrySummaryProps {
  entry: AuditEntry;
  /** Whose history the entry is read in: an entry about them does not name them again. */
  subjectId?: string;
  /** Buttons that act on the entry (undo it, say), under what it changed. */
  actions?: ReactNode;
}

/**
 * One entry read top to bottom: what happened and when, by whom and about whom, then what it
 * changed. The body of a card-list item: the log's cards on a phone and a member's history.
 */
export function AuditEntrySummary({ entry, subjectId, actions }: EntrySummaryProps) {
  const aboutSubject = subjectId !== undefined && entry.target.id === subjectId;
  return (
    <>
      <div className="card-list__head">
        <strong>{auditActionLabel(entry.action)}</strong>
        <AuditTime at={entry.at} />
      </div>
      <div className="card-list__line audit-entry__people">
        <span className="audit-entry__by">
          by <AuditActor actor={entry.actor} />
        </span>
        {!aboutSubject && <AuditTargetName target={entry.target} />}
      </div>
      <AuditChange entry={entry} />
      {actions && <div className="audit-entry__actions">{actions}</div>}
    </>
  );
}
