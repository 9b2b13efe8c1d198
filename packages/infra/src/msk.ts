/**
 * MSK clusters (msk-cluster nodes): brokers in the subnets of their tier, one set per AZ; the
 * ports clients reach by authentication and encryption; the security group rules from the compute
 * that reads or writes topics, and a rule admitting the group itself for Lambda's event source
 * pollers, which run in the cluster's subnets with its security group. Decided once here.
 */
import type { LowerContext } from './context.ts';
import { sgDescription } from './network.ts';
import type { ResolvedMskCluster, SecurityGroupRule } from './types.ts';

const CLIENT_KINDS = new Set(['read', 'write', 'read-write']);

/** The broker ports a client uses: 9098 IAM over TLS; else 9094 TLS and 9092 plaintext. */
export function mskPorts(
  clientAuth: ResolvedMskCluster['clientAuth'],
  encryption: ResolvedMskCluster['encryptionInTransit'],
): number[] {
  if (clientAuth === 'iam') return [9098];
  if (encryption === 'TLS') return [9094];
  return encryption === 'PLAINTEXT' ? [9092] : [9092, 9094];
}

function addRule(rules: SecurityGroupRule[], rule: SecurityGroupRule): void {
  const peer = JSON.stringify(rule.peer);
  if (!rules.some((r) => JSON.stringify(r.peer) === peer && r.port === rule.port)) rules.push(rule);
}

/** Run after the security groups exist. */
export function lowerMskClusters(ctx: LowerContext): void {
  for (const node of ctx.nodes) {
    if (node.type !== 'msk-cluster') continue;
    const cluster = ctx.component(node.id);
    const vpc = cluster?.placement ? ctx.vpcsById.get(cluster.placement.vpcId) : undefined;
    const sg = ctx.securityGroupOf(node.id);
    if (!cluster?.placement || !vpc || !sg) continue;
    const first = ctx.envs[0]!;
    const value = (key: string) => cluster.props[key]?.byEnv[first];
    const clientAuth = value('clientAuth') === 'unauthenticated' ? 'unauthenticated' : 'iam';
    const encryption = value('encryptionInTransit');
    const encryptionInTransit =
      encryption === 'PLAINTEXT' || encryption === 'TLS_PLAINTEXT' ? encryption : 'TLS';
    const ports = mskPorts(clientAuth, encryptionInTransit);
    const perAz = typeof value('brokersPerAz') === 'number' ? (value('brokersPerAz') as number) : 1;
    cluster.mskCluster = {
      brokerNodes: perAz * vpc.azCount,
      tier: cluster.placement.tier,
      clientAuth,
      encryptionInTransit,
      ports,
    };

    const incoming = (ctx.incoming.get(node.id) ?? []).filter((c) => CLIENT_KINDS.has(c.kind));
    for (const connection of incoming) {
      const client = ctx.component(connection.from);
      const clientSg = ctx.securityGroupOf(connection.from);
      // A client outside the VPC has no group to admit (a rule reports it).
      if (!client || !clientSg) continue;
      const label = connection.label ? sgDescription(connection.label) : '';
      for (const port of ports) {
        addRule(sg.ingress, {
          peer: { componentId: client.id },
          port,
          protocol: 'tcp',
          description: label || sgDescription(`Kafka ${port} from ${client.names.display}`),
          connectionId: connection.id,
        });
        addRule(clientSg.egress, {
          peer: { componentId: cluster.id },
          port,
          protocol: 'tcp',
          description: label || sgDescription(`Kafka ${port} to ${cluster.names.display}`),
          connectionId: connection.id,
        });
      }
    }

    // Lambda polls the cluster from network interfaces that carry the cluster's own group.
    const consumed = (ctx.outgoing.get(node.id) ?? []).some(
      (c) => c.kind === 'event-source' && ctx.component(c.to)?.type === 'lambda',
    );
    if (consumed)
      for (const port of ports) {
        const rule = {
          peer: { componentId: cluster.id },
          port,
          protocol: 'tcp' as const,
          description: sgDescription(`Kafka ${port} within ${cluster.names.display} (Lambda event source)`),
        };
        addRule(sg.ingress, rule);
        addRule(sg.egress, rule);
      }
  }
}
