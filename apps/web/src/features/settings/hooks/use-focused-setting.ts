import { useState, type FocusEvent } from 'react';
import { usePresenceEditing } from '../../../lib/presence/use-presence.ts';

const settingOf = (target: EventTarget | null) =>
  target instanceof Element ? (target.closest<HTMLElement>('[data-setting]')?.dataset.setting ?? null) : null;

/**
 * Which setting has focus in the form (rows carry `data-setting`), told to the other admins before
 * anyone saves. Focus and blur bubble in React, so the form's two handlers cover every field.
 */
export function useFocusedSetting() {
  const [focused, setFocused] = useState<string | null>(null);
  usePresenceEditing(focused ? { kind: 'setting', id: focused } : null);
  return {
    onFocus: (event: FocusEvent) => setFocused(settingOf(event.target)),
    onBlur: (event: FocusEvent) => {
      // Focus moving to another field is that field's focus; leaving the form ends the editing.
      if (!settingOf(event.relatedTarget)) setFocused(null);
    },
  };
}
