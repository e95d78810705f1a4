import { useId, useRef, useState, type ChangeEvent } from 'react';
import { orgRoleLabel } from '@roster/contracts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { fileSizeError, membersCsvTemplate, parseMembersCsv, type ParsedMembersCsv } from './parse-members-csv.ts';
import type { CheckedMemberRow } from './validate-members-csv.ts';
import { outcomeCopy, type AddressResult } from './invite-results.tsx';

export interface LoadedCsv {
  fileName: string;
  parsed: ParsedMembersCsv;
}

interface CsvImportProps {
  file: LoadedCsv | null;
  /** The file's rows, checked against the org and the drawer's choices. */
  rows: CheckedMemberRow[];
  onLoaded: (file: LoadedCsv) => void;
  onClear: () => void;
  /** Workspace names for the template's example row. */
  workspaceNames: string[];
  /** Per-address results once sent. */
  results: AddressResult[] | null;
  disabled?: boolean;
}

/** The template: a Blob URL clicked at once, then let go. */
function downloadTemplate(workspaceNames: string[]) {
  const url = URL.createObjectURL(new Blob([membersCsvTemplate(workspaceNames)], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'members-template.csv';
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * "Import CSV": the file is read and checked here, shown row by row with what is wrong, and only
 * the valid rows are sent. After sending, each row shows its result.
 */
export function CsvImport({ file, rows, onLoaded, onClear, workspaceNames, results, disabled }: CsvImportProps) {
  const input = useRef<HTMLInputElement>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const id = useId();
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    event.target.value = '';
    if (!picked) return;
    const tooBig = fileSizeError(picked.size);
    onLoaded({ fileName: picked.name, parsed: tooBig ? { error: tooBig } : parseMembersCsv(await picked.text()) });
  };
  const picker = (
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
  );
  const template = (
    <button type="button" className="link-button csv-import__template" onClick={() => downloadTemplate(workspaceNames)}>
      <Icon name="arrowDown" size={14} /> Download template
    </button>
  );

  if (!file) {
    return (
      <div className="csv-import">
        {picker}
        <button type="button" className="csv-import__drop" onClick={() => input.current?.click()} disabled={disabled}>
          <Icon name="upload" size={20} />
          <span className="csv-import__drop-title">Import CSV</span>
          <span className="csv-import__drop-hint">
            Columns <code>email, name, role, workspaces</code> in any order; only email is required. Workspaces as{' '}
            <code>Design:MEMBER</code>, separated by <code>;</code> or <code>|</code>. Rows without a role or workspaces
            get the ones chosen below.
          </span>
        </button>
        {template}
      </div>
    );
  }

  if ('error' in file.parsed) {
    return (
      <div className="csv-import">
        {picker}
        <div className="form-alert" role="alert">
          <strong>{file.fileName} can’t be imported</strong>
          <span>{file.parsed.error}</span>
        </div>
        <div className="csv-import__actions">
          <button type="button" className="button button--secondary" onClick={() => input.current?.click()}>
            Choose another file
          </button>
          {template}
        </div>
      </div>
    );
  }

  const invalid = rows.filter((r) => r.error).length;
  const shown = onlyErrors && !results ? rows.filter((r) => r.error) : rows;
  const resultOf = (email: string) => results?.find((r) => r.email.toLowerCase() === email.toLowerCase());
  return (
    <div className="csv-import">
      {picker}
      <div className="csv-import__file">
        <Icon name="upload" />
        <span className="truncate">{file.fileName}</span>
        <span className="muted">
          {rows.length - invalid} of {rows.length} {rows.length === 1 ? 'row' : 'rows'} ready
          {invalid > 0 && ` · ${invalid} with errors`}
        </span>
        {!results && (
          <button type="button" className="button button--ghost" onClick={onClear} disabled={disabled}>
            Remove
          </button>
        )}
      </div>
      {file.parsed.ignoredColumns.length > 0 && (
        <p className="field__hint">Columns not imported: {file.parsed.ignoredColumns.join(', ')}.</p>
      )}
      {invalid > 0 && !results && (
        <label className="checkbox-field csv-import__filter">
          <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} />
          <span className="checkbox-field__label">Show only rows with errors</span>
        </label>
      )}
      <div className="csv-preview-scroll">
        <table className="csv-preview" aria-label="CSV preview">
          <thead>
            <tr>
              <th className="csv-preview__line" aria-label="Row">
                #
              </th>
              <th>Email</th>
              <th>Name</th>
              <th className="csv-preview__role">Role</th>
              <th>Workspaces</th>
              <th className="csv-preview__status">{results ? 'Result' : 'Error'}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const result = resultOf(row.email);
              return (
                <tr key={row.row} className={row.error ? 'csv-preview__row--problem' : undefined}>
                  <td className="csv-preview__line">{row.row}</td>
                  <td>{row.email || <span className="muted">empty</span>}</td>
                  <td>{row.name}</td>
                  <td>{orgRoleLabel[row.role]}</td>
                  <td>{row.workspacesText || <span className="muted">none</span>}</td>
                  <td>
                    {row.error ? (
                      <span className="csv-preview__error">{row.error}</span>
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
    </div>
  );
}
