import { describe, expect, it } from 'vitest';
import { design, parseDesign } from '@archgen/model';
import { validateDesign, type Finding, type Pillar, type Severity } from '@archgen/rules';
import { acceptRisk, nextFinding, previousFinding, revokeRisk, walkthroughOrder } from './walkthrough.ts';

const finding = (
  severity: Severity,
  pillar: Pillar,
  target: string,
  ruleId = 'R-1',
  accepted = false,
): Finding => ({
  ruleId,
  pillar,
  severity,
  target: { kind: 'node', id: target },
  message: `${ruleId} on ${target}`,
  why: 'w',
  ...(accepted ? { accepted: { reason: 'ok' } } : {}),
});

describe('walkthroughOrder', () => {
  it('orders open findings by severity, then pillar, then target, and leaves out accepted ones', () => {
    const list = walkthroughOrder([
      finding('low', 'security', 'a'),
      finding('high', 'cost', 'a'),
      finding('high', 'security', 'z'),
      finding('high', 'security', 'b'),
      finding('critical', 'sustainability', 'q'),
      finding('critical', 'security', 'x', 'R-9', true),
    ]);
    expect(list.map((f) => `${f.severity}/${f.pillar}/${f.target.id}`)).toEqual([
      'critical/sustainability/q',
      'high/security/b',
      'high/security/z',
      'high/cost/a',
      'low/security/a',
    ]);
  });

  it('steps forward and back, matching findings recreated by a new validation run', () => {
    const list = walkthroughOrder([
      finding('high', 'security', 'a'),
      finding('medium', 'security', 'b'),
      finding('low', 'security', 'c'),
    ]);
    expect(nextFinding(list)?.target.id).toBe('a');
    expect(nextFinding(list, { ...list[0]! })?.target.id).toBe('b');
    expect(nextFinding(list, list[2])).toBeUndefined();
    expect(previousFinding(list, list[1])?.target.id).toBe('a');
    expect(previousFinding(list, list[0])).toBeUndefined();
    expect(previousFinding(list)?.target.id).toBe('c');
    // A finding that was fixed meanwhile: start again from the top.
    expect(nextFinding(list, finding('high', 'security', 'gone'))?.target.id).toBe('a');
  });
});

describe('acceptRisk / revokeRisk', () => {
  const base = () => design('Risky').vpc().node('alb', { id: 'web' }).build();

  it('stores a trimmed reason on a new design, which validation then marks accepted', () => {
    const d = base();
    const open = validateDesign(d).filter((f) => f.target.id === 'web' && !f.accepted);
    expect(open.length).toBeGreaterThan(0);
    const target = open[0]!;
    const accepted = acceptRisk(
      d,
      target,
      '  Internal tool; WAF comes later.  ',
      'Ana',
      '2026-01-02T03:04:05.000Z',
    );
    expect(d.acceptedRisks).toEqual([]);
    expect(accepted.acceptedRisks).toEqual([
      {
        ruleId: target.ruleId,
        targetId: 'web',
        reason: 'Internal tool; WAF comes later.',
        acceptedBy: 'Ana',
        acceptedAt: '2026-01-02T03:04:05.000Z',
      },
    ]);
    expect(parseDesign(accepted).ok).toBe(true);
    const marked = validateDesign(accepted).filter(
      (f) => f.ruleId === target.ruleId && f.target.id === 'web',
    );
    expect(marked.every((f) => f.accepted?.reason === 'Internal tool; WAF comes later.')).toBe(true);

    const again = acceptRisk(accepted, target, 'New reason');
    expect(again.acceptedRisks).toHaveLength(1);
    expect(again.acceptedRisks[0]!.reason).toBe('New reason');
    expect(again.acceptedRisks[0]!.acceptedBy).toBeUndefined();

    const revoked = revokeRisk(again, target);
    expect(revoked.acceptedRisks).toEqual([]);
    expect(revokeRisk(revoked, target)).toBe(revoked);
  });

  it('requires a reason of at most 1024 characters and an id-shaped target', () => {
    const d = base();
    const f = finding('high', 'security', 'web');
    expect(() => acceptRisk(d, f, '   ')).toThrow(/reason/);
    expect(() => acceptRisk(d, f, 'x'.repeat(1025))).toThrow(/1025 characters; at most 1024/);
    expect(acceptRisk(d, f, ` ${'x'.repeat(1024)} `).acceptedRisks[0]!.reason).toHaveLength(1024);
    expect(() => acceptRisk(d, { ruleId: 'R', target: { kind: 'design', id: 'my design!' } }, 'ok')).toThrow(
      /not the id/,
    );
  });
});
