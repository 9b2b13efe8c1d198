import { defineConfig } from 'vitest/config';

// The agreement check's own unit tests, then the comparison of what the toolchain suites
// recorded under .tmp/agreement (run after them; see scripts/test-all.mjs).
export default defineConfig({
  test: { include: ['test-support/agreement.unit.test.ts', 'test-support/agreement.check.test.ts'] },
});
