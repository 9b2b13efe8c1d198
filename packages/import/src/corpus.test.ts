/**
 * The import over the shared corpora of real templates (../shared/corpora: CloudFormation and
 * SAM), with the figures issue 15 asks for printed, and its thresholds asserted:
 * - at least 95% of templates that use no Transform but SAM and no custom resource import;
 * - no resource dropped in silence (each has exactly one report entry);
 * - every imported design validates (schema and rules run); kept ("other resource") nodes are
 *   set aside for that until their catalog entry lands (branch h/passthrough), and so is the
 *   CloudFormation specification check of the regenerated template.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { layoutDesignSync, pictureProblems } from '@archgen/layout';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign, type Design } from '@archgen/model';
import { validateDesign } from '@archgen/rules';
import { generateAll } from '@archgen/export';
import { parseTemplate } from '@archgen/generator-cloudformation';
import { validateTemplate } from '../../../generators/cloudformation/src/verify/spec-validator.toolchain.ts';
import { importCloudFormation, type ImportResult, type ResourceOutcome } from './index.ts';
import { parseTemplateText } from './cloudformation/parse.ts';
import { referencesIn } from './cloudformation/intrinsics.ts';
import { transformsOf } from './cloudformation/import.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const CORPORA = resolve(repoRoot, '..', 'shared', 'corpora');

/**
 * The share of imported resources whose logical id the re-export keeps, asserted. Issue 15 asks
 * for 95%; this is the floor reached (99.8% printed in the test output). What is left: see the
 * "not kept" lines (a second public route table of a network the design rebuilds with one).
 * Parts the export would not make again are kept resources (import's remade.ts), not claimed.
 */
const RETENTION_FLOOR = 0.99;

function templatesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? templatesUnder(path) : /\.ya?ml$/.test(name) ? [path] : [];
    });
}

/** Kept nodes need the other-resource catalog entry (h/passthrough): left out to validate the rest. */
function withoutKept(design: Design): Design {
  const kept = new Set(design.nodes.filter((n) => n.type === 'other-resource').map((n) => n.id));
  return {
    ...design,
    nodes: design.nodes.filter((n) => !kept.has(n.id)),
    connections: design.connections.filter((c) => !kept.has(c.from) && !kept.has(c.to)),
  };
}

interface Row {
  file: string;
  eligible: boolean;
  result?: ImportResult;
  error?: string;
  sourceIds: string[];
  /** Each source resource's references to other resources of the template. */
  sourceRefs: Map<string, string[]>;
  ms: number;
}

describe('import over the corpora', () => {
  if (!existsSync(CORPORA))
    throw new Error(
      `the corpora are missing: expected them at ${CORPORA} (../shared/corpora from the repository)`,
    );
  const files = ['cloudformation', 'sam'].flatMap((kind) => templatesUnder(join(CORPORA, kind)));

  const rows: Row[] = files.map((path) => {
    const file = relative(CORPORA, path);
    const text = readFileSync(path, 'utf8');
    // The source's own view of its resources, to count what the import accounts for.
    let sourceIds: string[] = [];
    const sourceRefs = new Map<string, string[]>();
    let eligible = true;
    try {
      const { template } = parseTemplateText(file, text);
      const resources = template.Resources as Record<string, { Type?: unknown }>;
      sourceIds = Object.keys(resources);
      for (const [id, r] of Object.entries(resources))
        sourceRefs.set(
          id,
          referencesIn((r as { Properties?: unknown }).Properties)
            .map((x) => x.target)
            .filter((t) => t in resources && t !== id),
        );
      const types = Object.values(resources).map((r) => String(r?.Type ?? ''));
      eligible =
        transformsOf(template).every((t) => t === 'AWS::Serverless-2016-10-31') &&
        !types.some((t) => t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource');
    } catch {
      // Counted as a failed import below.
    }
    const start = performance.now();
    try {
      const result = importCloudFormation([{ path: file, text }]);
      return { file, eligible, result, sourceIds, sourceRefs, ms: performance.now() - start };
    } catch (error) {
      return { file, eligible, error: String(error), sourceIds, sourceRefs, ms: performance.now() - start };
    }
  });

  it('lays out every imported design with no overlap and every node inside its band', () => {
    const problems: string[] = [];
    let slowest = 0;
    let laidOut = 0;
    for (const r of rows) {
      if (!r.result) continue;
      const start = performance.now();
      const laid = layoutDesignSync(r.result.design);
      slowest = Math.max(slowest, performance.now() - start);
      laidOut++;
      for (const p of pictureProblems(laid)) problems.push(`${r.file}: ${p}`);
    }
    console.log(
      `layout: ${laidOut} imported designs laid out, slowest ${slowest.toFixed(1)} ms, ${problems.length} problems`,
    );
    expect(laidOut).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('imports at least 95% of the templates with no other Transform and no custom resource', () => {
    const eligible = rows.filter((r) => r.eligible);
    const imported = eligible.filter((r) => r.result);
    const outcomes: Record<ResourceOutcome['kind'], number> = {
      node: 0,
      'part-of': 0,
      network: 0,
      kept: 0,
      skipped: 0,
    };
    for (const r of rows) for (const e of r.result?.report.resources ?? []) outcomes[e.outcome.kind]++;
    const slowest = [...rows].sort((a, b) => b.ms - a.ms)[0]!;
    console.log(
      [
        `corpus: ${rows.length} templates (${files.filter((f) => f.includes('/sam/')).length} SAM)`,
        `eligible (no non-SAM Transform, no custom resource): ${eligible.length}; imported (exit 0): ${imported.length} = ${((100 * imported.length) / eligible.length).toFixed(1)}%`,
        `all templates imported: ${rows.filter((r) => r.result).length} of ${rows.length}`,
        `resources by outcome: ${Object.entries(outcomes)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
        `slowest import: ${slowest.file} ${slowest.ms.toFixed(0)} ms`,
        ...rows.filter((r) => r.error).map((r) => `  failed: ${r.file}: ${r.error}`),
      ].join('\n'),
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(imported.length / eligible.length).toBeGreaterThanOrEqual(0.95);
  });

  it('drops no resource in silence: each has exactly one report entry', () => {
    let dropped = 0;
    const lines: string[] = [];
    for (const r of rows) {
      if (!r.result) continue;
      const entries = r.result.report.resources.map((e) => e.sourceId);
      for (const id of r.sourceIds) {
        const n = entries.filter((e) => e === id).length;
        // Fn::ForEach blocks are not resources; the import says it did not expand them.
        const said =
          id.startsWith('Fn::ForEach::') && r.result.report.problems.some((p) => p.message.startsWith(id));
        if (n !== 1 && !said) {
          dropped++;
          lines.push(`  ${r.file}: ${id} has ${n} entries`);
        }
      }
      expect(entries.length, r.file).toBe(new Set(entries).size);
    }
    console.log([`silently dropped: ${dropped}`, ...lines].join('\n'));
    expect(dropped).toBe(0);
  });

  // Generating ~80 templates and loading the specification database takes a few seconds.
  it(
    'gives designs that validate, and regenerate CloudFormation that passes the specification check',
    { timeout: 60_000 },
    () => {
      let withoutKeptNodes = 0;
      let valid = 0;
      let keptAsideValid = 0;
      let generated = 0;
      let specClean = 0;
      let emptyAside = 0;
      const emptyGenerated: string[] = [];
      const failures: string[] = [];
      const specFailures: string[] = [];
      for (const r of rows) {
        if (!r.result) continue;
        const design = r.result.design;
        const hasKept = design.nodes.some((n) => n.type === 'other-resource');
        const parsed = parseDesign(withoutKept(design));
        if (!parsed.ok) {
          failures.push(`  ${r.file}: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
          continue;
        }
        // Rules run on an imported design as on a drawn one.
        validateDesign(parsed.design);
        keptAsideValid++;
        if (!hasKept) {
          withoutKeptNodes++;
          valid++;
        }
        // Nothing left once kept nodes are set aside: no template to check (an empty one is invalid).
        if (parsed.design.nodes.length === 0) {
          emptyAside++;
          continue;
        }
        try {
          const template = parseTemplate(
            generateAll(parsed.design, { targets: ['cloudformation'] }).cloudformation!['template.yaml']!,
          );
          generated++;
          // A lone node the generator emits nothing for (an API without routes): a generator matter,
          // counted and listed rather than checked.
          if (Object.keys((template as { Resources?: object }).Resources ?? {}).length === 0) {
            emptyGenerated.push(`  ${r.file}: the regenerated template has no resources`);
            continue;
          }
          const problems = validateTemplate(template);
          if (problems.length === 0) specClean++;
          else specFailures.push(`  ${r.file}: ${JSON.stringify(problems.slice(0, 2))}`);
        } catch (error) {
          specFailures.push(`  ${r.file}: generation failed: ${String(error).split('\n')[0]}`);
        }
      }
      console.log(
        [
          `designs without kept nodes: ${withoutKeptNodes}, validating: ${valid}`,
          `all designs with kept nodes set aside: ${keptAsideValid} of ${rows.filter((r) => r.result).length} validate`,
          `regenerated CloudFormation: ${generated} generated, ${specClean} pass the specification check (${emptyAside} hold only kept nodes: not generated here)`,
          ...failures,
          ...specFailures,
          ...emptyGenerated,
        ].join('\n'),
      );
      expect(failures).toEqual([]);
      expect(valid).toBe(withoutKeptNodes);
      expect(specFailures).toEqual([]);
    },
  );
  // Issue 15: re-export keeps the logical IDs of imported resources, so deploying over the
  // existing stack replaces nothing. Counted over every resource that became a node, a part of
  // one, the network or a kept resource, against the regenerated template (all its stacks) for
  // the prod environment (or the first).
  it(
    'keeps the logical IDs of imported resources on re-export, at the floor reached (issue 15 asks 95%)',
    { timeout: 60_000 },
    () => {
      let counted = 0;
      let retained = 0;
      let keptRefs = 0;
      const dangling: string[] = [];
      const lostByRole = new Map<string, number>();
      let misplaced = 0;
      const misplacedIds: string[] = [];
      // Each lost id, printed with ARCHGEN_RETENTION_DETAIL=1 (to find why).
      const lostIds: string[] = [];
      const failures: string[] = [];
      for (const r of rows) {
        if (!r.result) continue;
        const design = r.result.design;
        const names = design.environments.map((e) => e.name);
        const environment = names.includes('prod') ? 'prod' : names[0]!;
        let ids: Set<string>;
        // Read back in long form, as the importer reads any template.
        const resources: Record<string, { Properties?: unknown }> = {};
        try {
          const files = generateAll(design, {
            targets: ['cloudformation'],
            environments: [environment],
          }).cloudformation!;
          for (const [path, text] of Object.entries(files))
            // A design with only Fn::ForEach blocks regenerates no resources (no section at all).
            if ((path === 'template.yaml' || path.startsWith('stacks/')) && /^Resources:/m.test(text))
              Object.assign(
                resources,
                (parseTemplateText(path, text).template as { Resources?: object }).Resources ?? {},
              );
          ids = new Set(Object.keys(resources));
        } catch (error) {
          failures.push(`  ${r.file}: generation failed: ${String(error).split('\n')[0]}`);
          ids = new Set();
        }
        // What kept resources name among the source's resources must exist in the re-export.
        const sourceIds = new Set(r.sourceIds);
        for (const n of design.nodes) {
          const own = n.type === 'other-resource' ? n.logicalIds?.self : undefined;
          if (!own || !resources[own]) continue;
          for (const ref of referencesIn(resources[own]!.Properties)) {
            if (!sourceIds.has(ref.target)) continue;
            keptRefs++;
            if (!ids.has(ref.target)) dangling.push(`  dangling: ${r.file}: ${own} -> ${ref.target}`);
          }
        }
        for (const e of r.result.report.resources) {
          if (e.outcome.kind === 'skipped') continue;
          counted++;
          // The same id on another type would fail the update (a type cannot change in place);
          // SAM's types become others by design (Serverless::Function -> Lambda::Function).
          const type = (resources[e.sourceId] as { Type?: string } | undefined)?.Type;
          const sameKind = type === e.sourceType || e.sourceType.startsWith('AWS::Serverless::');
          if (ids.has(e.sourceId) && sameKind) {
            retained++;
            // Of several parts of one role (ingress rules, permissions, roles), a part's id on a
            // resource that names none of what the source part named (of those the re-export
            // has): the id went to another part of that role.
            const outcome = e.outcome;
            const siblings =
              outcome.kind === 'part-of'
                ? Object.keys(design.nodes.find((n) => n.id === outcome.nodeId)?.logicalIds ?? {}).filter(
                    (k) => k.replace(/:\d+$/, '') === outcome.role.replace(/:\d+$/, ''),
                  ).length
                : 0;
            if (siblings > 1) {
              const named = (r.sourceRefs.get(e.sourceId) ?? []).filter((t) => ids.has(t));
              const now = new Set(referencesIn(resources[e.sourceId]!.Properties).map((x) => x.target));
              if (named.length > 0 && !named.some((t) => now.has(t))) {
                misplaced++;
                misplacedIds.push(`  misplaced: ${r.file}: ${e.sourceId} (${e.sourceType})`);
              }
            }
          } else {
            const role = 'role' in e.outcome ? e.outcome.role.replace(/:\d+$/, '') : '';
            const key = `${e.outcome.kind}${role ? ` ${role}` : ''} (${e.sourceType})`;
            lostByRole.set(key, (lostByRole.get(key) ?? 0) + 1);
            lostIds.push(`  lost: ${r.file}: ${e.sourceId} ${key}${type ? ` (re-exported as ${type})` : ''}`);
          }
        }
      }
      const share = retained / counted;
      console.log(
        [
          `logical IDs kept on re-export: ${retained} of ${counted} imported resources = ${(100 * share).toFixed(1)}%`,
          ...[...lostByRole]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .slice(0, 100)
            .map(([key, n]) => `  not kept: ${n} ${key}`),
          `kept ids of parts sharing a role on a resource naming none of what the source part named: ${misplaced}`,
          ...misplacedIds,
          `kept resources' references to source resources: ${keptRefs}, missing from the re-export: ${dangling.length}`,
          ...dangling,
          ...failures,
          ...(process.env.ARCHGEN_RETENTION_DETAIL ? lostIds : []),
        ].join('\n'),
      );
      expect(failures).toEqual([]);
      // Kept resources' Refs resolve: to the regenerated network, parts and nodes under kept ids.
      expect(dangling.length / keptRefs).toBeLessThanOrEqual(0.02);
      expect(counted).toBeGreaterThan(900);
      expect(share).toBeGreaterThanOrEqual(RETENTION_FLOOR);
      // Kept ids go to the part that names the same things, not just to one of its role.
      expect(misplaced / retained).toBeLessThanOrEqual(0.01);
    },
  );
});
