/**
 * design -> CloudFormation -> import, for every example: node types and counts, connections,
 * VPCs and environments compared. What matches is asserted; what does not is pinned in
 * KNOWN_DIFFERENCES, so a change either way (a fix or a regression) fails here and the table is
 * updated on purpose. The differences come from what the lowering derives and a template cannot
 * tell apart from what a person drew, and from what the design holds that no resource says
 * (Athena's reads). The layout metadata archgen writes tells drawn nodes (placed there) from
 * derived parts, and names the design-wide derived alarm topic.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign, type Design } from '@archgen/model';
import { propertyDifferences } from './property-differences.test-support.ts';
import { generateAll } from '@archgen/export';
import { importCloudFormation } from './index.ts';
import { parseTemplateText } from './cloudformation/parse.ts';

const EXAMPLES = resolve(import.meta.dirname, '..', '..', '..', 'examples');

/** "+x" is in the import only, "-x" in the original only; node types and `from kind to` connections by type. */
const KNOWN_DIFFERENCES: Record<string, string[]> = {
  'data-lake.json': [
    // Athena reads the raw zone through the workgroup's queries: nothing in the template says so.
    '-conn athena-workgroup read s3',
  ],
  'eks-platform.json': [],
  // The derived alarm topic is folded back (layout metadata names it), not drawn as a node.
  'eventbridge-fanout.json': [],
  // A drawn log group or dead-letter queue stays a node: the template's layout metadata places it.
  'seed-vpc.json': [],
  'serverless-api.json': [],
  'static-site.json': [],
  'three-tier-web-app.json': [],
  // Route 53, ACM, WAF, EFS, ECR, KMS, VPC endpoints and AWS Backup, each read as a node.
  'secure-web-app.json': [],
};

/**
 * Property values that do not come back, "<node id> <env> <property>: <drawn> -> <imported>".
 * Only properties the inspector shows for the node (its `visibleWhen` holds) are compared.
 */
const KNOWN_PROPERTY_DIFFERENCES: Record<string, string[]> = {
  // Inline placeholder code is always index.js: the handler's module name is not in the template.
  'data-lake.json': [
    'curate * handler: "curate.handler" -> "index.handler"',
    'ingest * handler: "ingest.handler" -> "index.handler"',
  ],
  // Off in dev, where archgen's default deletes the database and turns protection off anyway.
  'eks-platform.json': ['db dev deletionProtection: false -> true'],
  'eventbridge-fanout.json': [
    // A queue drawn as another's dead-letter target keeps the catalog's defaults in the design
    // (deadLetterQueue on, isDeadLetterQueue off), which the lowering ignores: the template says
    // what it is.
    'fulfilmentFailures * deadLetterQueue: true -> false',
    'fulfilmentFailures * isDeadLetterQueue: false -> true',
    'fulfilmentWorker * handler: "fulfil.handler" -> "index.handler"',
    'retryPayment * handler: "retry.handler" -> "index.handler"',
  ],
  'secure-web-app.json': [
    // Retention set to what the default gives (7 days, 35 in production): read back as the default.
    'backups dev retentionDays: 7 -> 0',
    'backups prod retentionDays: 35 -> 0',
    'backups staging retentionDays: 7 -> 0',
    'db dev deletionProtection: false -> true',
  ],
  'seed-vpc.json': ['db dev deletionProtection: false -> true'],
  'serverless-api.json': ['workerFn * handler: "worker.handler" -> "index.handler"'],
  'three-tier-web-app.json': [
    // No rotation without a rotation function: the template only says so in a comment.
    'apiKey * rotationDays: 90 -> 0',
    'db dev deletionProtection: false -> true',
  ],
};

function signature(design: Design): { nodes: string[]; conns: string[] } {
  const typeOf = new Map(design.nodes.map((n) => [n.id, n.type]));
  return {
    nodes: design.nodes.map((n) => `node ${n.type}`),
    conns: design.connections.map((c) => `conn ${typeOf.get(c.from)} ${c.kind} ${typeOf.get(c.to)}`),
  };
}

/** Multiset difference, each side marked. */
function differences(original: string[], imported: string[]): string[] {
  const count = (list: string[]) =>
    list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const a = count(original);
  const b = count(imported);
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const d = (b.get(key) ?? 0) - (a.get(key) ?? 0);
    for (let i = 0; i < Math.abs(d); i++) out.push(`${d > 0 ? '+' : '-'}${key}`);
  }
  return out.sort();
}

describe('design -> CloudFormation -> import', () => {
  const files = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('covers every example', () => {
    expect(files.sort()).toEqual(Object.keys(KNOWN_DIFFERENCES).sort());
  });

  for (const file of files) {
    it(`${file}: the same design, but for the known differences`, () => {
      const parsed = parseDesign(readFileSync(join(EXAMPLES, file), 'utf8'));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const original = parsed.design;
      const generated = generateAll(original, { targets: ['cloudformation'] }).cloudformation!;
      const result = importCloudFormation(
        Object.entries(generated)
          .filter(([path]) => path === 'template.yaml' || path.startsWith('parameters/'))
          .map(([path, text]) => ({ path, text })),
      );
      const imported = result.design;

      // Nothing kept: every generated resource is understood.
      const kept = result.report.resources.filter((e) => e.outcome.kind === 'kept');
      expect(kept).toEqual([]);
      const reparsed = parseDesign(imported);
      expect(reparsed.ok ? [] : reparsed.errors).toEqual([]);
      expect(imported.name).toBe(original.name);
      // Names, and the account and region each is pinned to (the template's Rules).
      const pinned = (d: Design) => d.environments.map((e) => [e.name, e.account, e.region]);
      expect(pinned(imported)).toEqual(pinned(original));
      expect(imported.vpcs.map((v) => [v.cidr, v.azCount, v.tiers])).toEqual(
        original.vpcs.map((v) => [v.cidr, v.azCount, v.tiers]),
      );
      for (const n of original.nodes) {
        if (!n.placement) continue;
        // Placed nodes land in the same tier (the VPC id is the template's logical ID).
        const twin = imported.nodes.find((m) => m.type === n.type && m.placement?.tier === n.placement!.tier);
        expect(twin, `${n.id} (${n.type}) in the ${n.placement.tier} tier`).toBeDefined();
      }
      const a = signature(original);
      const b = signature(imported);
      expect(differences([...a.nodes, ...a.conns], [...b.nodes, ...b.conns])).toEqual(
        [...KNOWN_DIFFERENCES[file]!].sort(),
      );
      expect(imported.nodes.map((n) => n.id).sort()).toEqual(original.nodes.map((n) => n.id).sort());
      expect(propertyDifferences(original, imported)).toEqual(
        [...(KNOWN_PROPERTY_DIFFERENCES[file] ?? [])].sort(),
      );
    });
  }
});

describe('logical ids through CloudFormation', () => {
  // The services read as nodes (zone records, certificate, ACLs, file system mount targets and
  // access points, endpoints' groups, key alias, backup vault and selection) make their resources
  // again under the source's ids.
  it('secure-web-app: design -> CloudFormation -> import -> CloudFormation keeps every resource id and type', () => {
    const parsed = parseDesign(readFileSync(join(EXAMPLES, 'secure-web-app.json'), 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const environments = [parsed.design.environments.at(-1)!.name];
    const template = generateAll(parsed.design, { targets: ['cloudformation'], environments })
      .cloudformation!['template.yaml']!;
    const imported = importCloudFormation([{ path: 'template.yaml', text: template }]).design;
    const again = generateAll(imported, { targets: ['cloudformation'], environments }).cloudformation![
      'template.yaml'
    ]!;
    const resources = (text: string) =>
      Object.entries(
        (parseTemplateText('template.yaml', text).template as { Resources: Record<string, { Type: string }> })
          .Resources,
      )
        .map(([id, r]) => `${id} ${r.Type}`)
        .sort();
    expect(resources(again)).toEqual(resources(template));
  });
});

describe('groups through CloudFormation', () => {
  it('design -> CloudFormation -> import puts the same nodes in the same groups; the template is otherwise unchanged', () => {
    const parsed = parseDesign(readFileSync(join(EXAMPLES, 'serverless-api.json'), 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const plain = parsed.design;
    // Users make no resource, so they have nothing to record a group on: services only.
    const [first, second, third] = plain.nodes.filter((n) => n.type !== 'users');
    const grouped: Design = {
      ...plain,
      groups: [
        { id: 'module-api', name: 'module.api', kind: 'terraform-module', source: './modules/api' },
        { id: 'Orders', name: 'Orders', kind: 'cdk-construct', source: 'Shop/Orders' },
      ],
      nodes: plain.nodes.map((n) =>
        n === first || n === second
          ? { ...n, group: 'module-api' }
          : n === third
            ? { ...n, group: 'Orders' }
            : n,
      ),
    };
    const templateOf = (design: Design) =>
      generateAll(design, { targets: ['cloudformation'] }).cloudformation!['template.yaml']!;
    const template = templateOf(grouped);
    // Only the layout metadata tells the two templates apart.
    const withoutGroups = template.replace(/\n {4}groups:\n(?: {6}.*\n)+/, '\n');
    expect(withoutGroups).toBe(templateOf(plain));
    const imported = importCloudFormation([{ path: 'template.yaml', text: template }]).design;
    expect(imported.groups).toEqual(grouped.groups);
    const membership = (design: Design) =>
      design.nodes
        .filter((n) => n.group !== undefined)
        .map((n) => `${n.id} ${n.group}`)
        .sort();
    expect(membership(imported)).toEqual(membership(grouped));
    expect(parseDesign(imported).ok).toBe(true);
  });
});
