import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { design } from '@archgen/model';
import { buildExport, buildExportZip, UndeployableDesignError } from './bundle.ts';
import { generateAll, GenerationError, selectEnvironments } from './generate.ts';

/** A queue worker with one deliberate open finding (a public database) and one accepted risk. */
function sample() {
  const d = design('Orders [prod] `x` <b>')
    .vpc()
    .node('nat-gateway', { id: 'nat' })
    .node('rds', { id: 'db', name: 'Orders *DB*', tier: 'public' })
    .node('sqs', { id: 'jobs', name: 'Jobs' })
    .build();
  d.acceptedRisks.push({ ruleId: 'SQS-02', targetId: 'jobs', reason: 'Replays come from the source system' });
  return d;
}

describe('buildExport', () => {
  it('lays out README and one folder per target under the design slug', () => {
    const bundle = buildExport(sample());
    const paths = Object.keys(bundle.files);
    expect(paths.every((p) => p.startsWith(`${bundle.slug}/`))).toBe(true);
    for (const target of ['cdk', 'terraform', 'cloudformation'])
      expect(
        paths.some((p) => p.startsWith(`${bundle.slug}/${target}/`)),
        target,
      ).toBe(true);
    expect(paths).toContain(`${bundle.slug}/README.md`);
    expect(paths).toEqual([...paths].sort((a, b) => a.localeCompare(b)));
  });

  it("lists the open findings in the README, escaping the user's text", () => {
    const bundle = buildExport(sample());
    const readme = bundle.files[`${bundle.slug}/README.md`]!;
    expect(readme).toMatch(/## Open findings \(\d+\)/);
    expect(readme).toContain('`NET-04` Orders \\*DB\\*');
    expect(readme).toContain('# Orders \\[prod\\] \\`x\\` \\<b\\>');
  });

  it('judges the versions among the README findings on the day it is given', () => {
    const cluster = design('Cluster')
      .vpc()
      .node('eks', { id: 'k8s', properties: { version: '1.35' } })
      .build();
    const readme = (today: string) => {
      const bundle = buildExport(cluster, { targets: ['cloudformation'], today });
      return bundle.files[`${bundle.slug}/README.md`]!;
    };
    expect(readme('2027-03-27')).not.toContain('`EKS-02`');
    expect(readme('2027-03-28')).toContain('`EKS-02`');
  });

  it('exports only the chosen targets and environments', () => {
    const bundle = buildExport(sample(), { targets: ['terraform'], environments: ['prod'] });
    const paths = Object.keys(bundle.files);
    expect(paths.some((p) => p.includes('/cdk/') || p.includes('/cloudformation/'))).toBe(false);
    expect(paths.filter((p) => p.includes('/environments/'))).toEqual([
      `${bundle.slug}/terraform/environments/prod.tfvars`,
    ]);
    expect(bundle.files[`${bundle.slug}/README.md`]).toContain('environments: `prod`');
  });

  it('rejects unknown environments and an empty target list', () => {
    expect(() => selectEnvironments(sample(), ['qa'])).toThrow(
      'Unknown environment "qa"; the design has dev, staging, prod',
    );
    expect(() => buildExport(sample(), { targets: [] })).toThrow('Choose at least one target');
  });

  it('adds documents from other features, such as REVIEW.md', () => {
    const bundle = buildExport(sample(), { extraDocuments: () => ({ 'REVIEW.md': '# Review\n' }) });
    expect(bundle.files[`${bundle.slug}/REVIEW.md`]).toBe('# Review\n');
  });
});

describe('buildExportZip', () => {
  it('is byte-for-byte reproducible and holds every bundle file', () => {
    const first = buildExportZip(sample());
    expect(buildExportZip(sample())).toEqual(first);
    const entries = unzipSync(first);
    const bundle = buildExport(sample());
    expect(Object.keys(entries).sort()).toEqual(Object.keys(bundle.files).sort());
    const readmePath = `${bundle.slug}/README.md`;
    expect(strFromU8(entries[readmePath]!)).toBe(bundle.files[readmePath]);
  });
});

describe('generateAll', () => {
  it('names the target when a generator cannot build the design', () => {
    const d = sample();
    d.nodes.find((n) => n.id === 'db')!.placement = null;
    expect(() => generateAll(d, { targets: ['cloudformation'] })).toThrow(GenerationError);
    expect(() => generateAll(d, { targets: ['cloudformation'] })).toThrow(/^cloudformation: /);
  });
});

describe('undeployable designs', () => {
  /** Nine /24 subnets (3 tiers x 3 AZs) in a /24 VPC: CDK synth throws, the deploys fail (NET-07). */
  const tiny = () =>
    design('Tiny').vpc({ id: 'main', name: 'Main VPC', cidr: '10.0.0.0/24', subnetPrefix: 24 }).build();

  it('refuses with the blocking findings named, and builds with force', () => {
    let error: unknown;
    try {
      buildExport(tiny());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UndeployableDesignError);
    const findings = (error as UndeployableDesignError).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'NET-07',
      name: 'Main VPC',
      fix: 'Change the VPC CIDR or subnet size',
    });
    expect(findings[0]!.message).toContain('10.0.0.0/24 has room for 1');
    expect(() => buildExportZip(tiny())).toThrow(UndeployableDesignError);
    expect(Object.keys(buildExport(tiny(), { force: true }).files)).toContain('tiny/README.md');
  });

  it('still refuses when the risk is accepted, and only for the environments exported', () => {
    const accepted = tiny();
    accepted.acceptedRisks.push({ ruleId: 'NET-07', targetId: 'main', reason: 'later' });
    expect(() => buildExport(accepted)).toThrow(UndeployableDesignError);
    const fargate = design('Api')
      .vpc()
      .node('nat-gateway', { id: 'nat' })
      .node('ecs-fargate', { id: 'api', name: 'Api' })
      .override('prod', 'api', { cpu: '256', memoryMiB: 8192 })
      .build();
    expect(() => buildExport(fargate, { environments: ['prod'] })).toThrow(/ECS-03/);
    expect(() => buildExport(fargate, { environments: ['dev'] })).not.toThrow();
  });
});

describe('a design split into nested stacks', () => {
  it('tells the zip README to package the nested templates before deploying', async () => {
    const { syntheticDesign } = await import('../../../bench/synthetic.ts');
    const bundle = buildExport(syntheticDesign(120), { targets: ['cloudformation'] });
    expect(Object.keys(bundle.files).some((p) => p.startsWith(`${bundle.slug}/cloudformation/stacks/`))).toBe(
      true,
    );
    const readme = bundle.files[`${bundle.slug}/README.md`]!;
    expect(readme).toContain('aws cloudformation package --template-file template.yaml');
    expect(readme).toContain(`--stack-name ${bundle.slug}-prod --template-file packaged.yaml`);
  });
});
