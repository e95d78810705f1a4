import type { Plugin } from 'vite';

/** What only mock mode may load: the server's own code, its database, its auth library, MSW. */
const MOCK_ONLY = [
  /[\\/]apps[\\/]server[\\/]/,
  /[\\/]src[\\/]mocks[\\/]/,
  /@electric-sql[\\/]pglite/,
  /better-auth/,
  /@zxcvbn-ts/,
  /[\\/]msw[\\/]/,
];

/**
 * Fails a production build if any chunk holds a module mock mode alone should load (ADR 18).
 * Vite folds the `VITE_MOCKS` branch away; this proves it did, module by module, for every build.
 */
export function noMockCodeInProduction(): Plugin {
  let mockBuild = false;
  return {
    name: 'roster:no-mock-code-in-production',
    apply: 'build',
    configResolved(config) {
      mockBuild = config.env.VITE_MOCKS === '1';
    },
    generateBundle(_options, bundle) {
      if (mockBuild) return;
      const leaks = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk'
          ? output.moduleIds
              .filter((id) => MOCK_ONLY.some((pattern) => pattern.test(id)))
              .map((id) => `${output.fileName}: ${id}`)
          : MOCK_ONLY.some((pattern) => pattern.test(output.fileName)) || /\.(wasm|data)$/.test(output.fileName)
            ? [output.fileName]
            : [],
      );
      if (leaks.length > 0) this.error(`mock-mode code in a production build:\n${leaks.slice(0, 20).join('\n')}`);
    },
  };
}
