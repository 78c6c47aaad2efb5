// ESLint for the whole repository: `npm run lint`. Layout is Prettier's job (`npm run format`); these rules
// look for bugs. TypeScript files get the type-aware rules of typescript-eslint; the few JavaScript files
// (build script, e2e harness, mocha reporter) get ESLint's recommended rules.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Dot folders hold tool state and scratch files, not sources.
    ignores: ['node_modules/', 'dist/', 'out/', '.*/', 'test/.output/', 'test/screenshots/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Promises: an un-awaited promise loses its errors; a promise where a boolean or void is expected is
      // always truthy or never awaited.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A switch over a union must name every member, so adding a member is a compile-time to-do list.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Off: these flag style, not bugs. `any` itself is allowed where it is written on purpose; the
      // no-unsafe-* rules catch it when it flows into typed code. An async function without `await` is
      // legal (it still returns a promise, which interfaces may ask for). A redundant `!` or `as` hides nothing.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Tests and benchmarks read JSON output (`JSON.parse` returns `any`) and assert on it; the assertion is
    // the type check there. Their messages may print any value.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs', 'test/e2e/**/*.js', 'test/support/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // The e2e suite runs under mocha inside VS Code; the harness passes functions to the browser page.
    files: ['test/e2e/suite/**/*.js'],
    languageOptions: { globals: { ...globals.mocha } },
  },
  {
    files: ['test/e2e/harness/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
