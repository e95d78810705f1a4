import type { PresenceEditing, PresencePerson } from '@roster/contracts';

/** "Grace Hopper (away)": how a person is named in the page's header. */
export const presenceLabel = (person: PresencePerson) => (person.away ? `${person.name} (away)` : person.name);

const doing: Record<NonNullable<PresenceEditing>['kind'], string> = {
  member: 'is changing this member',
  invitation: 'is changing this invitation',
  setting: 'is editing',
  workspace: 'is changing this workspace',
};

const doingTo: Record<NonNullable<NonNullable<PresenceEditing>['field']>, string> = {
  role: 'is changing this role',
  access: 'is changing this member’s access',
};

/** "Grace is changing this role": a hint beside what someone else is about to change. */
export function editingLabel(people: PresencePerson[], kind: NonNullable<PresenceEditing>['kind']): string {
  const names = people.map((p) => p.name.trim().split(/\s+/)[0] || p.name);
  const who = names.length > 2 ? `${names[0]} and ${names.length - 1} others` : names.join(' and ');
  // Said of the part only when everyone named is on that same part.
  const fields = new Set(people.map((p) => p.editing?.field));
  const [field] = fields;
  const doingIt = fields.size === 1 && field ? doingTo[field] : doing[kind];
  const verb = names.length > 1 ? doingIt.replace(/^is /, 'are ') : doingIt;
  return `${who} ${verb}`;
}
