import { parentPort } from 'node:worker_threads';
import type { ExportFormat } from '@roster/contracts';
import { encodeAuditPage } from '../audit-export.ts';

export interface EncodeRequest {
  id: number;
  packed: string;
  format: ExportFormat;
}
export type EncodeReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

// One page at a time, in the order asked; the bytes move to the server's thread without a copy.
const encoder = new TextEncoder();
parentPort!.on('message', ({ id, packed, format }: EncodeRequest) => {
  try {
    const bytes = encoder.encode(encodeAuditPage(packed, format));
    parentPort!.postMessage({ id, bytes } satisfies EncodeReply, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: String(error) } satisfies EncodeReply);
  }
});
