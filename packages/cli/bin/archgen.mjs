#!/usr/bin/env node
// Starts the CLI from one bundled file (packages/cli/dist/archgen.mjs), built with esbuild from
// the workspace's TypeScript the first time and whenever a source is newer than the bundle.
// Loading ~500 TypeScript modules through tsx took 2-4 s per run; the bundle starts in ~0.3 s.
// If the bundle cannot be built or written (a read-only checkout), tsx runs the sources as before.
// Everything is resolved from this file, not from the current folder, so any folder works.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(cliRoot, '..', '..');
const entry = join(cliRoot, 'src', 'main.ts');
const bundle = join(cliRoot, 'dist', 'archgen.mjs');

/** Newest modification time of the sources the bundle is made of (tests excluded). */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (
        (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) ||
        entry.name === 'package.json'
      )
        newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const group of ['packages', 'generators']) {
    const groupDir = join(workspace, group);
    for (const pkg of readdirSync(groupDir, { withFileTypes: true }))
      if (pkg.isDirectory()) visit(join(groupDir, pkg.name));
  }
  return newest;
}

function bundleIsFresh() {
  try {
    return statSync(bundle).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

async function buildBundle() {
  const esbuild = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  // Written beside and renamed: CLI runs started together (a test suite) never read half a file.
  const partial = `${bundle}.${process.pid}.partial`;
  await esbuild.build({
    entryPoints: [entry],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    // HashiCorp's HCL parser loads its wasm from its own folder: it stays a package.
    external: ['@cdktf/hcl2json'],
    // Some dependencies are CommonJS and call require(); an ES module bundle has none.
    banner: {
      js: "import { createRequire as __archgenRequire } from 'node:module'; const require = __archgenRequire(import.meta.url);",
    },
  });
  renameSync(partial, bundle);
}

async function runBundled() {
  if (!bundleIsFresh()) await buildBundle();
  const { runProcess } = await import(pathToFileURL(bundle).href);
  await runProcess();
}

function runWithTsx() {
  const tsx = import.meta.resolve('tsx');
  const result = spawnSync(process.execPath, ['--import', tsx, entry, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (result.error) {
    process.stderr.write(`archgen: cannot start node (${result.error.message})\n`);
    process.exit(2);
  }
  // Killed by a signal (Ctrl-C): end the same way, so the shell sees it.
  if (result.signal) process.kill(process.pid, result.signal);
  process.exit(result.status ?? 2);
}

let bundled = false;
try {
  await runBundled();
  bundled = true;
} catch (error) {
  if (process.env.ARCHGEN_DEBUG)
    process.stderr.write(`archgen: running from source (${error?.message ?? error})\n`);
}
if (!bundled) runWithTsx();
