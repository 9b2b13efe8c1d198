#!/usr/bin/env node
/**
 * archgen: validate and review designs, list the catalog and rules, generate IaC.
 * Exit codes: 0 ok, 1 the design has error-level findings (or, for generate, findings that make its
 * code fail), 2 unreadable or invalid input / usage /
 * I/O error, 70 an internal error (a bug).
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { searchServices, type Design, type MissingService } from '@archgen/model';
import { RULES, isoDay, validateDesign, type Finding } from '@archgen/rules';
import { readDesignFile, displayName, sourceOf, UsageError, InputError } from './io.ts';

const USAGE = `Usage: archgen <command> [options]

Commands:
  validate <design.json> [--env <env>] [--json]   check a design; exit 1 when it has errors
  generate <design.json> --target cdk|terraform|cloudformation|all --out <dir|file.zip> [--env <env>] [--force]
                                                     a folder holding files archgen did not write is
                                                     refused unless --force; stale generated files are removed;
                                                     a design whose code would not deploy (findings such as
                                                     NET-07) is refused (exit 1) unless --force
  review <design.json> [--env <env>] [--write REVIEW.md] [--json]
                                                     scorecard, monthly cost per node and environment,
                                                     cost suggestions; --write saves REVIEW.md
  services [QUERY] [--json]                          list the service catalog (QUERY: name or keyword, e.g. elb)
  rules [--json]                                     list the rules
  import <file|folder> --out <design.json|-> [--from cloudformation|sam|cdk|terraform]
         [--parameters <file>] [--report <report.json>]
                                                     a CloudFormation or SAM template, a cdk.out folder
                                                     or Terraform to a design; every resource is reported
                                                     (node, part of a node, network, kept, skipped);
                                                     laid out; --parameters: CloudFormation parameter
                                                     values, or a tfvars file for Terraform

A design file may be "-" for standard input.

Exit codes: 0 success, 1 the design has open critical or high findings (validate, review)
or findings that make its code fail (generate), or part of the source could not be read (import), 2 unreadable or invalid input, or a file or folder that cannot be read or written.`;

/** Findings at these severities make `validate` exit 1. */
const ERROR_SEVERITIES = new Set(['critical', 'high']);

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** What `-` reads; the real standard input when run as a program. */
  stdin?: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
}

export function formatFinding(design: Design, f: Finding): string {
  const name =
    design.nodes.find((n) => n.id === f.target.id)?.name ??
    design.vpcs.find((v) => v.id === f.target.id)?.name ??
    f.target.id;
  const env = f.environment ? ` [${f.environment}]` : '';
  const accepted = f.accepted ? ` (accepted: ${f.accepted.reason})` : '';
  const fix = f.fix ? `\n      fix: ${f.fix.title}` : '';
  return `  ${f.severity.toUpperCase().padEnd(8)} ${f.ruleId.padEnd(8)} ${name}${env}: ${f.message}${accepted}${fix}`;
}

async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, env: { type: 'string', multiple: true } },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('validate needs a design file');
  const design = await readDesignFile(file, sourceOf(io));
  const envs = values.env;
  const unknown = (envs ?? []).filter((e) => !design.environments.some((d) => d.name === e));
  if (unknown.length) throw new InputError(`${displayName(file)}: unknown environment ${unknown.join(', ')}`);
  // Versions past their end of support are judged on the day the command runs.
  const findings = validateDesign(design, {
    ...(envs ? { environments: envs } : {}),
    today: isoDay(new Date()),
  });
  const open = findings.filter((f) => !f.accepted);
  const errors = open.filter((f) => ERROR_SEVERITIES.has(f.severity));
  if (values.json) {
    io.out(JSON.stringify({ file, design: design.name, errors: errors.length, findings }, null, 2));
  } else {
    io.out(
      `${design.name}: ${open.length} open finding(s), ${errors.length} error(s), ${findings.length - open.length} accepted`,
    );
    for (const f of findings) io.out(formatFinding(design, f));
  }
  return errors.length > 0 ? 1 : 0;
}

function servicesCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  // The palette's search: names, abbreviations and catalog keywords ("elb", "k8s", "bucket").
  const search = searchServices(positionals.join(' '));
  const rows = search.matches.map((s) => ({
    type: s.type,
    displayName: s.displayName,
    category: s.category,
    placements: [...s.placements],
    abbreviations: [...(s.abbreviations ?? [])],
    keywords: [...(s.keywords ?? [])],
  }));
  if (values.json) io.out(JSON.stringify(rows, null, 2));
  else {
    for (const r of rows)
      io.out(
        `${r.type.padEnd(20)} ${r.displayName.padEnd(32)} ${r.category.padEnd(12)} ${r.placements.join(', ')}`,
      );
    if (search.missing) io.out(missingLine(search.missing));
  }
  return 0;
}

/** "AWS WAF is not in the catalog yet. <hint> The closest services: cloudfront (...), alb (...)." */
function missingLine(missing: MissingService): string {
  const name = missing.notYet ? missing.name : `"${missing.name}"`;
  const closest = missing.closest.map((s) => `${s.type} (${s.displayName})`);
  return [
    `${name} is not in the catalog yet.`,
    ...(missing.notYet?.hint ? [missing.notYet.hint] : []),
    ...(closest.length > 0
      ? [`The closest service${closest.length > 1 ? 's' : ''}: ${closest.join(', ')}.`]
      : []),
  ].join(' ');
}

function rulesCommand(args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const rows = RULES.map((r) => ({
    id: r.id,
    pillar: r.pillar,
    severity: r.severity,
    title: r.title,
    equivalents: [...r.equivalents],
    // Why its findings make `generate` refuse the design (absent for rules that do not).
    ...(r.breaksGeneratedCode ? { breaksGeneratedCode: r.breaksGeneratedCode.reason } : {}),
  }));
  if (values.json) io.out(JSON.stringify(rows, null, 2));
  else
    for (const r of rows)
      io.out(`${r.id.padEnd(8)} ${r.pillar.padEnd(24)} ${r.severity.padEnd(9)} ${r.title}`);
  return 0;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await validateCommand(rest, io);
      case 'generate':
        // Loaded on demand: validate and list commands need none of the generators.
        return await (await import('./generate.ts')).runGenerate(rest, io);
      case 'review':
        // Loaded on demand like generate: @archgen/review reaches the generators through @archgen/export.
        return await (await import('./review.ts')).runReview(rest, io);
      case 'import':
        // Loaded on demand: only import needs the readers.
        return await (await import('./import.ts')).runImport(rest, io);
      case 'services':
        return servicesCommand(rest, io);
      case 'rules':
        return rulesCommand(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`archgen: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(`archgen: ${error.message}`);
      return 2;
    }
    // parseArgs reports unknown options with a TypeError carrying this code.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`archgen: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

/** Unexpected failures (a bug, not the user's input): one line, the stack only on request. */
export const EXIT_INTERNAL = 70;

/**
 * The process entry: runs the command line in `process.argv` on the real streams and sets the
 * exit code. bin/archgen.mjs calls it from the bundled CLI; `tsx src/main.ts` runs it below.
 */
export async function runProcess(): Promise<void> {
  // `archgen validate x | head` closes the pipe early: stop quietly, as other tools do.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  let code: number;
  try {
    code = await runCli(process.argv.slice(2), {
      out: (t) => process.stdout.write(t + '\n'),
      err: (t) => process.stderr.write(t + '\n'),
      stdin: process.stdin,
    });
  } catch (error) {
    process.stderr.write(
      process.env.ARCHGEN_DEBUG
        ? `${(error as Error)?.stack ?? String(error)}\n`
        : `archgen: internal error: ${String((error as Error)?.message ?? error).split('\n')[0]} (this is a bug; ARCHGEN_DEBUG=1 shows where)\n`,
    );
    code = EXIT_INTERNAL;
  }
  process.exitCode = code;
  // A pipe still open on stdin (`archgen validate -` stopped early) must not keep the process alive.
  process.stdin.destroy();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runProcess();
