import { zipSync, strToU8 } from 'fflate';
import type { Design } from '@archgen/model';
import { validateDesign, type Finding } from '@archgen/rules';
import { lowerDesign, type GeneratedFiles, type TargetId } from '@archgen/infra';
import { runGenerator, selectEnvironments, TARGETS, type GenerateOptions } from './generate.ts';
import { renderBundleReadme } from './readme.ts';

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
  files[`${slug}/README.md`] = renderBundleReadme(design, { targets, environments, findings });
  const extra = options.extraDocuments?.(design, findings, environments) ?? {};
  for (const [path, content] of Object.entries(extra)) files[`${slug}/${path}`] = content;
  const sorted: GeneratedFiles = {};
  for (const path of Object.keys(files).sort((a, b) => a.localeCompare(b))) sorted[path] = files[path]!;
  return { slug, files: sorted, findings };
}

// A fixed timestamp keeps the zip byte-for-byte reproducible (zip dates start in 1980).
const ZIP_MTIME = new Date(Date.UTC(1980, 0, 1));

export function zipFiles(files: GeneratedFiles): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [path, content] of Object.entries(files))
    entries[path] = [strToU8(content), { mtime: ZIP_MTIME }];
  return zipSync(entries, { level: 6 });
}

export function buildExportZip(
  design: Design,
  options: GenerateOptions & { extraDocuments?: ExtraDocuments } = {},
): Uint8Array {
  return zipFiles(buildExport(design, options).files);
}
