import type { AuditRevertLink } from '@roster/contracts';
import type { AuditRow } from './audit.repository.ts';

/** One row of a packed page, in the order `auditPagePacked` writes its columns. */
type PackedRow = [
  id: string,
  seq: number | null,
  type: string,
  actor_id: string,
  actor_name: string,
  actor_email: string | null,
  target_id: string | null,
  before: AuditRow['before'],
  after: AuditRow['after'],
  data: AuditRow['data'],
  at: string,
  request_id: string | null,
  ip: string | null,
  user_agent: string | null,
  revert: [id: string, seq: number, at: string, actorId: string, actorName: string] | null,
];

/** The rows of a page the database packed as one JSON text, each with the change that reverted it. */
export function unpackAuditRows(packed: string): Array<{ row: AuditRow; revertedBy: AuditRevertLink | null }> {
  return (JSON.parse(packed) as PackedRow[]).map(
    ([
      id,
      seq,
      type,
      actor_id,
      actor_name,
      actor_email,
      target_id,
      before,
      after,
      data,
      at,
      request_id,
      ip,
      user_agent,
      revert,
    ]) => ({
      row: {
        // The drivers give a bigint as its digits too.
        id: id as unknown as number,
        seq,
        type,
        actor_id,
        actor_name,
        actor_email,
        target_id,
        before,
        after,
        data,
        at: new Date(at),
        request_id,
        ip,
        user_agent,
      },
      revertedBy: revert && {
        entryId: revert[0],
        seq: revert[1],
        at: new Date(revert[2]).toISOString(),
        actor: { id: revert[3], name: revert[4] },
      },
    }),
  );
}
