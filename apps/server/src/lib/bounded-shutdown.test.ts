import { describe, expect, it } from 'vitest';
import { shutdownInSteps } from './bounded-shutdown.ts';
import type { Logger } from './logger.ts';

function recordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, error() {}, warn: (msg) => void warnings.push(msg) };
  return { logger, warnings };
}

describe('shutdown in steps', () => {
  it('runs every step in order, names one that hangs or fails, and still finishes', async () => {
    const { logger, warnings } = recordingLogger();
    const ran: string[] = [];
    await shutdownInSteps(
      [
        ['first', () => void ran.push('first')],
        ['stuck', () => new Promise(() => ran.push('stuck'))],
        ['broken', () => Promise.reject(new Error('boom'))],
        ['last', async () => void ran.push('last')],
      ],
      logger,
      50,
    );
    expect(ran).toEqual(['first', 'stuck', 'last']);
    expect(warnings).toEqual(['shutdown: stuck did not finish within 50 ms; going on', 'shutdown: broken failed']);
  });
});
