import { iamDescriptionProblem } from '@archgen/model';
import type { Finding, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';

/** Node types whose roles are described "<purpose> role of <node name>" by the lowering. */
const ROLE_OWNER_TYPES = new Set([
  'lambda',
  'ecs-fargate',
  'ec2-asg',
  'eks',
  'step-functions',
  'eventbridge-rule',
  'api-gateway',
]);

/**
 * IAM role descriptions take Latin-1 characters only. The lowering writes a role's description
 * from its owner's name with other characters as "?", so the deployment works in every target;
 * this finding says the description will read that way.
 */
export const IAM_03: Rule = {
  id: 'IAM-03',
  title: 'Names that go into IAM role descriptions use Latin-1 characters',
  pillar: 'operational-excellence',
  severity: 'low',
  equivalents: [],
  // Not breaksGeneratedCode: the description is written with "?" for what IAM refuses, so it deploys.
  check(ctx) {
    const findings: Finding[] = [];
    const check = (target: Finding['target'], name: string) => {
      const problem = iamDescriptionProblem(name);
      if (problem === undefined) return;
      findings.push(
        makeFinding(
          IAM_03,
          target,
          `${name}: the name ${problem}; its role description shows "?" for them`,
          'IAM accepts only Latin-1 characters in a role description; the generated code replaces the others with "?" so the deployment does not fail, but the description no longer names the resource clearly.',
          { title: 'Rename it with Latin-1 characters', actions: [] },
        ),
      );
    };
    for (const node of ctx.design.nodes)
      if (ROLE_OWNER_TYPES.has(node.type)) check({ kind: 'node', id: node.id }, node.name);
    // Flow logs deliver through a role named after the VPC.
    for (const vpc of ctx.design.vpcs) if (vpc.flowLogs) check({ kind: 'vpc', id: vpc.id }, vpc.name);
    return findings;
  },
};
