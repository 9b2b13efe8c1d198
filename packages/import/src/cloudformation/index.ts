/**
 * CloudFormation, SAM and CDK (cdk.out) readers: source files in, a design and its report out.
 */
import { createDesign, type Design } from '@archgen/model';
import type { ImportProblem, ImportResult, ReportEntry, SourceFile, SourceFormat } from '../report.ts';
import { IdPool, importTemplate, isSam, type TemplatePieces } from './import.ts';
import { TemplateSyntaxError, parseTemplateText } from './parse.ts';

export { TemplateSyntaxError } from './parse.ts';

export interface CloudFormationImportOptions {
  /** Parameter values (the CLI's --parameters file), over the template's defaults. */
  parameters?: Record<string, string>;
  /** The environment the template describes, when no parameter selects one. */
  environment?: string;
}

/** Input the importer cannot read at all (no template, not YAML or JSON): the CLI exits 2. */
export class ImportInputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ImportInputError';
  }
}

const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;
const PARAMETER_FILE = /(^|\/)parameters\/([a-z][a-z0-9-]*)\.json$/;

function parseOrThrow(file: SourceFile) {
  try {
    return parseTemplateText(file.path, file.text);
  } catch (error) {
    if (error instanceof TemplateSyntaxError)
      throw new ImportInputError(error.message, error.file, error.line);
    throw error;
  }
}

/** `[{ ParameterKey, ParameterValue }]` (aws cloudformation deploy), `{ Parameters: {...} }` or `{ Key: Value }`. */
export function readParameterValues(text: string): Record<string, string> {
  const data: unknown = JSON.parse(text);
  const out: Record<string, string> = {};
  if (Array.isArray(data)) {
    for (const item of data) {
      const p = item as { ParameterKey?: unknown; ParameterValue?: unknown };
      if (typeof p.ParameterKey === 'string') out[p.ParameterKey] = String(p.ParameterValue ?? '');
    }
    return out;
  }
  if (typeof data === 'object' && data !== null) {
    const record = (data as Record<string, unknown>).Parameters ?? data;
    for (const [k, v] of Object.entries(record as Record<string, unknown>))
      out[k] = Array.isArray(v) ? v.join(',') : String(v);
  }
  return out;
}

/** One template (JSON or YAML); SAM when its Transform names AWS::Serverless-2016-10-31. */
export function importCloudFormation(
  files: SourceFile[],
  options: CloudFormationImportOptions = {},
): ImportResult {
  const templates = files.filter((f) => TEMPLATE_FILE.test(f.path) && !PARAMETER_FILE.test(f.path));
  if (templates.length === 0)
    throw new ImportInputError('no template (.yaml, .yml, .json or .template) was given');
  if (templates.length > 1)
    throw new ImportInputError(`one template at a time: got ${templates.map((f) => f.path).join(', ')}`);
  const file = templates[0]!;
  const parsed = parseOrThrow(file);
  // parameters/<env>.json beside the template (what archgen's CloudFormation export writes).
  const parameterFiles: Record<string, Record<string, string>> = {};
  const problems: ImportProblem[] = [...parsed.problems];
  for (const f of files) {
    const m = PARAMETER_FILE.exec(f.path);
    if (!m) continue;
    try {
      parameterFiles[m[2]!] = readParameterValues(f.text);
    } catch {
      problems.push({ severity: 'warning', message: 'not a parameter file (JSON); ignored', file: f.path });
    }
  }
  const pieces = importTemplate(
    file.path,
    parsed.template,
    { ...options, ...(Object.keys(parameterFiles).length > 0 ? { parameterFiles } : {}) },
    new IdPool(),
  );
  const format: SourceFormat = isSam(parsed.template) ? 'sam' : 'cloudformation';
  return assemble(format, nameFrom(file.path, pieces), [pieces], problems);
}

/** "Orders API: what it does..." -> "Orders API"; else the first sentence; else the file name. */
function nameFrom(path: string, pieces: TemplatePieces): string {
  const line = pieces.description?.split('\n')[0]?.trim() ?? '';
  const colon = line.indexOf(': ');
  let name = colon > 0 && colon <= 100 ? line.slice(0, colon) : (line.split(/\.\s|\s\(/)[0] ?? '');
  if (name.length > 100) name = `${name.slice(0, 100).replace(/\s+\S*$/, '')}...`;
  const stem = path
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
  return (name.trim() || stem).slice(0, 128) || 'Imported design';
}

export function assemble(
  format: SourceFormat,
  name: string,
  all: TemplatePieces[],
  extraProblems: ImportProblem[] = [],
): ImportResult {
  const first = all[0];
  const environments = first?.environments.length ? first.environments : createDesign().environments;
  // Several stacks (cdk.out): one set of environments; overrides of every stack merged.
  for (const pieces of all.slice(1))
    for (const env of pieces.environments) {
      const target = environments.find((e) => e.name === env.name);
      if (target) Object.assign(target.overrides, env.overrides);
    }
  const design: Design = createDesign({
    name,
    description: (all.map((p) => p.description ?? '').find((d) => d) ?? '').slice(0, 8192),
    environments,
    vpcs: all.flatMap((p) => p.vpcs).slice(0, 5),
    nodes: all.flatMap((p) => p.nodes),
    connections: all.flatMap((p) => p.connections),
  });
  const groups = all.flatMap((p) => p.groups ?? []);
  if (groups.length > 0) design.groups = groups;
  // One template's sections: several stacks' (a cdk.out) would clash in one template.
  if (all.length === 1 && all[0]!.keptTemplate) design.keptTemplate = all[0]!.keptTemplate;
  const resources: ReportEntry[] = all.flatMap((p) => p.resources);
  const problems = [...extraProblems, ...all.flatMap((p) => p.problems)];
  if (all.flatMap((p) => p.vpcs).length > 5)
    problems.push({
      severity: 'error',
      message: 'more than 5 VPCs: the design holds 5; the rest are left out',
    });
  return { design, report: { format, resources, problems } };
}

export { IdPool, importTemplate, isSam, parseOrThrow };
