/** security.tf: one security group per component, one rule resource per allowed flow. */
import type { ResolvedSecurityGroup, SecurityGroupRule } from '@archgen/infra';
import { type BodyItem, attr, block, num, ref, str } from '../hcl/ast.ts';
import type { TfContext } from '../context.ts';
import { ec2Description, skip, tags } from './common.ts';

export function emitSecurityGroup(ctx: TfContext, sg: ResolvedSecurityGroup): void {
  const name = sg.names.tfName;
  const owner = ctx.findComponent(sg.componentId);
  ctx.add(
    'security.tf',
    block(
      'resource',
      ['aws_security_group', name],
      [
        attr('name', ctx.physicalName(sg.names.slug, 255)),
        attr('description', str(ec2Description(sg.description))),
        attr('vpc_id', ctx.vpcIdOf(sg.vpcId)),
        tags(owner ? `${owner.names.display} security group` : sg.names.display),
      ],
    ),
  );
  const used = new Set<string>();
  const ruleName = (direction: 'from' | 'to', rule: SecurityGroupRule) => {
    const peer =
      'cidr' in rule.peer
        ? rule.peer.cidr === '0.0.0.0/0'
          ? 'anywhere'
          : 'cidr'
        : (ctx.securityGroupOwnedBy(rule.peer.componentId)?.names.tfName ?? 'peer');
    const stem = `${name}_${direction}_${peer}_${rule.port}`;
    let candidate = stem;
    for (let i = 2; used.has(candidate); i++) candidate = `${stem}_${i}`;
    used.add(candidate);
    return candidate;
  };
  for (const rule of sg.ingress) emitRule(ctx, sg, rule, 'ingress', ruleName('from', rule));
  for (const rule of sg.egress) emitRule(ctx, sg, rule, 'egress', ruleName('to', rule));
  if (sg.allowHttpsEgress) {
    emitRule(
      ctx,
      sg,
      { peer: { cidr: '0.0.0.0/0' }, port: 443, protocol: 'tcp', description: 'HTTPS to AWS APIs' },
      'egress',
      ruleName('to', { peer: { cidr: '0.0.0.0/0' }, port: 443, protocol: 'tcp', description: '' }),
    );
  }
}

function emitRule(
  ctx: TfContext,
  sg: ResolvedSecurityGroup,
  rule: SecurityGroupRule,
  direction: 'ingress' | 'egress',
  name: string,
): void {
  const leading: string[] = [];
  const body: BodyItem[] = [];
  let peer: BodyItem | undefined;
  if ('cidr' in rule.peer) {
    if (rule.peer.cidr === '0.0.0.0/0') {
      if (direction === 'ingress') {
        leading.push('trivy:ignore:AVD-AWS-0107');
        body.push(skip('CKV_AWS_260', 'the public front door must accept traffic from the internet (SG-01)'));
      } else {
        leading.push('trivy:ignore:AVD-AWS-0104');
        body.push(
          skip('CKV_AWS_382', 'HTTPS egress to AWS service endpoints through the NAT gateway (SG-02)'),
        );
      }
    }
    peer = attr('cidr_ipv4', str(rule.peer.cidr));
  } else {
    const peerId = rule.peer.componentId;
    const peerSg = ctx.securityGroupOwnedBy(peerId);
    if (!peerSg)
      throw new Error(`Security group rule of "${sg.id}" names "${peerId}", which has no security group`);
    peer = attr('referenced_security_group_id', ref(`aws_security_group.${peerSg.names.tfName}.id`));
  }
  const type =
    direction === 'ingress' ? 'aws_vpc_security_group_ingress_rule' : 'aws_vpc_security_group_egress_rule';
  ctx.add(
    'security.tf',
    block(
      'resource',
      [type, name],
      [
        body,
        attr('security_group_id', ref(`aws_security_group.${sg.names.tfName}.id`)),
        attr('description', str(ec2Description(rule.description))),
        attr('ip_protocol', str(rule.protocol)),
        attr('from_port', num(rule.port)),
        attr('to_port', num(rule.port)),
        peer,
      ],
      leading,
    ),
  );
}
