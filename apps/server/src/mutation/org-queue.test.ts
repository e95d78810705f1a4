import { describe, expect, it } from 'vitest';
import { DomainError } from '../lib/domain-error.ts';
import { createOrgQueue } from './org-queue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('the per-org queue of changes', () => {
  it("runs one change of an org at a time, in arrival order, and never holds up another org's", async () => {
    const queue = createOrgQueue({ maxWaitMs: 1_000 });
    const first = gate();
    const order: string[] = [];
    const a1 = queue.run('a', async () => (order.push('a1'), first.opened));
    const a2 = queue.run('a', async () => void order.push('a2'));
    const a3 = queue.run('a', async () => void order.push('a3'));
    await queue.run('b', async () => void order.push('b1'));
    await tick();
    expect(order).toEqual(['a1', 'b1']);
    first.open();
    await Promise.all([a1, a2, a3]);
    expect(order).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  it('refuses a change with BUSY and a retry hint once it waited too long, and lets the line move on', async () => {
    const queue = createOrgQueue({ maxWaitMs: 50 });
    const first = gate();
    const running = queue.run('a', () => first.opened);
    const error = await queue.run('a', async () => 'never').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BUSY', details: { retryAfterSeconds: 1 } });
    first.open();
    await running;
    expect(await queue.run('a', async () => 'next')).toBe('next');
  });

  it('frees the turn when a change fails', async () => {
    const queue = createOrgQueue({ maxWaitMs: 1_000 });
    await expect(queue.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run('a', async () => 'ok')).toBe('ok');
  });
});
