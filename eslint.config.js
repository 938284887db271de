import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.tmp/**',
      'bench/.snapshot/**',
      'test-results/**',
      'packages/sdk/src/types/v7.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Scripts, benchmarks and the CLI run on Node.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', 'bench/**', 'scripts/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // Pages loaded by the browser tests run in the browser.
    files: ['packages/sdk/test/browser/fixtures/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The CommonJS example shows `require('balena-sdk')` on purpose.
    files: ['examples/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/sdk/src/**/*.ts'],
    ignores: ['packages/sdk/src/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'Node built-ins belong under src/platform/ only.' },
            {
              regex: '^(fs|path|os|stream|http|https|crypto|child_process|url|util|events)(/.*)?$',
              message: 'Node built-ins belong under src/platform/ only.',
            },
          ],
        },
      ],
    },
  },
);
