/**
 * The estimate against the real thing: the resources in the template generators/cloudformation
 * writes for the same design, per environment (a one-environment export) and for the template
 * that holds every environment (the default export).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { design as build, parseDesign, type Design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCloudFormation, parseTemplate } from '@archgen/generator-cloudformation';
import { syntheticDesign } from '../../../../../bench/synthetic.ts';
import { denseDesign } from '../../../../../bench/dense.ts';
import { buildRuleContext, validateDesign } from '../../validate.ts';
import {
  STACK_RESOURCE_LIMIT,
  estimateStackResources,
  estimateTemplateResources,
} from './stack-resources.ts';

/** The stated tolerance: within 5% of the real count, or 3 resources for small designs. */
function tolerance(real: number): number {
  return Math.max(3, Math.ceil(real * 0.05));
}

/** Resources in the template.yaml the CloudFormation export writes for these environments. */
function realResources(design: Design, environments: string[]): number {
  const files = generateCloudFormation(lowerDesign(design, { environments }), { environments });
  const template = parseTemplate(files['template.yaml']!) as { Resources: Record<string, unknown> };
  return Object.keys(template.Resources).length;
}

const envsOf = (design: Design) => design.environments.map((e) => e.name);

function load(path: URL): Design {
  const result = parseDesign(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path.pathname}: ${result.errors[0]?.message}`);
  return result.design;
}

const root = new URL('../../../../../', import.meta.url);
const jsonIn = (dir: string) =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [`${dir}${f}`, load(new URL(`${dir}${f}`, root))] as const);

const DESIGNS: (readonly [string, Design])[] = [
  ...jsonIn('examples/'),
  ...jsonIn('fixtures/adversarial/'),
  ['bench synthetic, 120 nodes', syntheticDesign(120)],
  ['bench dense, 150 nodes', denseDesign(150)],
  // us-west-1 has two zones: every environment builds two AZs of subnets, not three.
  [
    '3 AZs asked, staging in us-west-1',
    build('West')
      .vpc({ azCount: 3 })
      .node('nat-gateway', { id: 'nat', tier: 'public' })
      .node('lambda', { id: 'fn', tier: 'private' })
      .deployTo('staging', { region: 'us-west-1' })
      .build(),
  ],
];

// Generating and reading back a 500-node template takes seconds on a busy machine: a limit on the
// harness, not a speed assertion.
const SLOW = { timeout: 120_000 };

describe('CloudFormation resource estimate', SLOW, () => {
  it.each(DESIGNS)('%s: each environment within tolerance of its template', (_, design) => {
    const ctx = buildRuleContext(design);
    for (const env of envsOf(design)) {
      const real = realResources(design, [env]);
      const estimate = estimateStackResources(ctx, env).total;
      expect(Math.abs(estimate - real), `${env}: estimate ${estimate}, real ${real}`).toBeLessThanOrEqual(
        tolerance(real),
      );
    }
  });

  it.each(DESIGNS)('%s: the every-environment template within tolerance', (_, design) => {
    const real = realResources(design, envsOf(design));
    const estimate = estimateTemplateResources(buildRuleContext(design), envsOf(design)).total;
    expect(Math.abs(estimate - real), `estimate ${estimate}, real ${real}`).toBeLessThanOrEqual(
      tolerance(real),
    );
  });

  it('tells environments apart (single NAT gateway and smaller settings in dev)', () => {
    const design = load(new URL('fixtures/adversarial/every-service.json', root));
    // Without its environment regions: prod in eu-west-1 takes its CloudFront web ACL from
    // us-east-1 (one resource fewer), which the estimate leaves to its tolerance.
    for (const env of design.environments) delete env.region;
    const ctx = buildRuleContext(design);
    const [dev, prod] = [estimateStackResources(ctx, 'dev').total, estimateStackResources(ctx, 'prod').total];
    expect(prod).toBeGreaterThan(dev);
    expect(prod - dev).toBe(realResources(design, ['prod']) - realResources(design, ['dev']));
  });
});

describe('LIM-01 on generated large designs (bench/)', SLOW, () => {
  const lim = (design: Design) => validateDesign(design).filter((f) => f.ruleId === 'LIM-01');

  it('errors on the 500-node benchmark design, stating the estimate, the limit and the fix', () => {
    const design = syntheticDesign(500);
    const real = realResources(design, envsOf(design));
    expect(real).toBeGreaterThan(STACK_RESOURCE_LIMIT);
    const [finding, ...rest] = lim(design);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'high', target: { kind: 'design', id: 'design' } });
    const estimate = Number(/about (\d+) CloudFormation resources/.exec(finding!.message)?.[1]);
    expect(Math.abs(estimate - real)).toBeLessThanOrEqual(tolerance(real));
    expect(finding!.message).toContain('over the 500 one stack may hold');
    expect(finding!.message).toMatch(/largest: [A-Za-z ]+ x\d+: \d+/);
    expect(finding!.fix).toEqual({
      title: 'Split the design into several designs (one stack each), or remove services',
      actions: [],
    });
  });

  it('warns from 80% of the limit, and says nothing below it', () => {
    // About 456 and 285 resources (bench/synthetic.ts cells).
    const near = lim(syntheticDesign(100));
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({ severity: 'medium' });
    expect(near[0]!.message).toMatch(/about \d+ CloudFormation resources, 9\d% of the 500/);
    expect(lim(syntheticDesign(60))).toEqual([]);
  });

  it('gives each environment its estimate when they differ', () => {
    // The dense design carries every-service's per-environment overrides (prod is larger).
    const design = denseDesign(300);
    const [finding] = lim(design);
    expect(finding?.message).toMatch(/per environment: dev \d+, staging \d+, prod \d+\)$/);
    const prod = estimateStackResources(buildRuleContext(design), 'prod').total;
    expect(finding?.message).toContain(`about ${prod} CloudFormation resources`);
  });
});
