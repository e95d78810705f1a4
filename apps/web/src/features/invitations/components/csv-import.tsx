import { useId, useRef, type ChangeEvent } from 'react';
import { orgRoleLabel, type OrgRole } from '@roster/contracts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { parseInvitationsCsv, type CsvRow } from '../utils/parse-csv.ts';
import { outcomeCopy, type AddressResult } from './invite-results.tsx';

interface CsvImportProps {
  rows: CsvRow[] | null;
  fileName: string | null;
  onLoaded: (rows: CsvRow[], fileName: string) => void;
  onClear: () => void;
  defaultRole: OrgRole;
  /** Per-address results once sent. */
  results: AddressResult[] | null;
  disabled?: boolean;
}

/** A CSV of `email,role` (header optional): a preview table first, then each row's result. */
export function CsvImport({ rows, fileName, onLoaded, onClear, defaultRole, results, disabled }: CsvImportProps) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    onLoaded(parseInvitationsCsv(await file.text()), file.name);
    event.target.value = '';
  };
  const resultOf = (email: string) => results?.find((r) => r.email.toLowerCase() === email.toLowerCase());
  return (
    <div className="csv-import">
      <input
        ref={input}
        id={id}
        type="file"
        accept=".csv,text/csv,text/plain"
        className="visually-hidden"
        onChange={(e) => void onFile(e)}
        aria-label="CSV file"
        disabled={disabled}
      />
      {!rows ? (
        <button type="button" className="csv-import__drop" onClick={() => input.current?.click()} disabled={disabled}>
          <Icon name="upload" size={20} />
          <span className="csv-import__drop-title">Choose a CSV file</span>
          <span className="csv-import__drop-hint">
            Columns <code>email,role</code>, header optional. Rows without a role get the role chosen below.
          </span>
        </button>
      ) : (
        <>
          <div className="csv-import__file">
            <Icon name="upload" />
            <span className="truncate">{fileName}</span>
            <span className="muted">
              {rows.length} {rows.length === 1 ? 'row' : 'rows'}
              {rows.some((r) => r.problem) && ` · ${rows.filter((r) => r.problem).length} with problems`}
            </span>
            {!results && (
              <button type="button" className="button button--ghost" onClick={onClear} disabled={disabled}>
                Remove
              </button>
            )}
          </div>
          <div className="csv-preview-scroll">
            <table className="csv-preview" aria-label="CSV preview">
              <thead>
                <tr>
                  <th className="csv-preview__line">#</th>
                  <th>Email</th>
                  <th className="csv-preview__role">Role</th>
                  <th className="csv-preview__status">{results ? 'Result' : 'Check'}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const result = resultOf(row.email);
                  return (
                    <tr key={row.line} className={row.problem ? 'csv-preview__row--problem' : undefined}>
                      <td className="csv-preview__line">{row.line}</td>
                      <td className="truncate">{row.email || <span className="muted">empty</span>}</td>
                      <td>{orgRoleLabel[row.role ?? defaultRole]}</td>
                      <td>
                        {row.problem ? (
                          <Badge tone="danger" title={row.problem}>
                            {row.problem}
                          </Badge>
                        ) : result ? (
                          <Badge tone={outcomeCopy[result.status].tone}>{outcomeCopy[result.status].label}</Badge>
                        ) : (
                          <span className="csv-preview__ok">
                            <Icon name="check" size={14} /> Ready
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
