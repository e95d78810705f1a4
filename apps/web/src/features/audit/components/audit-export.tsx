import type { ExportFormat } from '@roster/contracts';
import { Icon } from '../../../components/ui/icon.tsx';
import { auditExportUrl } from '../api/audit-query.ts';
import type { AuditFilterParams } from '../hooks/use-audit-search-params.ts';

const FORMATS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'csv', label: 'CSV', hint: 'for spreadsheets' },
  { format: 'ndjson', label: 'NDJSON', hint: 'one JSON entry per line' },
];

/**
 * Downloads of the whole log as filtered now. Plain links: the browser streams the file to disk
 * with the name the server gives it, however long the log.
 */
export function AuditExport({ orgId, filters }: { orgId: string; filters: AuditFilterParams }) {
  return (
    <div className="audit-export" role="group" aria-label="Export the audit log">
      {FORMATS.map(({ format, label, hint }) => (
        <a
          key={format}
          className="button button--secondary"
          href={auditExportUrl(orgId, filters, format)}
          download
          title={`The entries shown by these filters, ${hint}`}
        >
          <Icon name="arrowDown" size={14} /> Export {label}
        </a>
      ))}
    </div>
  );
}
