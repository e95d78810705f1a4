/** Query keys of the access-requests feature. */
export const accessRequestsKeys = {
  all: ['access-requests'] as const,
  admins: (orgId: string) => [...accessRequestsKeys.all, orgId, 'admins'] as const,
};
