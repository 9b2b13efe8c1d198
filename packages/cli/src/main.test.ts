import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { design, serializeDesign, type Design } from '@archgen/model';
import { runCli } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'archgen-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function save(name: string, content: Design | string): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : serializeDesign(content));
  return file;
}

/** A database in the public subnet: a critical finding (NET-04). */
function publicDatabase(): Design {
  return design('Risky').vpc().node('rds', { id: 'db', name: 'Orders DB', tier: 'public' }).build();
}

describe('archgen validate', () => {
  it('exits 0 for every example (each validates as its description says)', async () => {
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'))) {
      const result = await run('validate', join(EXAMPLES, file));
      expect(result.code, `${file}: ${result.out}`).toBe(0);
    }
  });

  it('exits 1 and names the rule and the node when the design has a critical finding', async () => {
    const result = await run('validate', save('risky.json', publicDatabase()));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/CRITICAL\s+NET-04\s+Orders DB/);
    expect(result.out).toContain('fix: Move to isolated subnet');
  });

  it('prints machine-readable findings with --json', async () => {
    const result = await run('validate', save('risky2.json', publicDatabase()), '--json');
    const parsed = JSON.parse(result.out) as {
      errors: number;
      findings: { ruleId: string; target: { id: string } }[];
    };
    expect(parsed.errors).toBeGreaterThan(0);
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'NET-04', target: { kind: 'node', id: 'db' } }),
    );
  });

  it('exits 2 with the JSON path for an invalid design', async () => {
    const bad = save(
      'bad.json',
      '{"schemaVersion":2,"name":"x","region":"us-east-1","environments":[{"name":"dev"}],"nodes":[{"id":"a","type":"lambda","name":"A","placement":{"vpcId":"main","tier":"somewhere"}}]}',
    );
    const result = await run('validate', bad);
    expect(result.code).toBe(2);
    expect(result.err).toContain('$.nodes[0].placement.tier');
  });

  it('exits 2 for malformed JSON, a missing file and an unknown environment', async () => {
    const malformed = await run('validate', save('malformed.json', '{"name": '));
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/line 1/);
    const missing = await run('validate', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
    const env = await run('validate', join(EXAMPLES, 'static-site.json'), '--env', 'qa');
    expect(env.code).toBe(2);
    expect(env.err).toContain('unknown environment qa');
  });

  it('exits 2 with usage for a wrong command line', async () => {
    expect((await run('validate')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('validate', 'x.json', '--bogus')).code).toBe(2);
  });
});

describe('archgen services and rules', () => {
  it('lists at least 25 services with type, name, category and placements', async () => {
    const services = JSON.parse((await run('services', '--json')).out) as {
      type: string;
      displayName: string;
      category: string;
      placements: string[];
    }[];
    expect(services.length).toBeGreaterThanOrEqual(25);
    expect(services).toContainEqual(
      expect.objectContaining({
        type: 'rds',
        displayName: 'RDS database',
        category: 'Database',
        placements: ['isolated'],
      }),
    );
  });

  it('finds services by the keywords the palette uses, and names what is not in the catalog yet', async () => {
    const elb = JSON.parse((await run('services', 'elb', '--json')).out) as { type: string }[];
    expect(elb.map((s) => s.type)).toEqual(['alb']);
    const fsx = await run('services', 'fsx');
    expect(fsx.out).toContain('Amazon FSx is not in the catalog yet. The closest service: s3 (S3 bucket).');
    const efs = JSON.parse((await run('services', 'nfs', '--json')).out) as { type: string }[];
    expect(efs.map((s) => s.type)).toEqual(['efs']);
    const waf = JSON.parse((await run('services', 'firewall', '--json')).out) as { type: string }[];
    expect(waf.map((s) => s.type)).toEqual(['waf-web-acl']);
    const acm = JSON.parse((await run('services', 'acm', '--json')).out) as { type: string }[];
    expect(acm.map((s) => s.type)).toEqual(['acm-certificate']);
    const backup = JSON.parse((await run('services', 'backup', '--json')).out) as { type: string }[];
    expect(backup[0]?.type).toBe('backup-plan');
    const typo = await run('services', 'lamda');
    expect(typo.out).toContain(
      '"lamda" is not in the catalog yet. The closest service: lambda (Lambda function).',
    );
  });

  it('lists at least 40 rules covering all six pillars', async () => {
    const rules = JSON.parse((await run('rules', '--json')).out) as {
      id: string;
      pillar: string;
      severity: string;
      title: string;
    }[];
    expect(rules.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rules.map((r) => r.pillar))).toEqual(
      new Set(['security', 'reliability', 'performance', 'cost', 'operational-excellence', 'sustainability']),
    );
    expect(rules.every((r) => r.title.length > 0)).toBe(true);
    // Rules whose findings make generate refuse say why.
    const byId = new Map(rules.map((r) => [r.id, r as { breaksGeneratedCode?: string }]));
    expect(byId.get('NET-07')?.breaksGeneratedCode).toContain('subnets do not fit');
    expect(byId.get('SQS-02')?.breaksGeneratedCode).toBeUndefined();
  });
});

describe('archgen generate', () => {
  const example = join(EXAMPLES, 'static-site.json');

  it('writes the zip bundle: README, REVIEW, and the three targets', async () => {
    const zip = join(dir, 'out', 'site.zip');
    const result = await run('generate', example, '--target', 'all', '--out', zip);
    expect(result.code).toBe(0);
    const paths = Object.keys(unzipSync(readFileSync(zip)));
    const [slug] = paths[0]!.split('/');
    expect(paths).toEqual(
      expect.arrayContaining([
        `${slug}/README.md`,
        `${slug}/REVIEW.md`,
        `${slug}/cdk/bin/app.ts`,
        `${slug}/terraform/versions.tf`,
        `${slug}/cloudformation/template.yaml`,
      ]),
    );
  });

  it('writes one target straight into a directory, for the chosen environment only', async () => {
    const out = join(dir, 'tf');
    const result = await run('generate', example, '--target', 'terraform', '--out', out, '--env', 'prod');
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'versions.tf'))).toBe(true);
    expect(readdirSync(join(out, 'environments'))).toEqual(['prod.tfvars']);
  });

  it('refuses an unknown target (exit 2) and a design it cannot build (exit 1, with the reason)', async () => {
    expect((await run('generate', example, '--target', 'pulumi', '--out', join(dir, 'p'))).code).toBe(2);
    const unplaced = design('Unplaced').vpc().node('rds', { id: 'db', name: 'Orders DB' }).build();
    unplaced.nodes[0]!.placement = null;
    const result = await run(
      'generate',
      save('unplaced.json', unplaced),
      '--target',
      'all',
      '--out',
      join(dir, 'u.zip'),
    );
    // The rules know the generators cannot build it: the refusal names the finding and its fix.
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /refusing to generate .*\n {2}PLC-02 Orders DB is not in a VPC.*\(fix: Move to /,
    );
    // Forced, the generator's own error still ends it with exit 1 and the reason.
    const forced = await run(
      'generate',
      join(dir, 'unplaced.json'),
      '--target',
      'all',
      '--out',
      join(dir, 'u.zip'),
      '--force',
    );
    expect(forced.code).toBe(1);
    expect(forced.err).toMatch(/cannot generate .*: (cdk|terraform|cloudformation): /);
    expect(existsSync(join(dir, 'u.zip'))).toBe(false);
  }, 60_000);
});
