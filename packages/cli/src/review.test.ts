import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { design, serializeDesign, type Design } from '@archgen/model';
import { estimateCost, formatUsd, renderReviewMarkdown } from '@archgen/review';
import { validateDesign } from '@archgen/rules';
import { runCli } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'archgen-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function save(name: string, d: Design): string {
  const file = join(dir, name);
  writeFileSync(file, serializeDesign(d));
  return file;
}

/** Passes every critical and high check, so review exits 0. */
function clean(): Design {
  return design('Queue worker')
    .node('sqs', { id: 'jobs', name: 'Jobs' })
    .node('sns', { id: 'events' })
    .build();
}

/** A public database: a critical finding. */
function risky(): Design {
  return design('Risky')
    .vpc()
    .node('rds', { id: 'db', name: 'Orders DB', tier: 'public' })
    .node('nat-gateway', { id: 'nat' })
    .build();
}

describe('archgen review', () => {
  it('prints the scorecard, cost per node and total per environment, and suggestions', async () => {
    const d = risky();
    const file = save('risky.json', d);
    const { code, out } = await run('review', file);
    expect(validateDesign(d).some((f) => f.severity === 'critical' && !f.accepted)).toBe(true);
    expect(code).toBe(1);
    expect(out).toMatch(/^Risky: overall score \d+\/100, \d+ open finding\(s\), 0 accepted/);
    expect(out).toMatch(/Security\s+\d+\s+\d+\s+[1-9]/);
    for (const env of ['dev', 'staging', 'prod'])
      expect(out).toContain(formatUsd(estimateCost(d, env).total));
    expect(out).toMatch(/Orders DB\s+rds\s+\$\d/);
    expect(out).toMatch(
      /\[dev\] NAT gateway: Share one NAT gateway outside production \(saves about \$\d+\.\d\d\/month\)/,
    );
  });

  it('exits 0 for a design without critical or high findings, and prices one --env', async () => {
    const d = clean();
    expect(validateDesign(d).filter((f) => f.severity === 'critical' || f.severity === 'high')).toEqual([]);
    const { code, out } = await run('review', save('clean.json', d), '--env', 'prod');
    expect(code).toBe(0);
    expect(out).toMatch(/Node\s+Type\s+prod$/m);
    expect(out).not.toMatch(/\bdev\b/);
    expect(out).toContain(formatUsd(estimateCost(d, 'prod').total));
  });

  it('--json gives the scorecard, costs and suggestions as data', async () => {
    const d = risky();
    const { out } = await run('review', save('risky-json.json', d), '--json', '--env', 'dev');
    const parsed = JSON.parse(out);
    expect(parsed.design).toBe('Risky');
    expect(parsed.costs).toHaveLength(1);
    expect(parsed.costs[0].total).toBe(estimateCost(d, 'dev').total);
    expect(parsed.scorecard.pillars).toHaveLength(6);
    expect(parsed.suggestions.map((s: { tactic: string }) => s.tactic)).toContain('single-nat-gateway');
  });

  it('--write saves REVIEW.md', async () => {
    const d = risky();
    const target = join(dir, 'REVIEW.md');
    const { err } = await run('review', save('risky-write.json', d), '--write', target);
    expect(err).toContain(`wrote ${target}`);
    expect(readFileSync(target, 'utf8')).toBe(renderReviewMarkdown(d));
  });

  it('exits 2 on bad input, like validate', async () => {
    expect((await run('review')).code).toBe(2);
    const missing = await run('review', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
    const junkFile = join(dir, 'junk.json');
    writeFileSync(junkFile, '{"schemaVersion": 2, "nodes": [');
    const junk = await run('review', junkFile);
    expect(junk.code).toBe(2);
    expect(junk.err).toContain('invalid design');
    const env = await run('review', save('env.json', clean()), '--env', 'qa');
    expect(env.code).toBe(2);
    expect(env.err).toContain('unknown environment qa');
    const option = await run('review', save('opt.json', clean()), '--bogus');
    expect(option.code).toBe(2);
    const unwritable = await run(
      'review',
      save('w.json', clean()),
      '--write',
      join(dir, 'no-such-dir', 'REVIEW.md'),
    );
    expect(unwritable.code).toBe(2);
    expect(unwritable.err).toMatch(/cannot write .*ENOENT/);
  });

  it('the help lists the command', async () => {
    expect((await run('help')).out).toContain(
      'review <design.json> [--env <env>] [--write REVIEW.md] [--json]',
    );
  });
});

describe('archgen generate', () => {
  it('puts REVIEW.md in the zip', async () => {
    const zip = join(dir, 'out.zip');
    const { code } = await run('generate', save('gen.json', clean()), '--target', 'terraform', '--out', zip);
    expect(code).toBe(0);
    expect(existsSync(zip)).toBe(true);
    const files = unzipSync(readFileSync(zip));
    const review = Object.keys(files).find((p) => p.endsWith('/REVIEW.md'));
    expect(review).toBeDefined();
    expect(strFromU8(files[review!]!)).toContain('# Architecture review: Queue worker');
  });
});
