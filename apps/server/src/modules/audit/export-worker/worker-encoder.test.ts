import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../lib/logger.ts';
import { encodeAuditPage } from '../audit-export.ts';
import { workerEncoder, type WorkerEncoder } from './worker-encoder.ts';

/** Two entries packed as the database writes an export page: a role change, reverted, and its revert. */
const packed = JSON.stringify([
  [
    '12',
    7,
    'member.role_changed',
    'u-ada',
    'Ada, "the admin"',
    'ada@example.test',
    'u-bob',
    { role: 'MEMBER' },
    { role: 'ADMIN' },
    { member: { name: '=Bob', email: 'bob@example.test' }, revertOf: 6 },
    '2026-12-01T10:00:00.000Z',
    'req-1',
    '203.0.113.9',
    'Firefox',
    ['13', 8, '2026-12-01T10:05:00.000Z', 'u-ada', 'Ada, "the admin"'],
  ],
  [
    '11',
    6,
    'member.joined',
    'system',
    'Roster',
    null,
    'u-bob',
    null,
    { role: 'MEMBER' },
    { member: { name: 'Bob' } },
    '2026-12-01T09:00:00.000Z',
    null,
    null,
    null,
    null,
  ],
]);

function recordingLogger() {
  const errors: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn() {}, error: (msg) => errors.push(msg) };
  return { logger, errors };
}

const text = (bytes: string | Uint8Array) => (typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes));

describe('encoding audit export pages in a worker thread', () => {
  let encoder: WorkerEncoder | undefined;
  afterEach(() => encoder?.close());

  it('writes the same CSV and NDJSON as the server thread', async () => {
    const { logger, errors } = recordingLogger();
    encoder = workerEncoder(logger);
    const pages = await Promise.all([encoder.encode(packed, 'csv'), encoder.encode(packed, 'ndjson')]);
    expect(pages.every((page) => page instanceof Uint8Array)).toBe(true);
    expect(pages.map(text)).toEqual([encodeAuditPage(packed, 'csv'), encodeAuditPage(packed, 'ndjson')]);
    expect(text(pages[0])).toContain(`"'=Bob"`);
    expect(errors).toEqual([]);
  });

  it('finishes pages in the order they were asked, a long one before a short one after it', async () => {
    encoder = workerEncoder(recordingLogger().logger);
    const long = JSON.stringify(Array.from({ length: 3000 }, () => JSON.parse(packed) as unknown[]).flat());
    const finished: string[] = [];
    const encode = (name: string, page: string) =>
      encoder!.encode(page, 'csv').then((bytes) => finished.push(name) && bytes);
    await Promise.all([encode('long', long), encode('short', packed), encode('short again', packed)]);
    expect(finished).toEqual(['long', 'short', 'short again']);
  });

  it('passes on a page it cannot read, and goes on with the same worker', async () => {
    const { logger, errors } = recordingLogger();
    encoder = workerEncoder(logger);
    await expect(encoder.encode('not json', 'csv')).rejects.toThrow(/JSON/);
    expect(encoder.running()).toBe(true);
    const next = await encoder.encode(packed, 'ndjson');
    expect(next).toBeInstanceOf(Uint8Array);
    expect(text(next)).toBe(encodeAuditPage(packed, 'ndjson'));
    expect(errors).toEqual([]);
  });

  it('stops its worker once idle and starts another for the next export', async () => {
    const { logger, errors } = recordingLogger();
    const idling = workerEncoder(logger, { idleMs: 20 });
    encoder = idling;
    expect(idling.running()).toBe(false);
    const first = text(await idling.encode(packed, 'csv'));
    expect(idling.running()).toBe(true);
    await expect.poll(() => idling.running()).toBe(false);
    expect(text(await idling.encode(packed, 'csv'))).toBe(first);
    expect(idling.running()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('encodes on the server thread, and says so once, when its worker cannot start', async () => {
    const { logger, errors } = recordingLogger();
    encoder = workerEncoder(logger, { url: new URL('./no-such-worker.mjs', import.meta.url) });
    expect(await encoder.encode(packed, 'csv')).toBe(encodeAuditPage(packed, 'csv'));
    expect(await encoder.encode(packed, 'ndjson')).toBe(encodeAuditPage(packed, 'ndjson'));
    expect(errors).toHaveLength(1);
  });
});
