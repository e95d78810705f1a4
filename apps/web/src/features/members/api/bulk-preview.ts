import { useMutation } from '@tanstack/react-query';
import { BulkPreviewSchema, type BulkMembersAction } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

export type BulkRequest = Omit<BulkMembersAction, 'preview'>;

export function previewBulk(orgId: string, body: BulkRequest) {
  return apiRequest(`/api/orgs/${encodeURIComponent(orgId)}/members/bulk`, {
    method: 'POST',
    body: { ...body, preview: true },
    schema: BulkPreviewSchema,
  });
}

/** What a bulk action would do, computed by the server with the rules the run will meet. */
export function useBulkPreview(orgId: string) {
  return useMutation({ mutationFn: (body: BulkRequest) => previewBulk(orgId, body) });
}
