import { Worker } from 'node:worker_threads';
import type { ExportFormat } from '@roster/contracts';
import type { Logger } from '../../../lib/logger.ts';
import { encodeInThread, type AuditPageEncoder } from '../audit-page-encoder.ts';
import type { EncodeReply, EncodeRequest } from './encoder-worker.ts';

export interface WorkerEncoder {
  encode: AuditPageEncoder;
  /** Whether a worker thread is up (and holding its memory) now. */
  running(): boolean;
  close(): Promise<void>;
}

type Bytes = Awaited<ReturnType<AuditPageEncoder>>;
interface Pending {
  packed: string;
  format: ExportFormat;
  settle(bytes: Promise<Bytes>): void;
}

/**
 * Audit exports encode their pages in one worker thread (ADR 34): reading a page and encoding
 * it cost about the same, so the server's thread reads the next page (on PGlite it runs the
 * query itself) while the worker encodes this one, and other requests are not held up behind
 * an export's encoding. Started by an export and stopped once idle for `idleMs` (a worker holds
 * tens of MiB). Should it fail, the pages it held and every later one are encoded on the
 * server's thread: slower, never lost.
 */
export function workerEncoder(logger: Logger, options: { url?: URL; idleMs?: number } = {}): WorkerEncoder {
  const { url = workerUrl(), idleMs = 30_000 } = options;
  let current: { worker: Worker; waiting: Map<number, Pending> } | null = null;
  let failed = false;
  let nextId = 1;
  let idle: NodeJS.Timeout | undefined;

  function start() {
    const worker = new Worker(url);
    const waiting = new Map<number, Pending>();
    const started = { worker, waiting };
    // An idle worker does not keep the process alive; a pending page has its request for that.
    worker.unref();
    const retire = () => {
      if (current === started) current = null;
      void worker.terminate();
    };
    worker.on('message', (reply: EncodeReply) => {
      const page = waiting.get(reply.id);
      if (!page) return;
      waiting.delete(reply.id);
      page.settle('bytes' in reply ? Promise.resolve(reply.bytes) : Promise.reject(new Error(reply.error)));
      if (waiting.size === 0 && current === started) idle = setTimeout(retire, idleMs).unref();
    });
    worker.on('error', (error) => {
      failed = true;
      logger.error('audit export encoder failed; exports now encode on the main thread', { error: String(error) });
    });
    worker.on('exit', () => {
      if (current === started) current = null;
      for (const page of waiting.values()) page.settle(encodeInThread(page.packed, page.format));
      waiting.clear();
    });
    return started;
  }

  return {
    encode(packed, format) {
      if (failed) return encodeInThread(packed, format);
      clearTimeout(idle);
      current ??= start();
      const { worker, waiting } = current;
      const id = nextId++;
      return new Promise<Bytes>((resolve, reject) => {
        waiting.set(id, { packed, format, settle: (bytes) => void bytes.then(resolve, reject) });
        worker.postMessage({ id, packed, format } satisfies EncodeRequest);
      });
    },
    running: () => current !== null,
    async close() {
      failed = true;
      clearTimeout(idle);
      await current?.worker.terminate();
    },
  };
}

/**
 * The worker's module: beside the built server (scripts/build.mjs writes both), or its source
 * through the TypeScript loader when the server runs from source.
 */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./from-source.mjs', import.meta.url)
    : new URL('./audit-export-worker.mjs', import.meta.url);
}
