import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_AND_UI = [
  {
    group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*', 'monaco-editor'],
    message: 'Pure layers never import the UI.',
  },
  {
    group: ['fs', 'node:*', 'path', 'child_process', 'os'],
    message: 'Pure layers run in the browser: no Node built-ins.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.tmp/**',
      '**/__golden__/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain Node scripts (test runner, CLI launcher).
    files: ['**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        localStorage: 'readonly',
      },
    },
  },
  {
    files: [
      'packages/model/src/**/*.ts',
      'packages/rules/src/**/*.ts',
      'packages/infra/src/**/*.ts',
      'packages/export/src/**/*.ts',
      'packages/review/src/**/*.ts',
      'packages/layout/src/**/*.ts',
      'generators/*/src/**/*.ts',
    ],
    ignores: ['**/*.test.ts', '**/*.toolchain.ts', '**/test-support/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: NODE_AND_UI }] },
  },
);
