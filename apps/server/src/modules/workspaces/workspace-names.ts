import { DomainError } from '../../lib/domain-error.ts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import { findWorkspaceNamed } from './workspaces.repository.ts';

/** On create and rename alike: two workspaces of an org never share a name, whatever its case. */
export async function assertNameFree(ctx: MutationContext, name: string, exceptId: string | null): Promise<void> {
  const taken = await findWorkspaceNamed(ctx.tx, ctx.org.id, name, exceptId);
  if (taken) {
    throw new DomainError('WORKSPACE_NAME_TAKEN', `Another workspace is already called ${taken.name}`, {
      workspaceId: taken.id,
      name: taken.name,
    });
  }
}
