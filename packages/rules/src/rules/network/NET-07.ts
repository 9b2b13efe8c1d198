import { cidrIssues } from '@archgen/model';
import type { CidrIssueCode } from '@archgen/model';
import type { Rule } from '../../types.ts';
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
};

/**
 * Issues whose plan cannot be built or deployed: CDK synth throws on subnets that do not fit
 * (SubnetCountExceedsRemainingSpace), Terraform plans the VPC with the subnets that fit and the
 * deploy fails on the empty DB subnet groups and one-subnet load balancers; AWS refuses the
 * CIDRs themselves. Small subnets, public ranges and overlaps deploy (badly), so they do not block.
 */
const BLOCKING_CODES: readonly CidrIssueCode[] = [
  'invalid-cidr',
  'host-bits-set',
  'vpc-prefix-out-of-range',
  'subnet-prefix-out-of-range',
  'subnets-do-not-fit',
];
const BLOCKING_WHYS = new Set(BLOCKING_CODES.map((code) => WHY[code]));

export const NET_07: Rule = {
  id: 'NET-07',
  title: 'VPC CIDRs are valid, private, do not overlap and hold every subnet',
  pillar: 'reliability',
  severity: 'critical',
  equivalents: ['E3059', 'E3060', 'E3022'],
  breaksGeneratedCode: {
    reason:
      'CDK synth fails and the Terraform and CloudFormation deploys fail: the subnets do not fit the VPC',
    // Each issue code has its own why (WHY above), so the why tells the code apart.
    applies: (finding) => BLOCKING_WHYS.has(finding.why),
  },
  check: (ctx) =>
    // Each VPC is compared with the ones before it, so an overlap is reported once.
    ctx.design.vpcs.flatMap((vpc, index) =>
      cidrIssues(vpc, ctx.design.vpcs.slice(0, index)).map((issue) =>
        makeFinding(NET_07, { kind: 'vpc', id: vpc.id }, `${vpc.name}: ${issue.message}`, WHY[issue.code], {
          title:
            issue.code === 'overlaps-vpc'
              ? 'Choose a CIDR that does not overlap'
              : 'Change the VPC CIDR or subnet size',
          actions: [],
        }),
      ),
    ),
};
