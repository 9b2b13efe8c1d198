import type { Finding, Rule } from '../../types.ts';
import {
  STACK_RESOURCE_LIMIT,
  boundGroups,
  estimateStackResources,
  estimateTemplateResources,
  type StackEstimatePart,
} from './stack-resources.ts';

/**
 * From this estimate the exports split the design into nested stacks (the lowering's
 * SPLIT_THRESHOLD in packages/infra/src/stacks.ts; rules cannot import the lowering, and
 * stack-resources.test.ts holds the two equal).
 */
export const STACK_SPLIT_THRESHOLD = 400;

const DESIGN_TARGET: Finding['target'] = { kind: 'design', id: 'design' };

const WHY_SPLIT =
  "CloudFormation allows 500 resources per stack (and CDK adds some of its own), so the CloudFormation and CDK exports deploy this design as a root stack with nested stacks (network, data, messaging, app, edge), each well under the quota; Terraform has no such limit. A reader follows a value from one stack to the next through the nested stacks' outputs and parameters.";

const WHY_BOUND =
  "An API and its integrations, a load balancer and the functions behind it, a bucket and what its notifications reach, a rule and the queues it targets: each side's resources name the other, so the exports keep them in one stack, and CloudFormation refuses a stack of more than 500 resources (CDK synth fails the same way).";

function describeParts(parts: readonly StackEstimatePart[]): string {
  return parts
    .slice(0, 3)
    .map((p) => `${p.label} x${p.items}: ${p.resources}`)
    .join(', ');
}

/**
 * Estimates the CloudFormation resources the design makes (stack-resources.ts). From
 * STACK_SPLIT_THRESHOLD the CloudFormation and CDK exports split it into nested stacks under the
 * quota, so the finding is low: it says so, with the largest contributors and each
 * environment's estimate when they differ. One template holds every environment, so the finding
 * is the design's.
 */
export const LIM_01: Rule = {
  id: 'LIM-01',
  title: "The design fits in CloudFormation's 500 resources per stack",
  pillar: 'reliability',
  severity: 'low',
  equivalents: ['E3010', 'I3010'],
  check(ctx) {
    const envs = ctx.environments.length > 0 ? ctx.environments : [''];
    const template = estimateTemplateResources(ctx, envs);
    if (template.total < STACK_SPLIT_THRESHOLD) return [];
    // Services bound both ways share one stack: a group over the quota cannot be split.
    const [bound] = boundGroups(ctx, envs);
    if (bound && bound.resources > STACK_RESOURCE_LIMIT) {
      const names = bound.nodeIds.map((id) => ctx.nodesById.get(id)?.name ?? id);
      const listed =
        names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
      return [
        {
          ruleId: LIM_01.id,
          pillar: LIM_01.pillar,
          severity: 'high',
          target: { kind: 'node', id: bound.nodeIds[0]! },
          message: `${bound.nodeIds.length} services that must share one stack (${listed}) make about ${bound.resources} CloudFormation resources, over the ${STACK_RESOURCE_LIMIT} one stack may hold`,
          why: WHY_BOUND,
          fix: {
            title:
              'Split the group: fewer integrations or notifications per API, load balancer, bucket or rule',
            actions: [],
          },
        },
      ];
    }
    const perEnv = envs.map((env) => ({ env, total: estimateStackResources(ctx, env).total }));
    const differ = new Set(perEnv.map((e) => e.total)).size > 1;
    const envPart = differ ? `; per environment: ${perEnv.map((e) => `${e.env} ${e.total}`).join(', ')}` : '';
    const share = Math.round((template.total / STACK_RESOURCE_LIMIT) * 100);
    const amount =
      template.total > STACK_RESOURCE_LIMIT
        ? `over the ${STACK_RESOURCE_LIMIT} one stack may hold`
        : `${share}% of the ${STACK_RESOURCE_LIMIT} one stack may hold`;
    return [
      {
        ruleId: LIM_01.id,
        pillar: LIM_01.pillar,
        severity: LIM_01.severity,
        target: DESIGN_TARGET,
        message: `The design makes about ${template.total} CloudFormation resources, ${amount}: the CloudFormation and CDK exports deploy it as nested stacks (largest: ${describeParts(template.parts)}${envPart})`,
        why: WHY_SPLIT,
        fix: {
          title: 'Nothing to change: review the nested stacks, or split the design into several designs',
          actions: [],
        },
      },
    ];
  },
};
