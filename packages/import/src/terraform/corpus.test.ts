/**
 * The Terraform corpus (`../shared/corpora/terraform`): every configuration imports, every
 * `resource` block written in the source has exactly its report entry, and the imported designs
 * pass the design parser and the rules. Prints the figures the issue asks for.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@cdktf/hcl2json';
import { layoutDesignSync, pictureProblems } from '@archgen/layout';
import { parseDesign, type Design } from '@archgen/model';
// @archgen/import does not depend on the rules package; the test reaches it by path.
import { validateDesign } from '../../../rules/src/index.ts';
import { describe, expect, it } from 'vitest';
import type { ImportResult, SourceFile } from '../report.ts';
import { importTerraform } from './index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpora', 'terraform');

function tfFiles(dir: string, base = dir): SourceFile[] {
  const out: SourceFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...tfFiles(full, base));
    else if (name.endsWith('.tf'))
      out.push({
        path: path.relative(base, full).split(path.sep).join('/'),
        text: readFileSync(full, 'utf8'),
      });
  }
  return out;
}

function configurations(): { name: string; files: SourceFile[] }[] {
  if (!existsSync(corpus)) throw new Error(`The Terraform corpus is missing: expected it at ${corpus}`);
  const out: { name: string; files: SourceFile[] }[] = [];
  const patterns = path.join(corpus, 'serverless-patterns');
  for (const name of readdirSync(patterns).sort())
    if (statSync(path.join(patterns, name)).isDirectory())
      out.push({ name: `serverless-patterns/${name}`, files: tfFiles(path.join(patterns, name)) });
  const examples = path.join(corpus, 'terraform-aws-vpc', 'examples');
  for (const name of readdirSync(examples).sort())
    out.push({ name: `terraform-aws-vpc/examples/${name}`, files: tfFiles(path.join(examples, name)) });
  return out;
}

/** `file|type.name` of every resource block, by a plain scan of the text (not the importer's parser). */
function sourceBlocks(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files)
    for (const m of f.text.matchAll(/^[ \t]*resource[ \t]+"([^"]+)"[ \t]+"([^"]+)"/gm))
      out.push(`${f.path}|${m[1]}.${m[2]}`);
  return out.sort();
}

function reportBlocks(result: ImportResult): string[] {
  return result.report.resources
    .filter((e) => e.sourceType !== 'module')
    .map((e) => `${e.file}|${e.sourceType}.${e.sourceId.split('.').pop()}`)
    .sort();
}

/** The design without kept nodes: "other resource" nodes validate only once generators know them (h/passthrough). */
function withoutKept(design: Design): Design {
  return { ...design, nodes: design.nodes.filter((n) => n.type !== 'other-resource') };
}

describe('Terraform corpus', () => {
  it('imports at least 85% of configurations with matching resource counts, and the designs validate', async () => {
    const configs = configurations();
    expect(configs.length).toBeGreaterThanOrEqual(40);
    const byKind: Record<string, number> = {};
    let imported = 0;
    let matching = 0;
    let sourceTotal = 0;
    let entryTotal = 0;
    let withoutKeptNodes = 0;
    let connections = 0;
    let parsedDesigns = 0;
    const severities: Record<string, number> = {};
    const failures: string[] = [];
    const schemaErrors: string[] = [];
    const pictureFailures: string[] = [];
    for (const config of configs) {
      let result: ImportResult;
      try {
        result = await importTerraform(config.files, { parseHcl: parse });
      } catch (error) {
        failures.push(`${config.name}: threw ${String(error)}`);
        continue;
      }
      const errors = result.report.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) failures.push(`${config.name}: ${errors[0]!.message}`);
      else imported++;
      const source = sourceBlocks(config.files);
      const entries = reportBlocks(result);
      sourceTotal += source.length;
      entryTotal += entries.length;
      if (JSON.stringify(source) === JSON.stringify(entries)) matching++;
      else
        failures.push(`${config.name}: ${source.length} resource blocks, ${entries.length} report entries`);
      for (const e of result.report.resources) byKind[e.outcome.kind] = (byKind[e.outcome.kind] ?? 0) + 1;
      connections += result.design.connections.length;
      // Laid out as the CLI and the app do: no overlap, every node inside its band.
      for (const p of pictureProblems(layoutDesignSync(result.design)))
        pictureFailures.push(`${config.name}: ${p}`);
      for (const p of result.report.problems) severities[p.severity] = (severities[p.severity] ?? 0) + 1;

      const design = withoutKept(result.design);
      if (design.nodes.length === result.design.nodes.length) withoutKeptNodes++;
      const parsed = parseDesign(design);
      if (!parsed.ok)
        schemaErrors.push(`${config.name}: ${parsed.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
      else {
        parsedDesigns++;
        expect(() => validateDesign(parsed.design)).not.toThrow();
      }
    }
    console.log(
      [
        `Terraform corpus: ${configs.length} configurations`,
        `  imported without throw and without error problems: ${imported} (${Math.round((imported / configs.length) * 100)}%)`,
        `  resource blocks in the source: ${sourceTotal}; report entries for them: ${entryTotal}; configurations matching: ${matching}`,
        `  outcomes: ${Object.entries(byKind)
          .sort()
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
        `  connections inferred: ${connections}; designs without kept nodes: ${withoutKeptNodes}`,
        `  designs (kept nodes left out) that parse and pass validateDesign: ${parsedDesigns}`,
        `  problems: ${Object.entries(severities)
          .sort()
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
        ...failures.map((f) => `  ! ${f}`),
        ...schemaErrors.map((f) => `  schema: ${f}`),
        `  layout problems (overlaps, nodes outside their band): ${pictureFailures.length}`,
      ].join('\n'),
    );
    expect(pictureFailures).toEqual([]);
    expect(imported / configs.length).toBeGreaterThanOrEqual(0.85);
    expect(matching / configs.length).toBeGreaterThanOrEqual(0.85);
    expect(schemaErrors).toEqual([]);
  }, 120_000);

  it('draws the local modules of corpus configurations as groups holding their resources', async () => {
    const groupsOf = async (name: string) => {
      const result = await importTerraform(tfFiles(path.join(corpus, 'serverless-patterns', name)), {
        parseHcl: parse,
      });
      expect(parseDesign(withoutKept(result.design)).ok).toBe(true);
      return Object.fromEntries(
        (result.design.groups ?? []).map((g) => [
          `${g.name} (${g.source})`,
          result.design.nodes.filter((n) => n.group === g.id).map((n) => `${n.type} ${n.name}`),
        ]),
      );
    };
    expect(await groupsOf('s3-lambda-dynamodb-terraform')).toEqual({
      'module.s3_event (./modules/s3_event)': [
        expect.stringMatching(/^lambda /),
        expect.stringMatching(/^s3 /),
      ],
      'module.dynamodb (./modules/dynamodb)': [expect.stringMatching(/^dynamodb /)],
    });
    const firehose = await groupsOf('firehose-transformation-terraform');
    expect(Object.keys(firehose)).toEqual([
      'module.s3_destination_bucket (./modules/s3)',
      'module.data_transformation_lambda (./modules/lambda)',
      'module.firehose_delivery_stream (./modules/firehose)',
    ]);
    expect(firehose['module.s3_destination_bucket (./modules/s3)']).toEqual([expect.stringMatching(/^s3 /)]);
    expect(firehose['module.data_transformation_lambda (./modules/lambda)']).toEqual([
      expect.stringMatching(/^lambda /),
    ]);
  });
});
