import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TargetId } from '@archgen/infra';
import { isoDay } from '@archgen/rules';
import {
  blockingFindingsOf,
  buildExport,
  zipFiles,
  GenerationError,
  TARGETS,
  UndeployableDesignError,
  type BlockingFinding,
} from '@archgen/export';
import { reviewDocuments } from '@archgen/review';
import { readDesignFile, displayName, sourceOf, UsageError, InputError } from './io.ts';
import { writeFileWhole, writeFolder } from './output.ts';
import type { CliIo } from './main.ts';

function parseTargets(value: string | undefined): TargetId[] {
  if (!value) throw new UsageError('generate needs --target cdk|terraform|cloudformation|all');
  if (value === 'all') return TARGETS.map((t) => t.id);
  const ids = value.split(',');
  for (const id of ids)
    if (!TARGETS.some((t) => t.id === id))
      throw new UsageError(`unknown target "${id}"; use cdk, terraform, cloudformation or all`);
  return ids as TargetId[];
}

/** One line per blocking finding: which rule, where, what, and how to fix it. */
function blockingLines(findings: readonly BlockingFinding[]): string {
  return findings
    .map(
      (f) =>
        // Most messages start with the name already ("Main VPC: ..."): say it once.
        `  ${f.ruleId} ${f.message.startsWith(f.name) ? '' : `${f.name}: `}${f.message}${f.environment ? ` [${f.environment}]` : ''}${f.fix ? ` (fix: ${f.fix})` : ''}`,
    )
    .join('\n');
}

/**
 * `archgen generate`: a .zip gets the full bundle (`<design>/README.md`, `cdk/`, `terraform/`,
 * `cloudformation/`); a directory gets the bundle's contents, or a single target's files directly.
 * Output is written whole or not at all (see output.ts); a folder holding files archgen did not
 * write is refused unless --force. A design with findings that make the code fail its toolchain or
 * its deploy (Rule.breaksGeneratedCode) is refused with exit 1 and nothing written; --force writes
 * it anyway with a warning. One flag: both cases mean "write what I asked for, I know the risk".
 */
export async function runGenerate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      out: { type: 'string' },
      env: { type: 'string', multiple: true },
      force: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('generate needs a design file');
  const targets = parseTargets(values.target);
  if (!values.out) throw new UsageError('generate needs --out <dir or file.zip>');
  const design = await readDesignFile(file, sourceOf(io));
  let bundle;
  try {
    bundle = buildExport(design, {
      targets,
      environments: values.env,
      extraDocuments: reviewDocuments,
      force: values.force,
      today: isoDay(new Date()),
    });
  } catch (error) {
    if (error instanceof UndeployableDesignError) {
      io.err(
        `archgen: refusing to generate ${displayName(file)}: the code would not deploy until ${error.findings.length === 1 ? 'this finding is' : `these ${error.findings.length} findings are`} fixed:\n${blockingLines(error.findings)}\nFix the design, or add --force to write it anyway.`,
      );
      return 1;
    }
    if (error instanceof Error && error.message.startsWith('Unknown environment'))
      throw new InputError(`${displayName(file)}: ${error.message}`);
    if (error instanceof GenerationError) {
      io.err(
        `archgen: cannot generate ${displayName(file)}: ${error.message}\nFix the design first (archgen validate ${file} lists its problems and fixes).`,
      );
      return 1;
    }
    throw error;
  }
  const blocking = values.force ? blockingFindingsOf(design, bundle.findings) : [];
  if (blocking.length > 0)
    io.err(
      `warning: --force: writing code that will not deploy until ${blocking.length} finding(s) are fixed:\n${blockingLines(blocking)}`,
    );
  const out = resolve(values.out);
  if (/\.zip$/i.test(out)) {
    writeFileWhole(out, zipFiles(bundle.files));
    io.out(`wrote ${out} (${Object.keys(bundle.files).length} files)`);
  } else {
    const prefix = targets.length === 1 ? `${bundle.slug}/${targets[0]}/` : `${bundle.slug}/`;
    const files: Record<string, string | Uint8Array> = {};
    for (const [path, content] of Object.entries(bundle.files))
      if (path.startsWith(prefix)) files[path.slice(prefix.length)] = content;
    const result = writeFolder(out, files, { force: values.force });
    const removed = result.removed.length
      ? `, removed ${result.removed.length} it no longer writes (${result.removed.slice(0, 3).join(', ')}${result.removed.length > 3 ? ', ...' : ''})`
      : '';
    io.out(`wrote ${result.written} files to ${out}${removed}`);
  }
  const open = bundle.findings.filter((f) => !f.accepted);
  if (open.length)
    io.err(`note: the design has ${open.length} open finding(s); run "archgen validate ${file}"`);
  return 0;
}
