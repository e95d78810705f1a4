import { Select } from '../../../components/ui/select.tsx';
import { expiryOptions } from '../utils/expiry-options.ts';

interface ExpiryFieldProps {
  value: string;
  /** The saved value, offered even when it is not one of the usual choices. */
  saved: string;
  onChange: (value: string) => void;
}

/** How long an invitation link works: a few days or never, in the setting's hours underneath. */
export function ExpiryField({ value, saved, onChange }: ExpiryFieldProps) {
  return (
    <Select
      aria-label="Invitation links expire after"
      value={value}
      options={expiryOptions(saved, value)}
      onValueChange={onChange}
      className="expiry-field"
    />
  );
}
