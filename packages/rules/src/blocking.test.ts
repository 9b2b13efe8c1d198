import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { blockingFindings } from './blocking.ts';
import { RULES } from './registry.ts';
import { validateDesign } from './validate.ts';

const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);

describe('blockingFindings', () => {
  it('pins the rules whose findings make the generated code fail', () => {
    expect(RULES.filter((r) => r.breaksGeneratedCode).map((r) => r.id)).toEqual([
      'ECS-03',
      'EVR-01',
      'EVR-02',
      'FH-03',
      'NET-07',
      'PLC-02',
      'PLC-03',
      'SQS-06',
      'TAG-03',
    ]);
    for (const rule of RULES.filter((r) => r.breaksGeneratedCode))
      expect(rule.breaksGeneratedCode!.reason.length).toBeGreaterThan(20);
  });

  it('blocks subnets that do not fit the VPC, even when the risk is accepted', () => {
    const tiny = design('Tiny').vpc({ id: 'main', cidr: '10.0.0.0/24', subnetPrefix: 24 });
    expect(ids(blockingFindings(validateDesign(tiny.build())))).toEqual(['NET-07']);
    const accepted = validateDesign(tiny.acceptRisk('NET-07', 'main', 'we know').build());
    expect(ids(blockingFindings(accepted))).toEqual(['NET-07']);
  });

  it('does not block NET-07 findings that still deploy (overlapping VPCs)', () => {
    const d = design('Two')
      .vpc({ id: 'a', cidr: '10.0.0.0/16' })
      .vpc({ id: 'b', cidr: '10.0.0.0/16' })
      .build();
    const findings = validateDesign(d);
    expect(findings.some((f) => f.ruleId === 'NET-07' && f.message.includes('overlaps'))).toBe(true);
    expect(ids(blockingFindings(findings))).toEqual([]);
  });

  it('blocks explicit subnet CIDRs AWS refuses, not a tier that lists too few (carved automatically)', () => {
    const blocking = (subnetCidrs: Record<string, string[]>) =>
      blockingFindings(validateDesign(design('Explicit').vpc({ subnetCidrs }).build())).map((f) => f.message);
    expect(blocking({ public: ['10.0.1.0/24', '10.0.1.0/25'] })).toEqual([
      'Main VPC: public subnet 2: 10.0.1.0/25 overlaps public subnet 1 (10.0.1.0/24)',
    ]);
    expect(blocking({ public: ['10.0.1.0/24', '10.9.1.0/24'] })).toEqual([
      "Main VPC: public subnet 2: 10.9.1.0/24 is not inside the VPC's 10.0.0.0/16",
    ]);
    expect(blocking({ public: ['10.0.1.7/24', '10.0.2.0/29'] })).toHaveLength(2);
    const short = validateDesign(
      design('Short')
        .vpc({ subnetCidrs: { public: ['10.0.1.0/24'] } })
        .build(),
    );
    expect(short.filter((f) => f.ruleId === 'NET-07').map((f) => f.fix?.title)).toEqual([
      'Switch public subnets to automatic',
    ]);
    expect(blockingFindings(short)).toEqual([]);
  });

  it('does not block what the generated code already works around (an "aws:" tag key)', () => {
    const findings = validateDesign(design('Tags').tag('aws:team', 'x').build());
    expect(ids(findings)).toContain('TAG-02');
    expect(blockingFindings(findings)).toEqual([]);
  });

  it('blocks a VPC service outside any VPC, not a regional service drawn inside one', () => {
    const outside = validateDesign(design('Db').vpc().node('rds', { id: 'db', placement: null }).build());
    expect(ids(blockingFindings(outside))).toEqual(['PLC-02']);
    const inside = validateDesign(
      design('Q')
        .vpc({ id: 'main' })
        .node('sqs', { id: 'q', placement: { vpcId: 'main', tier: 'private' } })
        .build(),
    );
    expect(ids(inside)).toContain('PLC-02');
    expect(ids(blockingFindings(inside))).toEqual([]);
  });
});
