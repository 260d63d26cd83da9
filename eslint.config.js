// Lint rules the project holds its code to (run by `npm run lint`, part of `npm test`).
// Type-aware: typescript-eslint reads the same tsconfig.json as the compiler, so rules such as
// no-floating-promises see real types; Svelte components are linted with their <script> blocks.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'bench/out/', 'node_modules/', 'tests/e2e/artifacts/', 'tests/**/data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    // A disable comment that no longer silences anything is an error: it would hide the next problem.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
  },
  {
    rules: {
      // `_name` marks a parameter or destructured value kept for its position, not its use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // node:test awaits the promise its `test` and `describe` return; nothing else may float.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      // An `async` function with no `await` still turns a throw into a rejection, which is what
      // callers of the engine and analysis interfaces expect; the rule would force wrappers.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Maps and Sets in components are either deliberately outside reactivity (request
      // bookkeeping, per-draw caches) or replaced whole under $state.raw; SvelteMap would make
      // every read a dependency.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    // Tests read JSON documents (CLI output, fixtures) whose shape is exactly what they assert.
    files: ['tests/**', 'bench/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Assertion messages print whatever value they got.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    // Reference values are kept with all the digits mpmath printed, so a reader can check them;
    // the literal rounds to the nearest double as it should.
    files: ['tests/unit/clv-fit.test.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    // Benchmarks print whatever a cell holds; String() of a value is their intent.
    files: ['bench/**'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // In markup, the parser cannot see a child component's prop types, so callback parameters
    // read as `any` here although svelte-check types them fully (it runs in `npm test`).
    files: ['**/*.svelte'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
