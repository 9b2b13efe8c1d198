import { defineConfig } from 'vitest/config';

// The root config only collects packages/app tests; the benchmark helpers' tests live here.
export default defineConfig({
  test: { include: ['bench/**/*.test.ts'], root: new URL('..', import.meta.url).pathname },
});
