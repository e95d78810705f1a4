import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { Icon } from '../../../components/ui/icon.tsx';
import { mergeChips, splitEmails, type EmailChip } from '../utils/parse-emails.ts';

interface EmailChipsInputProps {
  chips: EmailChip[];
  onChange: (chips: EmailChip[]) => void;
  disabled?: boolean;
}

/**
 * Addresses typed or pasted (comma, space or newline separated) become chips; an invalid one is
 * red with the reason, a duplicate is merged into the first. Backspace on empty removes the last.
 */
export function EmailChipsInput({ chips, onChange, disabled }: EmailChipsInputProps) {
  const [draft, setDraft] = useState('');
  const hintId = useId();
  const commit = (text: string) => {
    const additions = splitEmails(text);
    if (additions.length > 0) onChange(mergeChips(chips, additions));
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (['Enter', ',', ';', ' ', 'Tab'].includes(event.key) && draft.trim()) {
      event.preventDefault();
      commit(draft);
    } else if (event.key === 'Backspace' && !draft && chips.length > 0) {
      onChange(chips.slice(0, -1));
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    commit(draft + event.clipboardData.getData('text'));
  };
  const invalid = chips.filter((c) => !c.valid).length;
  return (
    <div className="field">
      <label className="field__label" htmlFor={`${hintId}-input`}>
        Email addresses
      </label>
      <div className="email-chips" data-disabled={disabled || undefined}>
        <ul className="email-chips__list" aria-label="Addresses to invite">
          {chips.map((chip) => (
            <li
              key={chip.email.toLowerCase()}
              className={`email-chip ${chip.valid ? '' : 'email-chip--invalid'}`}
              title={chip.valid ? undefined : 'Not a valid email address'}
            >
              {!chip.valid && <Icon name="alert" size={12} label="Invalid:" />}
              <span className="email-chip__text">{chip.email}</span>
              <button
                type="button"
                className="email-chip__remove"
                aria-label={`Remove ${chip.email}`}
                onClick={() => onChange(chips.filter((c) => c !== chip))}
                disabled={disabled}
              >
                <Icon name="x" size={12} />
              </button>
            </li>
          ))}
        </ul>
        <input
          id={`${hintId}-input`}
          className="email-chips__input"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => draft.trim() && commit(draft)}
          placeholder={chips.length === 0 ? 'name@company.com, another@company.com' : ''}
          aria-describedby={hintId}
          autoComplete="off"
          disabled={disabled}
        />
      </div>
      <p id={hintId} className={`field__hint ${invalid > 0 ? 'field__hint--error' : ''}`} aria-live="polite">
        {invalid > 0
          ? `${invalid} invalid ${invalid === 1 ? 'address' : 'addresses'} (in red) will not be invited. Fix or remove ${invalid === 1 ? 'it' : 'them'}.`
          : 'Separate addresses with commas, spaces or new lines. Duplicates are merged.'}
      </p>
    </div>
  );
}
