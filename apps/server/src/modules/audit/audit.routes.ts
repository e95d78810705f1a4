import { Hono } from 'hono';
import {
  ExportAuditQuerySchema,
  ExportMembersQuerySchema,
  ListAuditQuerySchema,
  RevertAuditEntrySchema,
  MEMBER_CSV_COLUMNS,
  AUDIT_CSV_COLUMNS,
  type ExportFormat,
} from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import { notFound } from '../../lib/domain-error.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import type { InvitationDeps } from '../invitations/invitation-context.ts';
import { orgSlug } from './audit.repository.ts';
import { auditFilename } from './audit-export.ts';
import { encodeInThread, type AuditPageEncoder } from './audit-page-encoder.ts';
import { assertOrgAdmin, auditExportPages, listAudit } from './audit.service.ts';
import { revertAuditEntry } from './revert/revert.service.ts';
import { attachment, contentTypes, encodedStream, exportStream } from './export-stream.ts';
import { memberExportRow, memberPages } from './members-export.ts';

/** Entry ids are bigserial; anything else names no entry. */
const ENTRY_ID = /^[1-9]\d{0,17}$/;

/**
 * `/api/orgs/:orgId/audit`: the log, a page at a time, the whole of it as a download, and reverts.
 * The Node server encodes the download in a worker thread (`auditPageEncoder`); mock mode's tab
 * on its own thread.
 */
export function auditRoutes(deps: InvitationDeps & { auditPageEncoder?: AuditPageEncoder | undefined }) {
  const encode = deps.auditPageEncoder ?? encodeInThread;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const query = validate(ListAuditQuerySchema, c.req.query());
      return c.json(await listAudit(deps.db, requireUser(c), c.req.param('orgId')!, query));
    })
    .get('/export', async (c) => {
      const { format, ...filters } = validate(ExportAuditQuerySchema, c.req.query());
      const orgId = c.req.param('orgId')!;
      await assertOrgAdmin(deps.db, requireUser(c), orgId);
      const filename = auditFilename(await orgSlug(deps.db, orgId), filters, deps.clock.now(), format);
      const pages = auditExportPages(deps.db, orgId, filters, format, encode);
      const body = encodedStream(format, AUDIT_CSV_COLUMNS, pages);
      return c.body(body, 200, download(format, filename));
    })
    .post('/:entryId/revert', async (c) => {
      const user = requireUser(c);
      const body = validate(RevertAuditEntrySchema, await jsonBody(c.req.raw));
      const entryId = c.req.param('entryId');
      if (!ENTRY_ID.test(entryId)) throw notFound('That entry');
      return c.json(await revertAuditEntry(deps, user, c.req.param('orgId')!, entryId, body), 201);
    });
}

/** `/api/orgs/:orgId/members/export`: every member, for admins. */
export function membersExportRoutes(deps: MutationDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { format } = validate(ExportMembersQuerySchema, c.req.query());
    const orgId = c.req.param('orgId')!;
    await assertOrgAdmin(deps.db, requireUser(c), orgId);
    const filename = `${await orgSlug(deps.db, orgId)}-members-${deps.clock.now().toISOString().slice(0, 10)}.${format}`;
    const body = exportStream(memberPages(deps.db, orgId), format, MEMBER_CSV_COLUMNS, memberExportRow);
    return c.body(body, 200, download(format, filename));
  });
}

const download = (format: ExportFormat, filename: string) => ({
  'content-type': contentTypes[format],
  'content-disposition': attachment(filename),
});
