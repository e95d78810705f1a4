import { useMutation } from '@tanstack/react-query';
import { UpdateMeSchema, type UpdateMe } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';

/** `PATCH /api/me`: the display name, carrying the version it was read at (R15). */
export function updateProfile(input: UpdateMe) {
  return apiRequest('/api/me', { method: 'PATCH', body: UpdateMeSchema.parse(input) });
}

export function useUpdateProfile() {
  return useMutation({ mutationFn: updateProfile });
}
