import { describe, expect, it } from 'vitest';
import { presenceEvents, socketEvents } from '@roster/contracts';
import { buildAsyncApiDocument } from './document.ts';
import { liveMessages } from './live-messages.ts';
import { refsIn } from '../openapi/json-schema.ts';

/** Follows a local JSON pointer (`#/a/b`) through the document. */
function resolve(document: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

describe('the AsyncAPI document', () => {
  const document = buildAsyncApiDocument();

  it('describes every event the contracts name, and only those', () => {
    const named = [...Object.values(socketEvents), ...Object.values(presenceEvents)].sort();
    expect(liveMessages.map((m) => m.event).sort()).toEqual(named);
    const messages = Object.values(document.components.messages).map((m) => m.name);
    for (const event of named) expect(messages).toContain(event);
  });

  it('answers a sync with its acknowledgement, and says which side sends what', () => {
    const sync = Object.values(document.operations).find((op) => op.summary.startsWith('Catch up'));
    expect(sync?.action).toBe('receive');
    expect(sync?.reply?.messages).toHaveLength(1);
    const sends = Object.values(document.operations).filter((op) => op.action === 'send');
    expect(sends.length).toBe(liveMessages.filter((m) => m.direction === 'toClient').length);
  });

  it('has no reference that points nowhere', () => {
    const dangling = refsIn(document).filter((ref) => resolve(document, ref) === undefined);
    expect(dangling).toEqual([]);
  });
});
