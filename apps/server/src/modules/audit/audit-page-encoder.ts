import type { ExportFormat } from '@roster/contracts';
import { encodeAuditPage } from './audit-export.ts';

/** Turns a packed export page into the download's bytes or text (see `encodeAuditPage`). */
export type AuditPageEncoder = (packed: string, format: ExportFormat) => Promise<string | Uint8Array>;

/** Encoding on the calling thread: mock mode's tab, and the Node server when its worker is gone. */
export const encodeInThread: AuditPageEncoder = (packed, format) =>
  new Promise((resolve) => resolve(encodeAuditPage(packed, format)));
