import { relative } from 'node:path';

/** What this reporter reads of vitest's finished test (its `TestCase`), without depending on vitest here. */
interface FinishedTest {
  fullName: string;
  module: { moduleId: string };
  diagnostic(): { retryCount: number } | undefined;
  result(): { state: string };
}

/**
 * CI retries a failed test once (each app's vitest config); a test that passed only on its retry
 * is still named here, with its file, so a flake is seen and fixed rather than hidden.
 */
export default class FlakyReporter {
  onTestCaseResult(testCase: FinishedTest) {
    const retries = testCase.diagnostic()?.retryCount ?? 0;
    if (retries > 0 && testCase.result().state === 'passed') {
      const file = relative(process.cwd(), testCase.module.moduleId);
      console.log(`flaky: ${file} > ${testCase.fullName} passed on retry ${retries}`);
    }
  }
}
