/**
 * Allow-only security groups from the lowering's rules (SG-01..03). Rules between groups are
 * separate Ingress/Egress resources, so two groups that allow each other do not form a cycle.
 * A group with no inline egress rule gets CDK's "disallow all" placeholder: left empty,
 * CloudFormation would keep its allow-all egress rule.
 */
import type { ResolvedSecurityGroup, SecurityGroupRule } from '@archgen/infra';
import type { EmitContext, Suppression } from '../context.ts';
import { getAtt, ref, type TemplateValue } from '../template/intrinsics.ts';
import { managedDatabaseOf } from './relationships.ts';

const NO_EGRESS = {
  IpProtocol: 'icmp',
  FromPort: 252,
  ToPort: 86,
  CidrIp: '255.255.255.255/32',
  Description: 'Disallow all traffic',
};

/**
 * Groups of rotation functions this target does not create: RDS rotates the master secret it
 * manages itself, so the lowering's rotation security group and the rules naming it are skipped.
 */
function isRotationGroupOfManagedSecret(componentId: string, ctx: EmitContext): boolean {
  const owner = ctx.component(componentId);
  return owner.type === 'secret' && managedDatabaseOf(owner, ctx) !== undefined;
}

function peerGroupId(rule: SecurityGroupRule, ctx: EmitContext): string | undefined {
  if (!('componentId' in rule.peer)) return undefined;
  if (isRotationGroupOfManagedSecret(rule.peer.componentId, ctx)) return undefined;
  const peer = ctx.component(rule.peer.componentId);
  if (!peer.securityGroupId) throw new Error(`rule peer ${peer.id} has no security group`);
  return ctx.securityGroup(peer.securityGroupId).names.logicalId;
}

export function emitSecurityGroup(group: ResolvedSecurityGroup, ctx: EmitContext): void {
  if (isRotationGroupOfManagedSecret(group.componentId, ctx)) return;
  const t = ctx.template;
  const id = group.names.logicalId;
  const owner = ctx.component(group.componentId);
  const suppressions: Suppression[] = [];
  const cidrIngress: TemplateValue[] = [];
  for (const rule of group.ingress) {
    if (!('cidr' in rule.peer)) continue;
    cidrIngress.push({
      IpProtocol: 'tcp',
      FromPort: rule.port,
      ToPort: rule.port,
      CidrIp: rule.peer.cidr,
      Description: rule.description,
    });
    if (rule.peer.cidr === '0.0.0.0/0') {
      const reason = `Internet-facing entry point: ${owner.names.display} accepts port ${rule.port} from anyone by design`;
      suppressions.push({ id: 'CNAG W2', reason }, { id: 'CNAG W9', reason });
      if (rule.port === 80)
        suppressions.push({
          id: 'CKV_AWS_260',
          reason: `${reason}; port 80 only redirects to HTTPS or serves environments without a certificate`,
        });
    }
  }
  const egress: TemplateValue[] = [];
  if (group.allowHttpsEgress) {
    egress.push({
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
      CidrIp: '0.0.0.0/0',
      Description: 'HTTPS to AWS APIs',
    });
    suppressions.push({
      id: 'CNAG W5',
      reason: 'HTTPS out to AWS service endpoints, whose addresses are not fixed',
    });
  }
  for (const rule of group.egress) {
    if ('cidr' in rule.peer) {
      egress.push({
        IpProtocol: 'tcp',
        FromPort: rule.port,
        ToPort: rule.port,
        CidrIp: rule.peer.cidr,
        Description: rule.description,
      });
    }
  }

  t.addResource(id, {
    Type: 'AWS::EC2::SecurityGroup',
    Metadata: ctx.metadata(owner.acknowledgements, suppressions),
    Properties: {
      GroupDescription: group.description,
      VpcId: ref(ctx.vpc(group.vpcId).names.logicalId),
      SecurityGroupIngress: cidrIngress.length > 0 ? cidrIngress : undefined,
      // Without inline egress CloudFormation keeps allow-all egress, even next to Egress resources.
      SecurityGroupEgress: egress.length > 0 ? egress : [NO_EGRESS],
      Tags: ctx.tags(group.names.display),
    },
  });

  for (const rule of group.ingress) {
    const peer = peerGroupId(rule, ctx);
    if (!peer) continue;
    t.addResource(`${id}From${peer}${rule.port}`, {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: {
        GroupId: getAtt(id, 'GroupId'),
        IpProtocol: 'tcp',
        FromPort: rule.port,
        ToPort: rule.port,
        SourceSecurityGroupId: getAtt(peer, 'GroupId'),
        Description: rule.description,
      },
    });
  }
  for (const rule of group.egress) {
    const peer = peerGroupId(rule, ctx);
    if (!peer) continue;
    t.addResource(`${id}To${peer}${rule.port}`, {
      Type: 'AWS::EC2::SecurityGroupEgress',
      Properties: {
        GroupId: getAtt(id, 'GroupId'),
        IpProtocol: 'tcp',
        FromPort: rule.port,
        ToPort: rule.port,
        DestinationSecurityGroupId: getAtt(peer, 'GroupId'),
        Description: rule.description,
      },
    });
  }
}
