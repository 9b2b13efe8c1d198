/**
 * The estimate against the real thing: the resources in the template generators/cloudformation
 * writes for the same design, per environment (a one-environment export) and for the template
 * that holds every environment (the default export).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { design as build, parseDesign, type Design } from '@archgen/model';
import { SPLIT_THRESHOLD, lowerDesign } from '@archgen/infra';
import { generateCloudFormation, parseTemplate } from '@archgen/generator-cloudformation';
import { syntheticDesign } from '../../../../../bench/synthetic.ts';
import { denseDesign } from '../../../../../bench/dense.ts';
import { buildRuleContext, validateDesign } from '../../validate.ts';
import {
  STACK_RESOURCE_LIMIT,
  estimateStackResources,
  estimateTemplateResources,
} from './stack-resources.ts';
import { STACK_SPLIT_THRESHOLD } from './LIM-01.ts';

/** The stated tolerance: within 5% of the real count, or 3 resources for small designs. */
function tolerance(real: number): number {
  return Math.max(3, Math.ceil(real * 0.05));
}

/**
 * Resources the CloudFormation export writes for these environments: template.yaml's, or for a
 * split design its nested templates' (the root's nested stacks themselves are not counted).
 */
function realResources(design: Design, environments: string[]): number {
  const files = generateCloudFormation(lowerDesign(design, { environments }), { environments });
  let count = 0;
  for (const [path, text] of Object.entries(files)) {
    if (!path.endsWith('.yaml')) continue;
    const template = parseTemplate(text) as { Resources: Record<string, { Type: string }> };
    count += Object.values(template.Resources).filter((r) => r.Type !== 'AWS::CloudFormation::Stack').length;
  }
  return count;
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

  it('says the 500-node benchmark design deploys as nested stacks, with the estimate and the limit', () => {
    const design = syntheticDesign(500);
    const real = realResources(design, envsOf(design));
    expect(real).toBeGreaterThan(STACK_RESOURCE_LIMIT);
    const [finding, ...rest] = lim(design);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'low', target: { kind: 'design', id: 'design' } });
    const estimate = Number(/about (\d+) CloudFormation resources/.exec(finding!.message)?.[1]);
    expect(Math.abs(estimate - real)).toBeLessThanOrEqual(tolerance(real));
    expect(finding!.message).toContain(
      'over the 500 one stack may hold: the CloudFormation and CDK exports deploy it as nested stacks',
    );
    expect(finding!.message).toMatch(/largest: [A-Za-z ]+ x\d+: \d+/);
    expect(finding!.fix?.actions).toEqual([]);
  });

  it('speaks exactly where the exports split the design into nested stacks', () => {
    // bench/synthetic.ts cells make about 4.5 resources a node: the split starts near 88 nodes.
    for (const nodes of [60, 80, 86, 88, 90, 95, 100]) {
      const design = syntheticDesign(nodes);
      const split = (lowerDesign(design).stacks?.length ?? 1) > 1;
      expect(lim(design).length, `${nodes} nodes (split: ${split})`).toBe(split ? 1 : 0);
    }
  });

  it('uses the threshold of the lowering', () => {
    expect(STACK_SPLIT_THRESHOLD).toBe(SPLIT_THRESHOLD);
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
