/**
 * Section 5: import of the largest sources in ../shared/corpora, layout included, as the CLI and
 * the app's worker run it: in-process (warm, medians; Terraform includes HashiCorp's HCL parser in
 * wasm), and the whole CLI from a cold start (`archgen import ... --out`, wall time: a new node
 * process loading the bundled CLI, built once beforehand).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { importCloudFormation, importTerraform, type SourceFile } from '@archgen/import';
import { layoutDesignSync } from '@archgen/layout';
import { round } from './stats.ts';
import { printTable } from './table.ts';

export interface ImportRow {
  source: string;
  bytes: number;
  resources: number;
  nodes: number;
  medianMs: number;
  maxMs: number;
  cliWallMs: number;
  runs: number;
}

function filesUnder(dir: string, test: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, test) : test.test(name) ? [full] : [];
  });
}

async function timeAsync(
  work: () => Promise<unknown>,
  runs: number,
): Promise<{ median: number; max: number }> {
  for (let i = 0; i < 2; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, max: samples[samples.length - 1]! };
}

function cliWallMs(root: string, source: string): number {
  const out = mkdtempSync(join(tmpdir(), 'archgen-bench-import-'));
  try {
    const start = performance.now();
    const run = spawnSync(
      process.execPath,
      [join(root, 'packages/cli/bin/archgen.mjs'), 'import', source, '--out', join(out, 'design.json')],
      {
        encoding: 'utf8',
      },
    );
    const wall = performance.now() - start;
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`archgen import ${source} failed: ${run.stderr}`);
    return wall;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function benchImport(root: string): Promise<ImportRow[]> {
  const corpora = join(root, '..', 'shared', 'corpora');
  if (!existsSync(corpora)) throw new Error(`the corpora are missing at ${corpora}`);
  const bySize = (files: string[]) => files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  const cloudFormation = bySize(filesUnder(join(corpora, 'cloudformation'), /\.ya?ml$/));
  const sam = bySize(filesUnder(join(corpora, 'sam'), /^template\.ya?ml$/));
  // The Terraform configuration with the most resource blocks.
  const patterns = join(corpora, 'terraform', 'serverless-patterns');
  const configs = readdirSync(patterns)
    .filter((name) => statSync(join(patterns, name)).isDirectory())
    .map((name) => {
      const files = filesUnder(join(patterns, name), /\.tf$/);
      const blocks = files.reduce(
        (n, f) => n + (readFileSync(f, 'utf8').match(/^\s*resource\s+"/gm) ?? []).length,
        0,
      );
      return { dir: join(patterns, name), files, blocks };
    });
  const terraform = configs.sort((a, b) => b.blocks - a.blocks)[0]!;

  // The first run after a source change bundles the CLI (bin/archgen.mjs); time the runs after it.
  cliWallMs(root, cloudFormation);
  const rows: ImportRow[] = [];
  for (const path of [cloudFormation, sam]) {
    const files: SourceFile[] = [{ path: relative(corpora, path), text: readFileSync(path, 'utf8') }];
    const once = () => {
      const result = importCloudFormation(files);
      return { result, design: layoutDesignSync(result.design) };
    };
    const { result } = once();
    const t = await timeAsync(async () => once(), 15);
    rows.push({
      source: relative(corpora, path),
      bytes: files[0]!.text.length,
      resources: result.report.resources.length,
      nodes: result.design.nodes.length,
      medianMs: round(t.median),
      maxMs: round(t.max),
      cliWallMs: round(cliWallMs(root, path)),
      runs: 15,
    });
  }
  const tfFiles: SourceFile[] = terraform.files.map((f) => ({
    path: relative(terraform.dir, f),
    text: readFileSync(f, 'utf8'),
  }));
  const tfOnce = async () => {
    const result = await importTerraform(tfFiles, {
      parseHcl: async (name, text) => (await parse(name, text)) as Record<string, unknown>,
    });
    return { result, design: layoutDesignSync(result.design) };
  };
  const { result } = await tfOnce();
  const t = await timeAsync(tfOnce, 10);
  rows.push({
    source: relative(corpora, terraform.dir),
    bytes: tfFiles.reduce((n, f) => n + f.text.length, 0),
    resources: result.report.resources.length,
    nodes: result.design.nodes.length,
    medianMs: round(t.median),
    maxMs: round(t.max),
    cliWallMs: round(cliWallMs(root, terraform.dir)),
    runs: 10,
  });
  printTable(
    '5. Import of the largest corpus sources, layout included (in-process ms; CLI = cold `archgen import` wall ms)',
    ['source', 'bytes', 'resources', 'nodes', 'median', 'max', 'CLI', 'runs'],
    rows.map((r) => [r.source, r.bytes, r.resources, r.nodes, r.medianMs, r.maxMs, r.cliWallMs, r.runs]),
  );
  return rows;
}
