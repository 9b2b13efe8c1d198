import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { design } from '@archgen/model';
import { buildExport, buildExportZip } from './bundle.ts';
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
