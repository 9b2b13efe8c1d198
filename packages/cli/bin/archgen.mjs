#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so the workspace needs no build step. tsx is resolved from
// this file, not from the current folder: `--import tsx` alone fails outside the repository.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
const here = dirname(fileURLToPath(import.meta.url));
const tsx = import.meta.resolve('tsx');
const result = spawnSync(
  process.execPath,
  ['--import', tsx, join(here, '..', 'src', 'main.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
if (result.error) {
  process.stderr.write(`archgen: cannot start node (${result.error.message})\n`);
  process.exit(2);
}
// Killed by a signal (Ctrl-C): end the same way, so the shell sees it.
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 2);
