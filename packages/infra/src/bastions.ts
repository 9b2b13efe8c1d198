/**
 * Bastion hosts (bastion nodes): one EC2 instance reached through SSM Session Manager only. Its
 * security group has no ingress (network.ts gives it one with 443 out for the SSM agent; traffic
 * connections to databases add their port), its role carries AmazonSSMManagedInstanceCore, and
 * the AMI is the latest Amazon Linux 2023 for its instance type's architecture, named by AWS's
 * public SSM parameter so no target looks an AMI id up at generation time.
 */
import { isGraviton } from './aws.ts';
import type { LowerContext } from './context.ts';
import { DECIDED_PROPS } from './decisions.ts';

/** AWS's public parameter holding the latest Amazon Linux 2023 AMI id for an instance type. */
export function amazonLinux2023Parameter(instanceType: string): string {
  const arch = isGraviton(instanceType) ? 'arm64' : 'x86_64';
  return `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${arch}`;
}

/** The root device of Amazon Linux 2023 AMIs, which the encrypted gp3 volume replaces. */
export const BASTION_ROOT_DEVICE = '/dev/xvda';

export function lowerBastions(ctx: LowerContext): void {
  for (const node of ctx.nodes) {
    if (node.type !== 'bastion') continue;
    const component = ctx.component(node.id);
    if (!component) continue;
    const types = component.props.instanceType;
    component.props[DECIDED_PROPS.imageParameter] = ctx.envValue(
      ctx.envs.map((env) => amazonLinux2023Parameter(String(types?.byEnv[env] ?? 't4g.nano'))),
    );
  }
}
