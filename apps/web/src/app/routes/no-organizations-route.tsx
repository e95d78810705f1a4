import { StatePanel } from '../../components/ui/state-panel.tsx';

export function NoOrganizationsRoute() {
  return (
    <StatePanel icon="users" title="You’re not in any organization yet" as="h1">
      <p>When an admin adds you to an organization, it will show up here.</p>
    </StatePanel>
  );
}
