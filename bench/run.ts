/**
 * `pnpm bench`: every benchmark section in one run, one table per section, and
 * bench/results.json with the figures and the machine they were measured on.
 * `pnpm bench -- --only=pure,cdk,zip,browser,import` runs a subset (results.json then holds only those).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchDense, benchPure, benchZip } from './pure.ts';
import { benchCdkSynth } from './cdk-synth.ts';
import { benchLayout } from './layout.ts';
import { benchImport } from './import.ts';
import { benchBrowser } from './browser/run.ts';
import { round } from './stats.ts';

const SECTIONS = ['pure', 'cdk', 'zip', 'browser', 'import'] as const;
type Section = (typeof SECTIONS)[number];

const workspaceRoot = fileURLToPath(new URL('..', import.meta.url));
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const selected = onlyArg ? (onlyArg.slice('--only='.length).split(',') as Section[]) : [...SECTIONS];
const unknown = selected.filter((s) => !SECTIONS.includes(s));
if (unknown.length)
  throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);

const started = performance.now();
const cpuList = cpus();
const results: Record<string, unknown> = {
  machine: {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpuCount: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30),
    /** 1-minute load average at the start: figures from a busy machine are noisier and slower. */
    loadAverage: round(loadavg()[0]!),
    date: new Date().toISOString(),
  },
};
console.log(
  `archgen benchmarks on ${cpuList.length} x ${cpuList[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${round(loadavg()[0]!)}`,
);

if (selected.includes('pure')) {
  results.pure = benchPure();
  results.dense = benchDense();
  results.layout = benchLayout();
}
if (selected.includes('cdk')) results.cdkSynth = benchCdkSynth(workspaceRoot);
if (selected.includes('zip')) results.zip = benchZip();
if (selected.includes('browser')) results.browser = await benchBrowser(workspaceRoot);
if (selected.includes('import')) results.import = await benchImport(workspaceRoot);

results.totalSeconds = round((performance.now() - started) / 1000);
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote bench/results.json (${results.totalSeconds} s in all).`);
