/** The name rule the server holds (trimmed, 1–80 characters), said before anything is sent. */
export function workspaceNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the workspace a name.';
  if (trimmed.length > 80) return 'At most 80 characters.';
  return null;
}

interface WorkspaceNameFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field (empty, too long, taken); typing clears it. */
  error: string | null;
  placeholder?: string;
}

/** The name field of the create and rename dialogs, focused first as a dialog's first field is. */
export function WorkspaceNameField({ id, value, onChange, error, placeholder }: WorkspaceNameFieldProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Name
      </label>
      <input
        id={id}
        className="input"
        value={value}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus to its first field (WAI-ARIA dialog pattern)
        autoFocus
        maxLength={80}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <span id={`${id}-error`} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
