import { defineConfig } from 'vitest/config';

// Compares what the toolchain suites recorded under .tmp/agreement; run after them.
export default defineConfig({
  test: { include: ['test-support/agreement.check.test.ts'] },
});
