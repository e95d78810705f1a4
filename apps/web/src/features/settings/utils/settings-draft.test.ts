import { describe, expect, it } from 'vitest';
import { defaultOrgSettings, type OrgSettings, type OrgSettingsResponse } from '@roster/contracts';
import { expiryOptions, expiryText } from './expiry-options.ts';
import { absorb, startDraft, visibleTheirs, type SettingsDraft } from './settings-draft.ts';
import { fromForm, toForm } from './settings-fields.ts';
import { conflictingKeys, editedKeys, rebaseForm } from './settings-merge.ts';

const grace = { id: 'usr_grace', name: 'Grace Hopper' };
const at = (version: number, changes: Partial<OrgSettings> = {}, changedBy = grace): OrgSettingsResponse => ({
  settings: { ...defaultOrgSettings, ...changes },
  version,
  changedBy,
});
const edit = (draft: SettingsDraft, change: Partial<SettingsDraft['form']>): SettingsDraft => ({
  ...draft,
  form: { ...draft.form, ...change },
});

describe('rebaseForm', () => {
  it('moves untouched settings to the new values and keeps edited ones', () => {
    const form = { ...toForm(defaultOrgSettings), memberCapOn: true, memberCap: '40' };
    const { form: next, collisions } = rebaseForm(form, defaultOrgSettings, {
      ...defaultOrgSettings,
      invitePolicy: 'anyone',
    });
    expect(next).toMatchObject({ invitePolicy: 'anyone', memberCapOn: true, memberCap: '40' });
    expect(collisions).toEqual([]);
  });

  it('is a collision only when both changed a setting to different values', () => {
    const form = { ...toForm(defaultOrgSettings), memberCapOn: true, memberCap: '40', allowSelfLeave: true };
    const to = { ...defaultOrgSettings, memberCap: 55, allowSelfLeave: true };
    expect(rebaseForm(form, defaultOrgSettings, to).collisions).toEqual(['memberCap']);
  });

  it('does not take the echo of its own save in flight for someone else’s change', () => {
    // Saved 40, then typed 41 while the save was on its way.
    const form = { ...toForm(defaultOrgSettings), memberCapOn: true, memberCap: '41' };
    const to = { ...defaultOrgSettings, memberCap: 40 };
    expect(rebaseForm(form, defaultOrgSettings, to, { memberCap: 40 }).collisions).toEqual([]);
    expect(rebaseForm(form, defaultOrgSettings, to).collisions).toEqual(['memberCap']);
  });

  it('reads a number box by the number it means and ignores a switched-off box', () => {
    const form = { ...toForm(defaultOrgSettings), maxPendingRequests: '010', memberCap: '12' };
    expect(editedKeys(form, defaultOrgSettings)).toEqual([]);
  });
});

describe('conflictingKeys', () => {
  it('names the settings of a refused save that someone changed meanwhile to something else', () => {
    const now = { ...defaultOrgSettings, invitePolicy: 'anyone' as const, memberCap: 40 };
    expect(conflictingKeys({ allowSelfLeave: true }, defaultOrgSettings, now)).toEqual([]);
    expect(conflictingKeys({ invitePolicy: 'admins_only' }, defaultOrgSettings, now)).toEqual(['invitePolicy']);
    expect(conflictingKeys({ memberCap: 40 }, defaultOrgSettings, now)).toEqual([]);
  });
});

describe('absorb', () => {
  it('records who changed a setting both are changing, and forgets it once the edit is gone', () => {
    const draft = edit(startDraft(at(1)), { invitePolicy: 'admins_only' });
    const next = absorb(draft, at(2, { invitePolicy: 'anyone' }));
    expect(next.form.invitePolicy).toBe('admins_only');
    expect(visibleTheirs(next)).toEqual({ invitePolicy: { text: 'Anyone', by: 'Grace Hopper' } });
    // Back to their value: nothing to show, and the next change forgets it.
    const agreed = edit(next, { invitePolicy: 'anyone' });
    expect(visibleTheirs(agreed)).toEqual({});
    expect(absorb(agreed, at(3, { invitePolicy: 'anyone', allowSelfLeave: true })).theirs).toEqual({});
  });

  it('names nobody when more than one change came in at once, and ignores older versions', () => {
    const draft = edit(startDraft(at(1)), { allowSelfLeave: true });
    const next = absorb(draft, at(3, { allowSelfLeave: false, protectCreator: false }));
    expect(next.theirs).toEqual({});
    const both = absorb(
      edit(startDraft(at(1)), { protectCreator: false, memberCapOn: true, memberCap: '3' }),
      at(4, { memberCap: 9 }),
    );
    expect(both.theirs).toEqual({ memberCap: { text: '9 seats', by: null } });
    expect(absorb(both, at(2))).toBe(both);
  });

  it('turns into the settings it describes', () => {
    const draft = absorb(edit(startDraft(at(1)), { ttl: '720' }), at(2, { memberCap: 5 }));
    expect(fromForm(draft.form)).toEqual({ settings: { ...defaultOrgSettings, memberCap: 5, inviteTtlHours: 720 } });
  });
});

describe('expiry options', () => {
  it('reads hours as days where they divide, and offers a stored odd value as its own option', () => {
    expect(expiryText(24)).toBe('1 day');
    expect(expiryText(336)).toBe('14 days');
    expect(expiryText(36)).toBe('36 hours');
    expect(expiryText(null)).toBe('never');
    expect(expiryOptions('168', 'never').map((o) => o.label)).toEqual([
      '1 day',
      '3 days',
      '7 days',
      '14 days',
      '30 days',
      'Never',
    ]);
    expect(expiryOptions('36').map((o) => o.value)).toEqual(['24', '36', '72', '168', '336', '720', 'never']);
  });
});
