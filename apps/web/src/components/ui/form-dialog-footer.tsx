/**
 * The end of a dialog's form: the error that belongs to no one field, then Cancel and the
 * submit button, which names what it is doing while the request runs.
 */
export function FormDialogFooter({
  error,
  onCancel,
  submitLabel,
  pendingLabel,
  pending,
  tone = 'primary',
}: {
  error?: string | undefined;
  onCancel: () => void;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** `danger` for what cannot be taken back in a click (deleting, handing over). */
  tone?: 'primary' | 'danger';
}) {
  return (
    <>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={`button button--${tone}`} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
