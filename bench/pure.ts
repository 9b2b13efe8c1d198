/**
 * Sections 1 and 3: validation, lowering and each generator on synthetic designs, validation after
 * a single edit, and the zip export of the largest design. In-process, warm JIT, medians.
 */
import type { Design } from '@archgen/model';
import { validateDesign } from '@archgen/rules';
import { lowerDesign, type GeneratedFiles } from '@archgen/infra';
import { buildExportZip } from '@archgen/export';
import { generateCdk } from '@archgen/generator-cdk';
import { generateTerraform } from '@archgen/generator-terraform';
import { generateCloudFormation } from '@archgen/generator-cloudformation';
import { round, time, timeInterleaved, type Timing } from './stats.ts';
import { syntheticDesign } from './synthetic.ts';
import { denseDesign } from './dense.ts';
import { printTable } from './table.ts';

export const PURE_SIZES = [50, 200, 500] as const;

export interface PureRow {
  nodes: number;
  connections: number;
  validateMs: number;
  validateAfterEditMs: number;
  lowerMs: number;
  cdkMs: number;
  terraformMs: number;
  cloudFormationMs: number;
  /** The three generators on an already lowered graph. */
  generatorsTotalMs: number;
  /** Sum of the three generators' fastest runs (least disturbed by other load). */
  generatorsTotalMinMs: number;
  /** CPU-time medians (see Timing.cpuMedianMs): the steadier figures on a busy machine. */
  cpu: {
    validateMs: number;
    lowerMs: number;
    cdkMs: number;
    terraformMs: number;
    cloudFormationMs: number;
    generatorsTotalMs: number;
  };
  runs: { quick: number; generators: number };
}

export interface DenseRow {
  nodes: number;
  connections: number;
  /** Characters of output of the three generators together. */
  outputMB: number;
  lowerMs: number;
  cdkMs: number;
  terraformMs: number;
  cloudFormationMs: number;
  generatorsTotalMs: number;
  generatorsTotalCpuMs: number;
  runs: number;
}

export const DENSE_SIZE = 300;

/**
 * Section 1c: a design like the ones reviews bring (every service type, ~1.3 connections per node,
 * three environments with overrides): more output per node than the synthetic cells.
 */
export function benchDense(): DenseRow {
  const design = denseDesign(DENSE_SIZE);
  const graph = lowerDesign(design);
  let chars = 0;
  for (const files of [generateCdk(graph), generateTerraform(graph), generateCloudFormation(graph)])
    for (const text of Object.values(files)) chars += text.length;
  const lower = time(() => lowerDesign(design), { warmupRuns: 3, minRuns: 10, maxRuns: 100, budgetMs: 1500 });
  const generators = timeInterleaved(
    {
      cdk: () => readAll(generateCdk(graph)),
      terraform: () => readAll(generateTerraform(graph)),
      cloudFormation: () => readAll(generateCloudFormation(graph)),
    },
    { warmupRuns: 3, warmupMs: 500, minRuns: 5, maxRuns: 50, budgetMs: 4000 },
  );
  const { cdk, terraform, cloudFormation } = generators;
  const row: DenseRow = {
    nodes: design.nodes.length,
    connections: design.connections.length,
    outputMB: round(chars / 1e6),
    lowerMs: ms(lower),
    cdkMs: ms(cdk),
    terraformMs: ms(terraform),
    cloudFormationMs: ms(cloudFormation),
    generatorsTotalMs: round(cdk.medianMs + terraform.medianMs + cloudFormation.medianMs),
    generatorsTotalCpuMs: round(cdk.cpuMedianMs + terraform.cpuMedianMs + cloudFormation.cpuMedianMs),
    runs: cdk.runs,
  };
  printTable(
    '1c. Dense design like a review brings (every service type, ~1.3 connections per node, overrides; median ms)',
    [
      'nodes',
      'conns',
      'output MB',
      'lower',
      'CDK',
      'Terraform',
      'CloudFormation',
      '3 generators',
      '(CPU)',
      'runs',
    ],
    [
      [
        row.nodes,
        row.connections,
        row.outputMB,
        row.lowerMs,
        row.cdkMs,
        row.terraformMs,
        row.cloudFormationMs,
        row.generatorsTotalMs,
        row.generatorsTotalCpuMs,
        row.runs,
      ],
    ],
  );
  return row;
}

export interface ZipResult {
  nodes: number;
  medianMs: number;
  runs: number;
  bytes: number;
  files: number;
}

const EDITS = 64;

/**
 * Designs that differ from `design` by one property of one node, built the way the store does it
 * (new design, new nodes array, every other node shared), so validation sees a fresh object.
 */
function singleEdits(design: Design): Design[] {
  return Array.from({ length: EDITS }, (_, run) => {
    const index = (run * 7) % design.nodes.length;
    const nodes = design.nodes.map((node, i) =>
      i === index
        ? { ...node, name: `${node.name} (edit ${run})`, properties: { ...node.properties } }
        : node,
    );
    return { ...design, nodes };
  });
}

const ms = (timing: Timing) => round(timing.medianMs);

/**
 * Touches every generated file once, as the editor or the zip does. A printer may return a V8 rope
 * (a tree of appended pieces) that is copied into one flat string only when first read; reading a
 * character here makes that copy part of the generator's measured time rather than its consumer's.
 */
function readAll(files: GeneratedFiles): GeneratedFiles {
  for (const path in files) {
    const text = files[path]!;
    if (text.length > 0 && Number.isNaN(text.charCodeAt(text.length >> 1)))
      throw new Error(`unreadable ${path}`);
  }
  return files;
}

export function benchPure(): PureRow[] {
  const rows: PureRow[] = [];
  for (const size of PURE_SIZES) {
    const design = syntheticDesign(size);
    const graph = lowerDesign(design);
    const edits = singleEdits(design);
    // Fast cases in many rounds of their own; the generators interleaved with each other, so a
    // burst of load on a shared machine lands on all three alike.
    const quick = timeInterleaved(
      {
        validate: () => validateDesign(design),
        validateAfterEdit: (run) => validateDesign(edits[run % EDITS]!),
        lower: () => lowerDesign(design),
      },
      { warmupRuns: 10, warmupMs: 300, minRuns: 20, maxRuns: 200, budgetMs: 1000 },
    );
    const generators = timeInterleaved(
      {
        cdk: () => readAll(generateCdk(graph)),
        terraform: () => readAll(generateTerraform(graph)),
        cloudFormation: () => readAll(generateCloudFormation(graph)),
      },
      { warmupRuns: 3, warmupMs: 500, minRuns: 5, maxRuns: 50, budgetMs: size >= 500 ? 6000 : 3000 },
    );
    const { validate, validateAfterEdit, lower } = quick;
    const { cdk, terraform, cloudFormation } = generators;
    rows.push({
      nodes: size,
      connections: design.connections.length,
      validateMs: ms(validate),
      validateAfterEditMs: ms(validateAfterEdit),
      lowerMs: ms(lower),
      cdkMs: ms(cdk),
      terraformMs: ms(terraform),
      cloudFormationMs: ms(cloudFormation),
      generatorsTotalMs: round(cdk.medianMs + terraform.medianMs + cloudFormation.medianMs),
      generatorsTotalMinMs: round(cdk.minMs + terraform.minMs + cloudFormation.minMs),
      cpu: {
        validateMs: round(validate.cpuMedianMs),
        lowerMs: round(lower.cpuMedianMs),
        cdkMs: round(cdk.cpuMedianMs),
        terraformMs: round(terraform.cpuMedianMs),
        cloudFormationMs: round(cloudFormation.cpuMedianMs),
        generatorsTotalMs: round(cdk.cpuMedianMs + terraform.cpuMedianMs + cloudFormation.cpuMedianMs),
      },
      runs: { quick: quick.validate.runs, generators: cdk.runs },
    });
  }
  printTable(
    '1. Validation, lowering, generators (median ms per full run, warm)',
    [
      'nodes',
      'conns',
      'validate',
      'validate 1 edit',
      'lower',
      'CDK',
      'Terraform',
      'CloudFormation',
      '3 generators',
      '(fastest)',
      'runs',
    ],
    rows.map((r) => [
      r.nodes,
      r.connections,
      r.validateMs,
      r.validateAfterEditMs,
      r.lowerMs,
      r.cdkMs,
      r.terraformMs,
      r.cloudFormationMs,
      r.generatorsTotalMs,
      r.generatorsTotalMinMs,
      `${r.runs.quick}/${r.runs.generators}`,
    ]),
  );
  printTable(
    '1b. The same, CPU time of this process per run (median ms; waiting for a core not counted)',
    ['nodes', 'validate', 'lower', 'CDK', 'Terraform', 'CloudFormation', '3 generators'],
    rows.map((r) => [
      r.nodes,
      r.cpu.validateMs,
      r.cpu.lowerMs,
      r.cpu.cdkMs,
      r.cpu.terraformMs,
      r.cpu.cloudFormationMs,
      r.cpu.generatorsTotalMs,
    ]),
  );
  return rows;
}

export function benchZip(): ZipResult {
  const largest = syntheticDesign(Math.max(...PURE_SIZES));
  let bytes = 0;
  const zipTiming = time(
    () => {
      bytes = buildExportZip(largest).length;
    },
    { warmupRuns: 1, minRuns: 3, maxRuns: 7, budgetMs: 4000 },
  );
  const files = countZipEntries(buildExportZip(largest));
  const zip: ZipResult = {
    nodes: largest.nodes.length,
    medianMs: ms(zipTiming),
    runs: zipTiming.runs,
    bytes,
    files,
  };
  printTable(
    '3. Zip export (validate + lower + 3 generators + zip, median ms)',
    ['nodes', 'median ms', 'runs', 'zip kB', 'files'],
    [[zip.nodes, zip.medianMs, zip.runs, round(zip.bytes / 1024), zip.files]],
  );
  return zip;
}

/** Entries in a zip, from its end-of-central-directory record. */
function countZipEntries(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = zip.length - 22; at >= 0; at--)
    if (view.getUint32(at, true) === 0x06054b50) return view.getUint16(at + 10, true);
  throw new Error('not a zip: no end-of-central-directory record');
}
