import { defineConfig } from 'vitest/config';

// Generated code checked by the real toolchains (tsc + cdk synth + cdk-nag, terraform
// fmt/validate/plan, the CloudFormation resource database). Slow: one file at a time.
export default defineConfig({
  test: {
    include: ['generators/*/src/**/*.toolchain.test.ts', 'packages/*/src/**/*.toolchain.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 2_400_000,
    hookTimeout: 2_400_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
