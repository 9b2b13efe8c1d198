/**
 * What the import worker does with the files a user opened or dropped: zips (a zipped cdk.out)
 * are unpacked, bytes decoded as UTF-8 (anything else is refused by name), then the reader for
 * the detected format runs. Kept apart from the worker so it is testable without one.
 */
import { unzipSync } from 'fflate';
import {
  detectFormat,
  importCdkOut,
  importCloudFormation,
  importTerraform,
  parseTfvars,
  type ImportResult,
  type SourceFile,
  type SourceFormat,
} from '@archgen/import';
import { parseHclInBrowser } from './hcl.ts';

/** One file as the page read it: its path (folder picks keep theirs) and bytes. */
export interface RawFile {
  path: string;
  bytes: Uint8Array;
}

/** Files larger than this are refused before parsing (the largest real templates are ~1 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(path: string, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Error(`${path} is not UTF-8 text: is it a template, a .tf file or a zipped cdk.out?`);
  }
}

export function readSources(raw: readonly RawFile[]): SourceFile[] {
  const total = raw.reduce((n, f) => n + f.bytes.length, 0);
  if (total > MAX_IMPORT_BYTES)
    throw new Error(`The files are ${(total / 1048576).toFixed(1)} MB; import reads at most 20 MB.`);
  const files: SourceFile[] = [];
  for (const file of raw) {
    if (/\.zip$/i.test(file.path)) {
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(file.bytes);
      } catch {
        throw new Error(`${file.path} is not a readable zip file`);
      }
      for (const [path, bytes] of Object.entries(entries)) {
        if (path.endsWith('/') || /(^|\/)(__MACOSX|\.)/.test(path)) continue;
        if (!/\.(json|ya?ml|template|tf|tfvars)$/i.test(path)) continue;
        files.push({ path, text: decode(`${file.path}: ${path}`, bytes) });
      }
    } else files.push({ path: file.path, text: decode(file.path, file.bytes) });
  }
  if (files.length === 0) throw new Error('Nothing to import: no template, cdk.out or .tf file found.');
  return files;
}

export async function runImport(files: SourceFile[], from?: SourceFormat): Promise<ImportResult> {
  const format = from ?? detectFormat(files);
  if (!format)
    throw new Error(
      `Could not tell what ${files.length === 1 ? files[0]!.path : 'these files'} are: open a CloudFormation or SAM template (YAML or JSON), a cdk.out folder or zip, or Terraform .tf files.`,
    );
  if (format === 'terraform') {
    const vars = files.find((f) => /\.tfvars$/i.test(f.path));
    return importTerraform(
      files.filter((f) => /\.tf(\.json)?$/i.test(f.path)),
      {
        parseHcl: parseHclInBrowser,
        variables: vars ? await parseTfvars(vars.text, parseHclInBrowser) : undefined,
      },
    );
  }
  if (format === 'cdk') return importCdkOut(files);
  return importCloudFormation(files);
}
