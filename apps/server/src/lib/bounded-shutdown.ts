import type { Logger } from './logger.ts';

/**
 * Runs shutdown steps in order, giving each at most `stepMs`: a step that hangs (a peer that never
 * answers a close frame, a query stuck behind a lock) is named in a warning and left behind, so a
 * stop always finishes and says what it could not close.
 */
export async function shutdownInSteps(
  steps: [name: string, run: () => unknown][],
  logger: Logger,
  stepMs = 10_000,
): Promise<void> {
  for (const [name, run] of steps) {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<'stalled'>((resolve) => {
      timer = setTimeout(() => resolve('stalled'), stepMs);
    });
    const done = Promise.resolve()
      .then(run)
      .then(
        () => 'done' as const,
        (error: unknown) => {
          logger.warn(`shutdown: ${name} failed`, { error: String(error) });
          return 'done' as const;
        },
      );
    const outcome = await Promise.race([done, stalled]);
    clearTimeout(timer);
    if (outcome === 'stalled') logger.warn(`shutdown: ${name} did not finish within ${stepMs} ms; going on`);
  }
}
