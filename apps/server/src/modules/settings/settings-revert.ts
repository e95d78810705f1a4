import { OrgSettingsResponseSchema, UpdateOrgSettingsSchema } from '@roster/contracts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import type { RecordedEvent } from '../events/recorded-events.repository.ts';
import { notRevertible } from '../members/member-undo.policy.ts';
import { readSettings } from './settings.repository.ts';
import { changedSettings } from './settings-changes.ts';
import { applySettings } from './settings.service.ts';

/**
 * Sets back the settings one change changed (ADR 22), and only those: its audit row holds their
 * values before. Versioned like an edit: without `version`, the settings must still be the
 * version the change wrote.
 */
export async function revertSettingsChange(ctx: MutationContext, change: RecordedEvent, version?: number) {
  const before = UpdateOrgSettingsSchema.omit({ version: true }).safeParse(change.before);
  const after = OrgSettingsResponseSchema.pick({ version: true }).safeParse(change.data);
  if (!before.success || !after.success) throw notRevertible('not_undoable', 'This change cannot be reverted');
  const current = (await readSettings(ctx.tx, ctx.org.id))!;
  const expected = version ?? after.data.version;
  if (current.version === expected && Object.keys(changedSettings(current.settings, before.data)).length === 0) {
    throw notRevertible('nothing_to_revert', 'The settings are already as they were before that change');
  }
  const revert = { revertOf: change.seq, revertedAction: change.type };
  const { seq } = await applySettings(ctx, before.data, expected, revert);
  return seq!;
}
