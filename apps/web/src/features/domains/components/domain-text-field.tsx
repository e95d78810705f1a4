interface DomainTextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint: string;
  error?: string | undefined;
  placeholder?: string;
  type?: 'text' | 'email';
  /** In a dialog the first field takes the focus. */
  focusFirst?: boolean;
}

/** A labelled text field whose hint gives way to the refusal that belongs to it. */
export function DomainTextField(props: DomainTextFieldProps) {
  const { id, label, value, onChange, hint, error, placeholder, type = 'text', focusFirst } = props;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type={type}
        value={value}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus to its first field (WAI-ARIA dialog pattern)
        autoFocus={focusFirst}
        placeholder={placeholder}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete={type === 'email' ? 'email' : 'off'}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
      />
      {error ? (
        <span id={`${id}-error`} className="field__error" role="alert">
          {error}
        </span>
      ) : (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
    </div>
  );
}
