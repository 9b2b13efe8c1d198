import type { Design } from '@archgen/model';
import { lowerDesign, type GeneratedFiles, type ResolvedGraph, type TargetId } from '@archgen/infra';
import { generateCdk } from '@archgen/generator-cdk';
import { generateTerraform } from '@archgen/generator-terraform';
import { generateCloudFormation } from '@archgen/generator-cloudformation';

export const TARGETS: readonly { id: TargetId; label: string }[] = [
  { id: 'cdk', label: 'CDK' },
  { id: 'terraform', label: 'Terraform' },
  { id: 'cloudformation', label: 'CloudFormation' },
];

export interface GenerateOptions {
  targets?: readonly TargetId[];
  /** Environments to include; all of the design's by default. */
  environments?: readonly string[];
}

export type GeneratedByTarget = Partial<Record<TargetId, GeneratedFiles>>;

/** A design the generators cannot turn into code (e.g. a database outside any VPC). */
export class GenerationError extends Error {
  constructor(
    readonly target: TargetId,
    readonly reason: string,
  ) {
    super(`${target}: ${reason}`);
    this.name = 'GenerationError';
  }
}

/** Run one generator, naming the target in any failure so the user knows where it came from. */
export function runGenerator(target: TargetId, graph: ResolvedGraph): GeneratedFiles {
  try {
    return GENERATORS[target](graph);
  } catch (error) {
    throw new GenerationError(target, error instanceof Error ? error.message : String(error));
  }
}

/** One entry per target; every caller goes through this table so the three stay in step. */
export const GENERATORS: Record<TargetId, (graph: ResolvedGraph) => GeneratedFiles> = {
  cdk: (graph) => generateCdk(graph),
  terraform: (graph) => generateTerraform(graph),
  cloudformation: (graph) => generateCloudFormation(graph),
};

/** Lower the design once and run each requested generator on the same resolved graph. */
export function generateAll(design: Design, options: GenerateOptions = {}): GeneratedByTarget {
  const environments = selectEnvironments(design, options.environments);
  const graph = lowerDesign(design, { environments });
  const out: GeneratedByTarget = {};
  for (const { id } of TARGETS) {
    if (options.targets && !options.targets.includes(id)) continue;
    out[id] = runGenerator(id, graph);
  }
  return out;
}

/** The requested environments in design order; unknown names are an error, not silently dropped. */
export function selectEnvironments(design: Design, requested?: readonly string[]): string[] {
  const all = design.environments.map((e) => e.name);
  if (!requested || requested.length === 0) return all;
  const unknown = requested.filter((name) => !all.includes(name));
  if (unknown.length > 0)
    throw new Error(
      `Unknown environment ${unknown.map((u) => `"${u}"`).join(', ')}; the design has ${all.join(', ')}`,
    );
  return all.filter((name) => requested.includes(name));
}
