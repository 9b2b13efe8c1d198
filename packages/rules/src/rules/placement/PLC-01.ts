import { getService, serviceNoun } from '@archgen/model';
import type { SubnetTier } from '@archgen/model';
import type { Finding, Rule } from '../../types.ts';
import {
  COMPUTE_TYPES,
  VPC_DATABASE_TYPES,
  makeFinding,
  moveToTier,
  nodeTarget,
  tierLabel,
} from '../../rule-kit.ts';

// NET-01, NET-02 and NET-04 explain the tier of these types in their own words.
const COVERED_ELSEWHERE = new Set(['alb', ...COMPUTE_TYPES, ...VPC_DATABASE_TYPES]);

export const PLC_01: Rule = {
  id: 'PLC-01',
  title: 'Nodes sit in a subnet tier their service allows',
  pillar: 'security',
  severity: 'high',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const node of ctx.design.nodes) {
      const service = getService(node.type);
      if (!service || !node.placement || COVERED_ELSEWHERE.has(node.type)) continue;
      const allowed = service.placements.filter((p): p is SubnetTier => p !== 'regional');
      // Regional-only services in a VPC are PLC-02's case.
      if (allowed.length === 0 || allowed.includes(node.placement.tier)) continue;
      const move = moveToTier(ctx, node, allowed[0]!);
      const noun = serviceNoun(service);
      findings.push(
        makeFinding(
          PLC_01,
          nodeTarget(node),
          `${node.name} is in the ${tierLabel(node.placement.tier)}; ${noun.a} ${noun.is === 'is' ? 'belongs' : 'belong'} in the ${allowed.map(tierLabel).join(' or ')}`,
          `Each tier has its own routes: ${noun.a} in the wrong tier ${noun.is} either exposed or cannot reach what it needs.`,
          { title: `Move to ${tierLabel(allowed[0]!)}`, actions: move ? [move] : [] },
        ),
      );
    }
    return findings;
  },
};
