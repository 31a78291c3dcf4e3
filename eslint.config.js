// ESLint (flat config): TypeScript-aware recommended rules for the server, client, tests, benchmarks and scripts.
// `npm run lint` runs it with the layer rules (.dependency-cruiser.cjs); `npm test` runs lint first.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
// formatting is Prettier's (npm run lint checks it): turn off the ESLint rules that would disagree with it
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'client/dist/**', 'node_modules/**', 'data/**', 'bench/results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `import()` in a type position keeps a lazily loaded module (a worker's word lists) out of start-up
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      // the code uses comma sequences for two-step updates in hot loops (`(best = c), (arg = k)`)
      '@typescript-eslint/no-unused-expressions': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  { files: ['client/src/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  prettier,
);
