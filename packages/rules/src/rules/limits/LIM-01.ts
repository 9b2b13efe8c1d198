import type { Finding, Rule, Severity } from '../../types.ts';
import {
  STACK_RESOURCE_LIMIT,
  estimateStackResources,
  estimateTemplateResources,
  type StackEstimatePart,
} from './stack-resources.ts';

/** Findings start at 80% of the quota: a few more services and the stack no longer deploys. */
export const STACK_RESOURCE_WARNING = Math.round(STACK_RESOURCE_LIMIT * 0.8);

const DESIGN_TARGET: Finding['target'] = { kind: 'design', id: 'design' };

const WHY_OVER =
  'CloudFormation refuses a template that declares more than 500 resources, so the CloudFormation export cannot be deployed, and CDK synth fails the same way (it adds resources of its own); Terraform has no such limit. The estimate counts what the CloudFormation export makes for each service, connection and VPC.';
const WHY_NEAR =
  'CloudFormation allows 500 resources per stack and CDK adds some of its own: a few more services and the design can no longer be deployed as one stack.';

function describeParts(parts: readonly StackEstimatePart[]): string {
  return parts
    .slice(0, 3)
    .map((p) => `${p.label} x${p.items}: ${p.resources}`)
    .join(', ');
}

/**
 * Estimates the CloudFormation resources the design makes (stack-resources.ts): a warning at 80%
 * of CloudFormation's 500 per stack, an error above it. One template holds every environment,
 * so the finding is the design's; its message gives each environment's estimate when they differ.
 */
export const LIM_01: Rule = {
  id: 'LIM-01',
  title: "The design fits in CloudFormation's 500 resources per stack",
  pillar: 'reliability',
  severity: 'high',
  equivalents: ['E3010', 'I3010'],
  check(ctx) {
    const envs = ctx.environments.length > 0 ? ctx.environments : [''];
    const template = estimateTemplateResources(ctx, envs);
    if (template.total < STACK_RESOURCE_WARNING) return [];
    const over = template.total > STACK_RESOURCE_LIMIT;
    const perEnv = envs.map((env) => ({ env, total: estimateStackResources(ctx, env).total }));
    const differ = new Set(perEnv.map((e) => e.total)).size > 1;
    const envPart = differ ? `; per environment: ${perEnv.map((e) => `${e.env} ${e.total}`).join(', ')}` : '';
    const share = Math.round((template.total / STACK_RESOURCE_LIMIT) * 100);
    const amount = over
      ? `over the ${STACK_RESOURCE_LIMIT} one stack may hold`
      : `${share}% of the ${STACK_RESOURCE_LIMIT} one stack may hold`;
    const severity: Severity = over ? LIM_01.severity : 'medium';
    return [
      {
        ruleId: LIM_01.id,
        pillar: LIM_01.pillar,
        severity,
        target: DESIGN_TARGET,
        message: `The design makes about ${template.total} CloudFormation resources, ${amount} (largest: ${describeParts(template.parts)}${envPart})`,
        why: over ? WHY_OVER : WHY_NEAR,
        fix: {
          title: 'Split the design into several designs (one stack each), or remove services',
          actions: [],
        },
      },
    ];
  },
};
