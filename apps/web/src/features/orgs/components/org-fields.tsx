interface OrgNameFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** In a dialog the name is the first field, so it takes the focus. */
  focusFirst?: boolean;
}

import './orgs.css';

/** The org's display name (1–80 characters, trimmed by the server). */
export function OrgNameField({ id, value, onChange, error, focusFirst }: OrgNameFieldProps) {
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
        autoFocus={focusFirst}
        maxLength={80}
        autoComplete="organization"
        placeholder="e.g. Acme Inc."
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

interface OrgSlugFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** A free slug the server offered; one click takes it. */
  suggestion?: string;
  /** On creation the server derives one when it is left empty. */
  optional?: boolean;
}

/** The org's address in links: lowercase letters, digits and single hyphens, 3–40 characters. */
export function OrgSlugField({ id, value, onChange, error, suggestion, optional }: OrgSlugFieldProps) {
  const describedBy = error ? `${id}-error` : `${id}-hint`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        URL slug {optional && <span className="org-field__optional">(optional)</span>}
      </label>
      <input
        id={id}
        className="input"
        value={value}
        maxLength={40}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <span id={`${id}-error`} className="field__error" role="alert">
          {error}
        </span>
      ) : (
        <span id={`${id}-hint`} className="field__hint">
          Used in your organization’s links. Lowercase letters, digits and hyphens.
        </span>
      )}
      {error && suggestion && (
        <button type="button" className="button button--secondary org-field__use" onClick={() => onChange(suggestion)}>
          Use {suggestion}
        </button>
      )}
    </div>
  );
}
