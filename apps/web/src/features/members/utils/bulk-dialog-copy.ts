import { orgRoleLabel, type BulkPreview, type OrgRole } from '@roster/contracts';

export type BulkCopyAction = { type: 'remove' } | { type: 'change_role'; role: OrgRole };

/** Bulk removals of more than this many people ask to type the count. */
export const TYPED_CONFIRMATION_ABOVE = 10;

export const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Title, impact line and button of the bulk dialog. Until the preview answers they count the
 * selection; then all three count the same people: those the action really changes.
 */
export function bulkDialogCopy(input: {
  action: BulkCopyAction;
  orgName: string;
  selected: number;
  preview: BulkPreview | undefined;
}) {
  const { action, orgName, selected, preview } = input;
  const count = preview ? preview.count : selected;
  if (action.type === 'remove') {
    return {
      title: count === 0 ? 'Nobody to remove' : `Remove ${people(count)} from ${orgName}?`,
      summary: preview ? removalSummary(preview, orgName) : null,
      confirmLabel: `Remove ${people(count)}`,
      typedConfirmation: count > TYPED_CONFIRMATION_ABOVE ? String(count) : null,
    };
  }
  const role = orgRoleLabel[action.role];
  return {
    title: count === 0 ? 'No role to change' : `Change the role of ${people(count)}`,
    summary: preview ? roleSummary(preview, role) : null,
    confirmLabel: `Make ${people(count)} ${role}`,
    typedConfirmation: null,
  };
}

function removalSummary({ count, workspaceCount }: BulkPreview, orgName: string) {
  if (count === 0) return 'Nobody would be removed';
  const from = workspaceCount > 0 ? ` and from ${plural(workspaceCount, 'workspace')}` : '';
  return `Removes ${people(count)} from ${orgName}${from}`;
}

function roleSummary({ count, unchanged }: BulkPreview, role: string) {
  const already = unchanged > 0 ? `${people(unchanged)} ${unchanged === 1 ? 'is' : 'are'} already ${role}` : '';
  if (count === 0) return already ? `Nobody changes: ${already}` : 'Nobody changes';
  return `Makes ${people(count)} ${role}${already ? `; ${already}` : ''}`;
}
