import type { Auth } from '../../auth/auth.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';

/** Account changes take the usual road and also ask the auth library (password, cookies). */
export type AccountDeps = MutationDeps & { auth: Auth };
