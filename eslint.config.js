// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CORE = path.resolve(import.meta.dirname, 'src', 'core');

/**
 * The domain core is pure, by allow-list: a relative import must stay inside src/core, and a
 * package must be named here. Anything new (node:net, exceljs, pdfkit, a database driver)
 * fails until someone adds it on purpose and says why.
 */
const CORE_PACKAGES = {
  // HMAC-SHA256 of webhook bodies: a pure function of its inputs, no I/O.
  'node:crypto': 'all',
  vitest: 'tests',
  'fast-check': 'tests',
};

/** @type {import('eslint').ESLint.Plugin} */
const stockline = {
  rules: {
    'core-imports': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const file = context.filename;
        const isTest = /\.test\.ts$/.test(file);
        /** @param {any} source */
        const check = (source) => {
          if (!source || typeof source.value !== 'string') return;
          const spec = source.value;
          if (spec.startsWith('.')) {
            const target = path.resolve(path.dirname(file), spec);
            if (!target.startsWith(CORE + path.sep))
              context.report({
                node: source,
                message: `src/core is pure: '${spec}' leaves src/core.`,
              });
            return;
          }
          const allowed = CORE_PACKAGES[/** @type {keyof typeof CORE_PACKAGES} */ (spec)];
          if (allowed === 'all' || (allowed === 'tests' && isTest)) return;
          context.report({
            node: source,
            message: `src/core is pure: '${spec}' is not on its allow-list (CORE_PACKAGES in eslint.config.js).`,
          });
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
        };
      },
    },
  },
};

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
    // or any library not on CORE_PACKAGES. Keeps the rules testable without I/O or a clock.
    files: ['src/core/**/*.ts'],
    plugins: { stockline },
    rules: { 'stockline/core-imports': 'error' },
  },
);
