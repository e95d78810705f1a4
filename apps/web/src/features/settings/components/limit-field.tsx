import { Switch } from '../../../components/ui/switch.tsx';

interface LimitFieldProps {
  id: string;
  /** What the switch turns on, e.g. "Limit seats". */
  switchLabel: string;
  enabled: boolean;
  onEnabledChange: (on: boolean) => void;
  value: string;
  onValueChange: (text: string) => void;
  unit: string;
  invalid: boolean;
  /** Names the number box, e.g. "Organization seat cap". */
  label: string;
}

/** A number that can be switched off (unlimited, never): the box only shows when it applies. */
export function LimitField({
  id,
  switchLabel,
  enabled,
  onEnabledChange,
  value,
  onValueChange,
  unit,
  invalid,
  label,
}: LimitFieldProps) {
  return (
    <div className="limit-field">
      <span className="limit-field__switch">
        <Switch
          id={`${id}-on`}
          checked={enabled}
          onCheckedChange={onEnabledChange}
          aria-describedby={`${id}-on-hint`}
        />
        <span aria-hidden="true">{switchLabel}</span>
      </span>
      {enabled && (
        <span className="limit-field__value">
          <input
            id={id}
            className="input limit-field__input"
            inputMode="numeric"
            aria-label={`${label} (${unit})`}
            value={value}
            onChange={(e) => onValueChange(e.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-on-error` : `${id}-on-hint`}
          />
          <span className="limit-field__unit">{unit}</span>
        </span>
      )}
    </div>
  );
}
