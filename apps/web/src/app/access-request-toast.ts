import type { AccessRequestedEvent } from '../lib/live-updates.ts';
import { toast } from '../components/ui/toast-store.ts';

const pageNames = { members: 'Members', settings: 'Settings' } as const;

/** The admin's toast for a live access request: who asks for what, with their note. */
export function accessRequestToast({ data }: AccessRequestedEvent) {
  const what = data.page === 'workspace' ? `the workspace ${data.workspace?.name ?? ''}` : pageNames[data.page];
  return {
    tone: 'info' as const,
    title: `${data.requester.name} asks for access to ${what}`,
    description: data.message
      ? `“${data.message}” They can be reached at ${data.requester.email}.`
      : `They can be reached at ${data.requester.email}.`,
  };
}

export const showAccessRequestToast = (event: AccessRequestedEvent) => void toast(accessRequestToast(event));
