#!/usr/bin/env node
// The whole test suite, as the README and CI run it. Each step runs even when an earlier one
// failed, so one run shows every problem; the exit code is non-zero if any step failed.
import { spawnSync } from 'node:child_process';

const pnpm = ['npx', '-y', 'pnpm@10.34.9'];
const steps = [
  { name: 'typecheck (pure layers: no DOM, no Node)', cmd: ['npx', 'tsc', '-p', 'tsconfig.pure.json'] },
  { name: 'typecheck (everything)', cmd: ['npx', 'tsc', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.'] },
  { name: 'unit and golden tests', cmd: ['npx', 'vitest', 'run'] },
  {
    name: 'generated code vs real toolchains',
    cmd: ['npx', 'vitest', 'run', '--config', 'vitest.toolchain.config.ts'],
  },
  {
    name: 'agreement of the three targets',
    cmd: ['npx', 'vitest', 'run', '--config', 'vitest.agreement.config.ts'],
  },
  { name: 'end-to-end in Chromium', cmd: [...pnpm, 'test:e2e'] },
];

const only = process.argv.slice(2);
const results = [];
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.includes(o))) continue;
  console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name: step.name, ok: run.status === 0, seconds });
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
