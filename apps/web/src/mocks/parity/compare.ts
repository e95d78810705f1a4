import { isDeepStrictEqual } from 'node:util';
import type { ParityCase } from './parity-step.ts';
import type { Seen } from './run-case.ts';

/** Every way the two targets' answers to a case differ, step by step. */
export function differences(parityCase: ParityCase, real: Seen[], mocked: Seen[]): string[] {
  return parityCase.steps.flatMap((step, index) => {
    const a = real[index]!;
    const b = mocked[index]!;
    const at = `step ${index + 1} (${step.as ?? 'guest'} ${step.method} ${step.path})`;
    const found: string[] = [];
    if (a.status !== b.status) found.push(`${at}: status ${a.status} on the server, ${b.status} in mock mode`);
    if (a.code !== b.code) found.push(`${at}: code ${a.code} on the server, ${b.code} in mock mode`);
    if (a.status === b.status && !isDeepStrictEqual(a.shape, b.shape))
      found.push(`${at}: answers differ\n server: ${JSON.stringify(a.shape)}\n mock:   ${JSON.stringify(b.shape)}`);
    return found;
  });
}

/** Steps whose status is not the one the case names: a case that no longer tests what it says. */
export function unexpected(parityCase: ParityCase, real: Seen[]): string[] {
  return parityCase.steps.flatMap((step, index) => {
    const seen = real[index]!;
    return step.expect === undefined || seen.status === step.expect
      ? []
      : [
          `step ${index + 1} (${step.as ?? 'guest'} ${step.method} ${step.path}): expected ${step.expect}, the server answered ${seen.status} ${seen.code ?? ''}`,
        ];
  });
}
