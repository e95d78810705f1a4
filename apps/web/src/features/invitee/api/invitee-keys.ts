/** Keys of what the invited person sees: one link's public view, their inbox, the dev mailbox. */
export const inviteeKeys = {
  link: (token: string) => ['invitation-link', token] as const,
  mine: ['me', 'invitations'] as const,
  devMailbox: ['dev-mailbox'] as const,
};

/**
 * `/api/me` (owned by the auth feature; features do not import each other). Refreshed after an
 * accept, so the org you just joined is known before the app navigates to it.
 */
export const meKey = ['me'] as const;
