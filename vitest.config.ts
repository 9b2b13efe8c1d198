import { defineConfig } from 'vitest/config';

// Unit and golden tests. Real-toolchain suites (*.toolchain.test.ts) run in vitest.toolchain.config.ts.
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'generators/*/src/**/*.test.ts',
      'app/src/**/*.test.{ts,tsx}',
      'examples/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/*.toolchain.test.ts'],
  },
});
