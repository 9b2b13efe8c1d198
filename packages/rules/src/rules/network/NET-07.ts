import { cidrIssues } from '@archgen/model';
import type { CidrIssue, CidrIssueCode, Vpc } from '@archgen/model';
import type { Rule, SuggestedFix } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';

const WHY: Record<CidrIssueCode, string> = {
  'invalid-cidr': 'The subnet plan is computed from the VPC CIDR; without a valid one there are no subnets.',
  'host-bits-set': 'AWS rejects a CIDR whose address is not the start of its block.',
  'vpc-prefix-out-of-range': 'AWS accepts VPC blocks from /16 to /28 only.',
  'subnet-prefix-out-of-range': 'Subnets must be /16 to /28 and no larger than their VPC.',
  'subnets-do-not-fit':
    'Every tier needs one subnet per AZ inside the VPC block; a plan that does not fit cannot be deployed.',
  'small-subnets': 'Load balancers need /27 subnets, and every task, function and endpoint takes an address.',
  'public-range': 'A VPC on public addresses cannot reach the real owners of that range on the internet.',
  'overlaps-vpc':
    'Overlapping VPCs can never be peered or routed to each other, and addresses become ambiguous in logs.',
  'subnet-cidr-count':
    'An explicit tier names one subnet per AZ; a missing one is carved automatically, which is not what the design says.',
  'subnet-cidr-invalid': 'AWS accepts only IPv4 CIDR blocks like 10.0.1.0/24 for a subnet.',
  'subnet-cidr-host-bits':
    'AWS rejects a subnet CIDR whose address is not the start of its block (10.0.1.5/24 for 10.0.1.0/24).',
  'subnet-cidr-prefix-out-of-range': 'AWS accepts subnet blocks from /16 to /28 only.',
  'subnet-outside-vpc': "AWS creates a subnet only inside its VPC's CIDR block.",
  'subnets-overlap': 'Two subnets of a VPC cannot share an address; AWS refuses the second one.',
};

/**
 * Issues whose plan cannot be built or deployed: CDK synth throws on subnets that do not fit
 * (SubnetCountExceedsRemainingSpace), Terraform plans the VPC with the subnets that fit and the
 * deploy fails on the empty DB subnet groups and one-subnet load balancers; AWS refuses the
 * CIDRs themselves, and explicit subnets outside the VPC or on top of each other. Small subnets,
 * public ranges, overlapping VPCs and a missing explicit CIDR (carved automatically) deploy, so
 * they do not block.
 */
const BLOCKING_CODES: readonly CidrIssueCode[] = [
  'invalid-cidr',
  'host-bits-set',
  'vpc-prefix-out-of-range',
  'subnet-prefix-out-of-range',
  'subnets-do-not-fit',
  'subnet-cidr-invalid',
  'subnet-cidr-host-bits',
  'subnet-cidr-prefix-out-of-range',
  'subnet-outside-vpc',
  'subnets-overlap',
];
const BLOCKING_WHYS = new Set(BLOCKING_CODES.map((code) => WHY[code]));

function fixFor(vpc: Vpc, issue: CidrIssue): SuggestedFix {
  if (issue.code === 'overlaps-vpc') return { title: 'Choose a CIDR that does not overlap', actions: [] };
  if (issue.code === 'small-subnets' && issue.subnet)
    return { title: 'Give the subnet a /27 or larger CIDR', actions: [] };
  if (issue.subnet) {
    // Automatic subnets are carved around the explicit ones, so they never overlap or stray.
    const { tier } = issue.subnet;
    return {
      title: `Switch ${tier} subnets to automatic`,
      actions: [{ kind: 'set-subnet-cidrs', vpcId: vpc.id, tier, cidrs: null }],
    };
  }
  return { title: 'Change the VPC CIDR or subnet size', actions: [] };
}

export const NET_07: Rule = {
  id: 'NET-07',
  title: 'VPC CIDRs are valid, private, do not overlap and hold every subnet',
  pillar: 'reliability',
  severity: 'critical',
  equivalents: ['E3059', 'E3060', 'E3022'],
  breaksGeneratedCode: {
    reason:
      'CDK synth or the Terraform and CloudFormation deploys fail: AWS refuses the CIDRs, or the subnets do not fit the VPC',
    // Each issue code has its own why (WHY above), so the why tells the code apart.
    applies: (finding) => BLOCKING_WHYS.has(finding.why),
  },
  check: (ctx) =>
    // Each VPC is compared with the ones before it, so an overlap is reported once.
    ctx.design.vpcs.flatMap((vpc, index) =>
      cidrIssues(vpc, ctx.design.vpcs.slice(0, index)).map((issue) =>
        makeFinding(
          NET_07,
          { kind: 'vpc', id: vpc.id },
          `${vpc.name}: ${issue.message}`,
          WHY[issue.code],
          fixFor(vpc, issue),
        ),
      ),
    ),
};
