/**
 * Security groups from the lowering: created before the components (which take them as props),
 * rules added once every group exists, so two groups can reference each other.
 */
import type { ResolvedSecurityGroup, SecurityGroupRule } from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { Expr } from '../ts/ast.ts';
import { call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { camelCase, plainText } from '../naming.ts';

/** Text that the cleaning below would leave as it is: EC2's characters, single spaces inside. */
const EC2_CLEAN = /^[a-zA-Z0-9._\-:/()#,@[\]+=&;{}!$*]+(?: [a-zA-Z0-9._\-:/()#,@[\]+=&;{}!$*]+)*$/;

/** EC2 accepts only these characters in group and rule descriptions. */
export function ec2Description(text: string): string {
  if (text.length <= 255 && EC2_CLEAN.test(text) && !text.includes('Token[')) return text;
  const cleaned = plainText(text)
    .replace(/[^a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.slice(0, 255) || 'Managed by archgen';
}

export function emitSecurityGroup(ctx: StackContext, group: ResolvedSecurityGroup): void {
  const vpc = ctx.vpcs.get(group.vpcId);
  if (!vpc) throw new Error(`Security group "${group.id}" is in unknown VPC "${group.vpcId}"`);
  const name = camelCase(group.names.logicalId) || 'securityGroup';
  const construct = newExpr(
    ctx.api('ec2', 'SecurityGroup'),
    ctx.scope,
    lit(group.names.logicalId),
    obj({
      vpc,
      description: lit(ec2Description(group.description)),
      // Egress is listed rule by rule below (SG-02), never "all outbound".
      allowAllOutbound: lit(false),
    }),
  );
  ctx.securityGroups.set(group.id, ctx.declare(name, construct, 'Sg'));
}

function peerOf(ctx: StackContext, rule: SecurityGroupRule): Expr {
  if ('cidr' in rule.peer) {
    return rule.peer.cidr === '0.0.0.0/0'
      ? call(ctx.api('ec2', 'Peer.anyIpv4'))
      : call(ctx.api('ec2', 'Peer.ipv4'), lit(rule.peer.cidr));
  }
  const component = ctx.component(rule.peer.componentId);
  const peerGroup = component.securityGroupId ? ctx.securityGroups.get(component.securityGroupId) : undefined;
  if (!peerGroup)
    throw new Error(`Security group rule peer "${rule.peer.componentId}" has no security group`);
  // The group itself as peer (not Peer.securityGroupId): CDK then writes a separate
  // SecurityGroupIngress/Egress resource, so two groups that reference each other do not cycle.
  return peerGroup;
}

export function emitSecurityGroupRules(ctx: StackContext, group: ResolvedSecurityGroup): void {
  const sg = ctx.securityGroups.get(group.id);
  if (!sg) throw new Error(`Security group "${group.id}" was not emitted`);
  // A peer in a later nested stack (a split design) takes the rule (remoteRule), so the earlier
  // stack never refers to the later one.
  const remote = (rule: SecurityGroupRule) =>
    'componentId' in rule.peer && ctx.stackOf(rule.peer.componentId) > ctx.stackOf(group.id)
      ? [lit(true)]
      : [];
  for (const rule of group.ingress)
    ctx.expr(
      call(
        member(sg, 'addIngressRule'),
        peerOf(ctx, rule),
        call(ctx.api('ec2', 'Port.tcp'), lit(rule.port)),
        lit(ec2Description(rule.description)),
        ...remote(rule),
      ),
    );
  for (const rule of group.egress)
    ctx.expr(
      call(
        member(sg, 'addEgressRule'),
        peerOf(ctx, rule),
        call(ctx.api('ec2', 'Port.tcp'), lit(rule.port)),
        lit(ec2Description(rule.description)),
        ...remote(rule),
      ),
    );
  if (group.allowHttpsEgress)
    ctx.expr(
      call(
        member(sg, 'addEgressRule'),
        call(ctx.api('ec2', 'Peer.anyIpv4')),
        call(ctx.api('ec2', 'Port.tcp'), lit(443)),
        lit('HTTPS to AWS APIs'),
      ),
    );
  const openIngress = group.ingress.filter((r) => 'cidr' in r.peer && r.peer.cidr === '0.0.0.0/0');
  const owner = ctx.component(group.componentId);
  if (openIngress.length > 0 && (owner.type === 'alb' || owner.type === 'cloudfront'))
    ctx.acknowledge(
      sg,
      'AwsSolutions-EC23',
      `Public front door: ${owner.names.display} accepts ports ${openIngress.map((r) => r.port).join(', ')} from the internet by design.`,
    );
}
