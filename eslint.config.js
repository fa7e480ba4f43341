// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** One linter, zero warnings. The layer rule of docs/ARCHITECTURE.md is enforced here. */
export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bridges/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**', '*.js'], languageOptions: { globals: globals.node } },
  { files: ['src/web/**'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/web/**', 'fastify', 'kysely', 'pg', '@electric-sql/*', 'react', 'react-*'],
              message: 'src/core is shared by server, UI and CLI: it imports only zod and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', 'fastify', 'kysely', 'pg', '@electric-sql/*'],
              message: 'The UI talks to the server over HTTP; it may import src/core only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/web/**'], message: 'The server does not import the UI.' }] },
      ],
    },
  },
);
