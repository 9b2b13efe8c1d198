import { zipSync, strToU8 } from 'fflate';
import type { Design } from '@archgen/model';
import { validateDesign, type Finding } from '@archgen/rules';
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

/** Extra top-level documents (e.g. REVIEW.md) contributed by other features. */
export type ExtraDocuments = (design: Design, findings: Finding[], environments: string[]) => GeneratedFiles;

export function buildExport(
  design: Design,
  options: GenerateOptions & { extraDocuments?: ExtraDocuments } = {},
): ExportBundle {
  const environments = selectEnvironments(design, options.environments);
  const targets: TargetId[] = TARGETS.map((t) => t.id).filter(
    (id) => !options.targets || options.targets.includes(id),
  );
  if (targets.length === 0) throw new Error('Choose at least one target to export');
  const graph = lowerDesign(design, { environments });
  const findings = validateDesign(design, { environments });
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
        : { stem: stackStem(graph), templateBytes: utf8ByteLength(template) },
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

export function buildExportZip(
  design: Design,
  options: GenerateOptions & { extraDocuments?: ExtraDocuments } = {},
): Uint8Array {
  return zipFiles(buildExport(design, options).files);
}
