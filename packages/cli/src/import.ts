/**
 * `archgen import <file|folder> [--from cloudformation|sam|cdk|terraform] --out design.json
 * [--parameters <file>] [--report report.json]`: existing infrastructure code to a design.
 * The design is laid out (@archgen/layout); positions the source's layout metadata gives
 * (`Archgen::Layout`, `# archgen:layout`) are kept, so a re-import restores them exactly.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { serializeDesign } from '@archgen/model';
import { layoutDesign } from '@archgen/layout';
import * as importer from '@archgen/import';
import type { ImportResult, SourceFile, SourceFormat } from '@archgen/import';
import { describeFsError, InputError, UsageError } from './io.ts';
import { writeFileWhole } from './output.ts';
import type { CliIo } from './main.ts';

const FORMATS: readonly SourceFormat[] = ['cloudformation', 'sam', 'cdk', 'terraform'];
/** A source is text a person wrote or a tool synthesized: far below these. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 2000;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform', 'asset-staging']);
const READ_EXTENSIONS = /\.(ya?ml|json|template|tf|tfvars)$/i;

function readText(file: string, shown: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new InputError(`${shown}: cannot read (${describeFsError(error)})`);
  }
  if (size > MAX_FILE_BYTES) throw new InputError(`${shown}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${shown}: cannot read (${describeFsError(error)})`);
  }
}

/** The file, or every readable file under the folder, with paths relative to it. */
export function readSource(source: string): SourceFile[] {
  let stat;
  try {
    stat = statSync(source);
  } catch (error) {
    throw new InputError(`${source}: cannot read (${describeFsError(error)})`);
  }
  if (!stat.isDirectory()) return [{ path: basename(source), text: readText(source, source) }];
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    } catch (error) {
      throw new InputError(`${dir}: cannot read (${describeFsError(error)})`);
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('asset.')) walk(full);
      } else if (entry.isFile() && READ_EXTENSIONS.test(entry.name)) {
        if (files.length >= MAX_FILES)
          throw new InputError(
            `${source}: more than ${MAX_FILES} files; point at the template or cdk.out folder`,
          );
        files.push({ path: relative(source, full).split(sep).join('/'), text: readText(full, full) });
      }
    }
  };
  walk(source);
  if (files.length === 0)
    throw new InputError(`${source}: no template, cloud assembly or .tf file in this folder`);
  return files;
}

function readParameters(file: string): Record<string, string> {
  const text = readText(file, file);
  try {
    return importer.readParameterValues(text);
  } catch (error) {
    throw new InputError(
      `${file}: not a parameter file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** HashiCorp's HCL parser (wasm), loaded only when Terraform is imported. */
async function parseHcl(fileName: string, text: string): Promise<Record<string, unknown>> {
  const { parse } = await import('@cdktf/hcl2json');
  return (await parse(fileName, text)) as Record<string, unknown>;
}

async function runImporter(
  format: SourceFormat,
  files: SourceFile[],
  parametersFile: string | undefined,
): Promise<ImportResult> {
  try {
    switch (format) {
      case 'cloudformation':
      case 'sam':
        return importer.importCloudFormation(files, {
          parameters: parametersFile ? readParameters(parametersFile) : undefined,
        });
      case 'cdk':
        return importer.importCdkOut(files);
      case 'terraform': {
        // --parameters is a tfvars file here; a *.auto.tfvars / terraform.tfvars in the folder too.
        const tfvars = parametersFile
          ? readText(parametersFile, parametersFile)
          : files.find((f) => /(^|\/)(terraform|[^/]*\.auto)\.tfvars$/.test(f.path))?.text;
        const variables = tfvars ? await importer.parseTfvars(tfvars, parseHcl) : undefined;
        return await importer.importTerraform(
          files.filter((f) => /\.tf(\.json)?$/i.test(f.path)),
          { parseHcl, variables },
        );
      }
    }
  } catch (error) {
    if (error instanceof importer.ImportInputError) throw new InputError(error.message);
    if (format === 'terraform' && error instanceof Error && /parse config|:\d+,\d+/.test(error.message))
      throw new InputError(`Terraform: ${error.message}`);
    throw error;
  }
}

export interface ImportSummary {
  nodes: number;
  parts: number;
  kept: number;
  skipped: number;
  network: number;
}

export function summarize(result: ImportResult): ImportSummary {
  const count = (kind: string) => result.report.resources.filter((e) => e.outcome.kind === kind).length;
  return {
    nodes: count('node'),
    parts: count('part-of'),
    kept: count('kept'),
    skipped: count('skipped'),
    network: count('network'),
  };
}

export async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      out: { type: 'string' },
      parameters: { type: 'string' },
      report: { type: 'string' },
    },
  });
  const source = positionals[0];
  if (!source) throw new UsageError('import needs a template file or a folder (cdk.out, Terraform)');
  if (positionals.length > 1) throw new UsageError(`import reads one source, got ${positionals.join(', ')}`);
  if (!values.out) throw new UsageError('import needs --out <design.json> (or --out - for standard output)');
  if (values.from && !FORMATS.includes(values.from as SourceFormat))
    throw new UsageError(`--from must be one of ${FORMATS.join(', ')}, not "${values.from}"`);

  const files = readSource(source);
  const format = (values.from as SourceFormat | undefined) ?? importer.detectFormat(files);
  if (!format)
    throw new InputError(
      `${source}: not a CloudFormation or SAM template, a cdk.out folder or Terraform; say which with --from`,
    );
  const result = await runImporter(format, files, values.parameters);
  const errors = result.report.problems.filter((p) => p.severity === 'error');
  // Nothing could be read (every file failed to parse): unreadable input, nothing written.
  if (errors.length > 0 && result.report.resources.length === 0)
    throw new InputError(errors.map((p) => p.message).join('; '));
  // Laid out as a person would draw it; positions from the source's own layout metadata stay.
  const design = await layoutDesign(result.design, { keepExisting: true });

  const text = serializeDesign(design);
  if (values.out === '-') io.out(text.replace(/\n$/, ''));
  else writeFileWhole(values.out, new TextEncoder().encode(text));
  const s = summarize(result);
  if (values.report) {
    const report = {
      source,
      format: result.report.format,
      summary: s,
      resources: result.report.resources,
      problems: result.report.problems,
    };
    writeFileWhole(values.report, new TextEncoder().encode(JSON.stringify(report, null, 2) + '\n'));
  }

  const problems = result.report.problems;
  const serious = problems.filter((p) => p.severity !== 'info');
  io.err(
    `${source} (${result.report.format}): ${result.report.resources.length} resources: ${s.nodes} nodes, ${s.parts} parts, ${s.kept} kept, ${s.skipped} skipped, ${s.network} network` +
      `; ${problems.length} problem(s), ${serious.length} warning(s) or error(s)`,
  );
  const shown = serious.slice(0, 20);
  for (const p of shown)
    io.err(
      `  ${p.severity.toUpperCase().padEnd(7)} ${p.file ?? ''}${p.line ? `:${p.line}` : ''}${p.file ? ' ' : ''}${p.message}`,
    );
  if (serious.length > shown.length)
    io.err(
      `  ... and ${serious.length - shown.length} more${values.report ? ` in ${values.report}` : ' (--report lists them all)'}`,
    );
  if (values.out !== '-') io.err(`wrote ${values.out}`);
  // Written, but part of the source could not be read (a file that does not parse): exit 1.
  if (errors.length > 0) {
    io.err(`archgen: imported with ${errors.length} error(s): part of ${source} was not read`);
    return 1;
  }
  return 0;
}
