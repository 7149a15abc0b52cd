// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      '.tmp/**',
      'test-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain core is pure: it may not reach outward to use cases, adapters, the web app,
    // or any I/O library. Keeps the rules testable without a database or a clock.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/**', '**/adapters/**', '**/web/**', '**/cli/**'],
              message: 'src/core is pure: no imports from app, adapters, web or cli.',
            },
            {
              group: ['kysely', 'fastify', 'pg', 'better-sqlite3', 'node:fs', 'fs', 'node:http'],
              message: 'src/core is pure: no I/O libraries.',
            },
          ],
        },
      ],
    },
  },
);
