import type { PresenceEditing, PresencePerson } from '@roster/contracts';

/** "Grace Hopper (away)": how a person is named in the page's header. */
export const presenceLabel = (person: PresencePerson) => (person.away ? `${person.name} (away)` : person.name);

const doing: Record<NonNullable<PresenceEditing>['kind'], string> = {
  member: 'is changing this member',
  invitation: 'is changing this invitation',
  setting: 'is editing',
  workspace: 'is changing this workspace',
};

/** "Grace is changing this member": a hint beside what someone else is about to change. */
export function editingLabel(people: PresencePerson[], kind: NonNullable<PresenceEditing>['kind']): string {
  const names = people.map((p) => p.name.trim().split(/\s+/)[0] || p.name);
  const who = names.length > 2 ? `${names[0]} and ${names.length - 1} others` : names.join(' and ');
  const verb = names.length > 1 ? doing[kind].replace(/^is /, 'are ') : doing[kind];
  return `${who} ${verb}`;
}
