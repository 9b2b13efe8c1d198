import { describe, expect, it } from 'vitest';
import { VERSION_TABLE_CHECKED, design } from '@archgen/model';
import type { Design } from '@archgen/model';
import {
  buildRuleContext,
  compareFindings,
  isProduction,
  isoDay,
  scorePillar,
  summarize,
  validateDesign,
} from './validate.ts';
import type { Finding } from './types.ts';

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123';

/** A three-tier web app with every check satisfied. */
function wellArchitected(): Design {
  return design('Orders')
    .vpc()
    .node('users', { id: 'users', name: 'Customers' })
    .node('nat-gateway', { id: 'nat', name: 'NAT' })
    .node('alb', {
      id: 'web',
      name: 'Web ALB',
      properties: { certificateArn: CERT, waf: true, accessLogs: true },
    })
    .node('ecs-fargate', { id: 'api', name: 'Orders API' })
    .node('rds', { id: 'db', name: 'Orders DB' })
    .node('elasticache', { id: 'cache', name: 'Orders cache' })
    .connect('users', 'web', 'traffic', { port: 443, label: 'HTTPS from customers' })
    .connect('web', 'api', 'traffic', { label: 'HTTP to the API' })
    .connect('api', 'db', 'traffic', { label: 'PostgreSQL' })
    .connect('api', 'cache', 'traffic', { label: 'Redis' })
    .override('dev', 'api', { spot: true })
    .override('staging', 'api', { spot: true })
    .override('dev', 'nat', { mode: 'single' })
    .override('staging', 'nat', { mode: 'single' })
    .override('prod', 'db', { multiAz: true })
    .build();
}

describe('isProduction', () => {
  it('matches names that start like production', () => {
    for (const env of ['prod', 'production', 'prd', 'prod-eu', 'prd2'])
      expect(isProduction(env), env).toBe(true);
    for (const env of ['dev', 'staging', 'preprod', 'test', 'uat'])
      expect(isProduction(env), env).toBe(false);
  });
});

describe('buildRuleContext', () => {
  const d = design('Ctx')
    .vpc()
    .node('lambda', { id: 'fn', properties: { memorySize: 1024 } })
    .node('sqs', { id: 'q' })
    .connect('q', 'fn', 'event-source')
    .override('prod', 'fn', { memorySize: 2048 })
    .build();
  const ctx = buildRuleContext(d);

  it('indexes nodes, VPCs and connections both ways', () => {
    expect(ctx.nodesById.get('fn')?.type).toBe('lambda');
    expect(ctx.vpcsById.get('main')?.cidr).toBe('10.0.0.0/16');
    expect(ctx.outgoing.get('q')?.map((c) => c.to)).toEqual(['fn']);
    expect(ctx.incoming.get('fn')?.map((c) => c.from)).toEqual(['q']);
    expect(ctx.nodesOfType('sqs').map((n) => n.id)).toEqual(['q']);
    expect(ctx.nodesOfType('rds')).toEqual([]);
  });

  it('merges catalog defaults, node values and environment overrides', () => {
    const fn = ctx.nodesById.get('fn')!;
    expect(ctx.props(fn).memorySize).toBe(1024);
    expect(ctx.props(fn).timeoutSeconds).toBe(30);
    expect(ctx.props(fn, 'prod').memorySize).toBe(2048);
    expect(ctx.props(fn, 'dev').memorySize).toBe(1024);
  });

  it('evaluates the design environments unless told otherwise', () => {
    expect(ctx.environments).toEqual(['dev', 'staging', 'prod']);
    expect(buildRuleContext(d, { environments: ['prod'] }).environments).toEqual(['prod']);
  });

  it('judges dated facts on the injected day, else on the day the version tables were checked', () => {
    expect(ctx.today).toBe(VERSION_TABLE_CHECKED);
    expect(buildRuleContext(d, { today: '2030-01-02' }).today).toBe('2030-01-02');
    expect(() => buildRuleContext(d, { today: '2 Jan 2030' })).toThrow(/must be a day like/);
    expect(isoDay(new Date(Date.UTC(2027, 2, 28, 23, 59)))).toBe('2027-03-28');
  });

  it('says whether paid extended support is still running', () => {
    const why = (version: string) =>
      validateDesign(design('Versions').vpc().node('eks', { id: 'k8s', properties: { version } }).build())
        .filter((f) => f.ruleId === 'EKS-02')
        .map((f) => f.why.split(':')[0]!.split(';')[0]);
    expect(why('1.32')).toEqual([
      'AWS bills extended support for it until 2027-03-23 and then upgrades it on its own schedule',
    ]);
    expect(why('1.28')).toEqual(['Its paid extended support ended too (2025-11-26)']);
  });

  it('reports a version by the day it is given, the same way every time', () => {
    const cluster = design('Versions')
      .vpc()
      .node('eks', { id: 'k8s', properties: { version: '1.35' } })
      .build();
    const eks02 = (today: string) =>
      validateDesign(cluster, { today })
        .filter((f) => f.ruleId === 'EKS-02')
        .map((f) => f.message);
    expect(eks02('2027-03-27')).toEqual([]);
    expect(eks02('2027-03-28')).toEqual([
      'EKS cluster runs Kubernetes 1.35, past the end of standard support (2027-03-27)',
    ]);
  });
});

describe('validateDesign', () => {
  it('finds nothing in a well-architected design', () => {
    expect(validateDesign(wellArchitected())).toEqual([]);
  });

  it('reports a problem found in every environment once, without an environment', () => {
    const d = design('Envs')
      .node('sns', { id: 'topic', properties: { kmsEncryption: false } })
      .build();
    const findings = validateDesign(d).filter((f) => f.ruleId === 'SNS-01');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.environment).toBeUndefined();
    expect(findings[0]!.fix?.actions).toEqual([
      { kind: 'set-property', nodeId: 'topic', key: 'kmsEncryption', value: true },
    ]);
  });

  it('reports a problem found in some environments once per environment', () => {
    const d = design('Envs')
      .node('sns', { id: 'topic' })
      .override('dev', 'topic', { kmsEncryption: false })
      .build();
    const findings = validateDesign(d).filter((f) => f.ruleId === 'SNS-01');
    expect(findings.map((f) => f.environment)).toEqual(['dev']);
    expect(findings[0]!.message).toMatch(/ in dev$/);
    expect(findings[0]!.fix?.actions).toEqual([
      { kind: 'set-env-override', env: 'dev', targetId: 'topic', key: 'kmsEncryption', value: true },
    ]);
  });

  it('fixes a design-wide problem everywhere, including environments that override the key', () => {
    const d = design('Envs')
      .node('sns', { id: 'topic', properties: { kmsEncryption: false } })
      .override('prod', 'topic', { kmsEncryption: false })
      .build();
    const [finding] = validateDesign(d).filter((f) => f.ruleId === 'SNS-01');
    expect(finding!.fix?.actions).toContainEqual({
      kind: 'set-env-override',
      env: 'prod',
      targetId: 'topic',
      key: 'kmsEncryption',
      value: true,
    });
  });

  it('evaluates only the environments asked for', () => {
    const d = design('Envs').vpc().node('rds', { id: 'db' }).build();
    expect(validateDesign(d).some((f) => f.ruleId === 'RDS-02')).toBe(true);
    expect(validateDesign(d, { environments: ['dev'] }).some((f) => f.ruleId === 'RDS-02')).toBe(false);
  });

  it('sorts by severity, then rule id, then target id', () => {
    const findings = validateDesign(
      design('Sorted')
        .vpc({ flowLogs: false })
        .node('rds', { id: 'b-db', tier: 'private' })
        .node('rds', { id: 'a-db', tier: 'private' })
        .node('sns', { id: 'topic', properties: { kmsEncryption: false } })
        .build(),
    );
    const rank = { critical: 0, high: 1, medium: 2, low: 3 };
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [findings[i - 1]!, findings[i]!];
      expect(
        compareFindings(a, b),
        `${a.ruleId} ${a.target.id} before ${b.ruleId} ${b.target.id}`,
      ).toBeLessThanOrEqual(0);
      expect(rank[a.severity]).toBeLessThanOrEqual(rank[b.severity]);
    }
    const net04 = findings.filter((f) => f.ruleId === 'NET-04').map((f) => f.target.id);
    expect(net04).toEqual(['a-db', 'b-db']);
    expect(findings[0]!.severity).toBe('critical');
  });

  it('gives the same findings whatever the order of nodes and connections', () => {
    const d = wellArchitected();
    const broken: Design = { ...d, vpcs: d.vpcs.map((v) => ({ ...v, flowLogs: false })) };
    broken.nodes = broken.nodes.map((n) =>
      n.id === 'db' ? { ...n, placement: { vpcId: 'main', tier: 'private' } } : n,
    );
    const shuffled: Design = {
      ...broken,
      nodes: [...broken.nodes].reverse(),
      connections: [...broken.connections].reverse(),
    };
    expect(validateDesign(shuffled)).toEqual(validateDesign(broken));
    expect(validateDesign(broken).length).toBeGreaterThan(0);
  });

  it('marks accepted risks and keeps them in the list', () => {
    const d = design('Risks')
      .vpc({ flowLogs: false })
      .acceptRisk('NET-08', 'main', 'Flow logs come from the central network account')
      .build();
    const [finding] = validateDesign(d).filter((f) => f.ruleId === 'NET-08');
    expect(finding!.accepted).toEqual({ reason: 'Flow logs come from the central network account' });
    const other = design('Risks').vpc({ flowLogs: false }).acceptRisk('NET-08', 'elsewhere', 'x').build();
    expect(validateDesign(other).find((f) => f.ruleId === 'NET-08')!.accepted).toBeUndefined();
  });

  it('does not crash on unknown service types or dangling references', () => {
    const d = design('Odd')
      .vpc()
      .node('quantum-computer', { id: 'q', placement: { vpcId: 'nowhere', tier: 'private' } })
      .build();
    d.connections.push({ id: 'c1', from: 'q', to: 'ghost', kind: 'traffic' });
    const findings = validateDesign(d);
    expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['CON-01', 'PLC-03']));
  });
});

function finding(pillar: Finding['pillar'], severity: Finding['severity'], accepted = false): Finding {
  return {
    ruleId: 'X-01',
    pillar,
    severity,
    target: { kind: 'design', id: 'd' },
    message: 'm',
    why: 'w',
    ...(accepted ? { accepted: { reason: 'ok' } } : {}),
  };
}

describe('scorePillar and summarize', () => {
  it('weighs open findings: critical 25, high 10, medium 4, low 1', () => {
    const findings = [
      finding('security', 'critical'),
      finding('security', 'high'),
      finding('security', 'medium'),
      finding('security', 'low'),
    ];
    expect(scorePillar(findings, 'security')).toBe(100 - 25 - 10 - 4 - 1);
    expect(scorePillar(findings, 'cost')).toBe(100);
  });

  it('ignores accepted findings and never goes below zero', () => {
    expect(scorePillar([finding('cost', 'critical', true)], 'cost')).toBe(100);
    expect(
      scorePillar(
        Array.from({ length: 5 }, () => finding('cost', 'critical')),
        'cost',
      ),
    ).toBe(0);
  });

  it('counts open findings per pillar and severity, and accepted ones apart', () => {
    const summary = summarize([
      finding('security', 'high'),
      finding('security', 'high'),
      finding('security', 'low', true),
      finding('reliability', 'medium'),
    ]);
    expect(summary.total).toBe(4);
    expect(summary.open).toBe(3);
    expect(summary.accepted).toBe(1);
    expect(summary.bySeverity).toEqual({ critical: 0, high: 2, medium: 1, low: 0 });
    expect(summary.byPillar.security).toEqual({
      open: { critical: 0, high: 2, medium: 0, low: 0 },
      accepted: 1,
      score: 80,
    });
    expect(summary.byPillar.reliability.score).toBe(96);
    expect(summary.byPillar.sustainability).toEqual({
      open: { critical: 0, high: 0, medium: 0, low: 0 },
      accepted: 0,
      score: 100,
    });
  });
});

describe('a design built in memory without environments', () => {
  it('still checks the base values', () => {
    const d = design('No envs')
      .node('sns', { id: 'topic', properties: { kmsEncryption: false } })
      .build();
    d.environments = [];
    const findings = validateDesign(d).filter((f) => f.ruleId === 'SNS-01');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.environment).toBeUndefined();
  });
});
