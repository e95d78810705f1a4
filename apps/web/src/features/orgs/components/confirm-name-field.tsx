interface ConfirmNameFieldProps {
  id: string;
  orgName: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** "Type Acme to confirm": the org's name, typed by hand before something that cannot be undone lightly. */
export function ConfirmNameField({ id, orgName, value, onChange, error }: ConfirmNameFieldProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Type <strong className="confirm-name__name">{orgName}</strong> to confirm
      </label>
      <input
        id={id}
        className="input"
        value={value}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
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
