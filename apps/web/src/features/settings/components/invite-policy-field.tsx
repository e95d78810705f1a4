import { InvitePolicySchema, type InvitePolicy } from '@roster/contracts';
import { invitePolicyCopy } from '../utils/settings-fields.ts';

/** Three choices with what each means for members; native radios, so arrows move between them. */
export function InvitePolicyField({ value, onChange }: { value: InvitePolicy; onChange: (v: InvitePolicy) => void }) {
  return (
    <fieldset className="policy-field">
      <legend className="setting-row__label">Who can invite people</legend>
      <div className="policy-field__options">
        {InvitePolicySchema.options.map((policy) => (
          <label key={policy} className="policy-option" data-checked={value === policy || undefined}>
            <input
              type="radio"
              name="invitePolicy"
              value={policy}
              checked={value === policy}
              onChange={() => onChange(policy)}
            />
            <span className="policy-option__text">
              <span className="policy-option__label">{invitePolicyCopy[policy].label}</span>
              <span className="policy-option__hint">{invitePolicyCopy[policy].description}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
