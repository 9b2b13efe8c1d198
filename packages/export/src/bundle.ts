import { zipSync, strToU8 } from 'fflate';
import type { Design } from '@archgen/model';
import { blockingFindings, validateDesign, type Finding } from '@archgen/rules';
import { compareIds, lowerDesign, type GeneratedFiles, type TargetId } from '@archgen/infra';
import { runGenerator, selectEnvironments, TARGETS, type GenerateOptions } from './generate.ts';
import { renderBundleReadme } from './readme.ts';
import { stackStem, utf8ByteLength } from '@archgen/generator-cloudformation';

export interface ExportBundle {
  /** Folder name inside the zip, from the design name. */
  slug: string;
  /** Zip paths (`<slug>/cdk/...`) -> content, sorted. */
  files: GeneratedFiles;
  findings: Finding[];
}

/** One finding that makes the generated code fail, in the words a person acts on. */
export interface BlockingFinding {
  ruleId: string;
  /** The node's or VPC's name, or the design's for design-wide findings. */
  name: string;
  environment?: string;
  message: string;
  /** The fix's title, when the rule offers one. */
  fix?: string;
}

/**
 * The design has findings whose code would fail its toolchain or deploy (`Rule.breaksGeneratedCode`);
 * thrown by `buildExport` unless `force`, so nothing undeployable is written by accident.
 */
export class UndeployableDesignError extends Error {
  constructor(readonly findings: readonly BlockingFinding[]) {
    super(
      `The generated code would not deploy: ${findings.length} finding(s) must be fixed first (${findings.map((f) => f.ruleId).join(', ')})`,
    );
    this.name = 'UndeployableDesignError';
  }
}

/** The open findings that block export, named for people (the CLI and the Export dialog list them). */
export function blockingFindingsOf(design: Design, findings: readonly Finding[]): BlockingFinding[] {
  const names = new Map<string, string>([
    ...design.vpcs.map((v): [string, string] => [v.id, v.name]),
    ...design.nodes.map((n): [string, string] => [n.id, n.name]),
  ]);
  return blockingFindings(findings).map((f) => ({
    ruleId: f.ruleId,
    name: f.target.kind === 'design' ? design.name : (names.get(f.target.id) ?? f.target.id),
    ...(f.environment === undefined ? {} : { environment: f.environment }),
    message: f.message,
    ...(f.fix ? { fix: f.fix.title } : {}),
  }));
}

export interface ExportOptions extends GenerateOptions {
  extraDocuments?: ExtraDocuments;
  /** Build the code even when findings make it fail (`UndeployableDesignError` otherwise). */
  force?: boolean;
  /** The day the listed findings are judged on (YYYY-MM-DD; see `validateDesign`). */
  today?: string;
}

/** Extra top-level documents (e.g. REVIEW.md) contributed by other features. */
export type ExtraDocuments = (design: Design, findings: Finding[], environments: string[]) => GeneratedFiles;

export function buildExport(design: Design, options: ExportOptions = {}): ExportBundle {
  const environments = selectEnvironments(design, options.environments);
  const targets: TargetId[] = TARGETS.map((t) => t.id).filter(
    (id) => !options.targets || options.targets.includes(id),
  );
  if (targets.length === 0) throw new Error('Choose at least one target to export');
  // Validate before lowering: a blocking finding (a database outside any VPC) may make it throw.
  const findings = validateDesign(design, {
    environments,
    ...(options.today === undefined ? {} : { today: options.today }),
  });
  if (!options.force) {
    const blocking = blockingFindingsOf(design, findings);
    if (blocking.length > 0) throw new UndeployableDesignError(blocking);
  }
  const graph = lowerDesign(design, { environments });
  const slug = graph.design.slug;
  const files: GeneratedFiles = {};
  for (const target of targets) {
    for (const [path, content] of Object.entries(runGenerator(target, graph)))
      files[`${slug}/${target}/${path}`] = content;
  }
  const template = files[`${slug}/cloudformation/template.yaml`];
  files[`${slug}/README.md`] = renderBundleReadme(design, {
    targets,
    environments,
    findings,
    cloudFormation:
      template === undefined
        ? undefined
        : {
            stem: stackStem(graph),
            templateBytes: utf8ByteLength(template),
            nested: Object.keys(files).some((path) => path.startsWith(`${slug}/cloudformation/stacks/`)),
          },
  });
  const extra = options.extraDocuments?.(design, findings, environments) ?? {};
  for (const [path, content] of Object.entries(extra)) files[`${slug}/${path}`] = content;
  const sorted: GeneratedFiles = {};
  for (const path of Object.keys(files).sort(compareIds)) sorted[path] = files[path]!;
  return { slug, files: sorted, findings };
}

// Zip entries hold a DOS date in local time, and fflate reads it with the local-time getters.
// Build the date from local fields on every call, so every time zone writes the same bytes
// (1980-01-01 12:00: noon stays inside the DOS range 1980-2099 for every UTC offset and
// clear of any midnight daylight-saving gap). A UTC instant would be 1979 west of UTC.
function zipEntryTime(): Date {
  return new Date(1980, 0, 1, 12, 0, 0);
}

export function zipFiles(files: GeneratedFiles): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const mtime = zipEntryTime();
  for (const [path, content] of Object.entries(files)) entries[path] = [strToU8(content), { mtime }];
  return zipSync(entries, { level: 6 });
}

export function buildExportZip(design: Design, options: ExportOptions = {}): Uint8Array {
  return zipFiles(buildExport(design, options).files);
}
