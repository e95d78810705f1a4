// One lint for the whole monorepo: type-aware TypeScript rules everywhere, React hooks and
// accessibility rules in the SPA. Warnings fail the run (`--max-warnings=0`), so there is no
// second, ignorable level.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-mock/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'apps/web/public/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Files outside every tsconfig (a config, the shared test reporter): checked with the e2e suite's.
          allowDefaultProject: ['apps/web/playwright*.config.ts', 'tools/*.ts', 'examples/*.mjs'],
          defaultProject: 'apps/web/e2e/tsconfig.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // React Router's loaders redirect by throwing a Response.
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'lib', name: 'Response' }] }],
      // An async event handler in JSX is how React code reads; its promise is not lost work.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Late-bound references (a server's parts that call each other back) are read in closures
      // before their one assignment.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests read JSON bodies and compare with asymmetric matchers (`expect.any`), both `any` by
    // their libraries' own types; an assertion failure, not the type checker, catches mistakes there.
    files: ['**/*.test.{ts,tsx}', 'apps/server/test/**', 'apps/web/e2e/**', 'apps/web/src/test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Tests hand async callbacks to what takes a promise, whether or not they wait on anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Kysely's documented idiom: a migration must not depend on today's schema types.
    files: ['apps/server/src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: { ...jsxA11y.flatConfigs.recommended.languageOptions, globals: globals.browser },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Our checkbox and radio labels put their text one span deeper, beside a hint.
      'jsx-a11y/label-has-associated-control': [
        'error',
        { assert: 'either', depth: 3, controlComponents: ['BulkHeaderCheckbox'] },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Only says the React Compiler would skip a component; we do not run the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
);
