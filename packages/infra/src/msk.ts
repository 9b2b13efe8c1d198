/**
 * MSK clusters (msk-cluster nodes): brokers in the subnets of their tier, one set per AZ; the
 * ports clients reach by authentication and encryption; the security group rules from the compute
 * that reads or writes topics, and a rule admitting the group itself for Lambda's event source
 * pollers, which run in the cluster's subnets with its security group. With SASL/SCRAM, the
 * credentials secret, the customer managed key MSK requires for it, and the association that
 * hands the secret to the cluster. Decided once here.
 */
import { getRule } from '@archgen/rules';
import type { LowerContext } from './context.ts';
import { PASSWORD_EXCLUDED, derivedComponent } from './derived.ts';
import { sgDescription } from './network.ts';
import type { ResolvedComponent, ResolvedMskCluster, SecurityGroupRule } from './types.ts';

const CLIENT_KINDS = new Set(['read', 'write', 'read-write']);

/** MSK reads SCRAM credentials only from secrets whose name begins with this. */
export const MSK_SCRAM_SECRET_PREFIX = 'AmazonMSK_';
/** The Kafka user of the generated SCRAM credentials; every connected client signs in as it. */
export const MSK_SCRAM_USERNAME = 'app-client';

/**
 * The broker ports a client uses: 9098 IAM and 9096 SASL/SCRAM, both over TLS; without
 * authentication 9094 TLS and 9092 plaintext.
 */
export function mskPorts(
  clientAuth: ResolvedMskCluster['clientAuth'],
  encryption: ResolvedMskCluster['encryptionInTransit'],
): number[] {
  if (clientAuth === 'iam') return [9098];
  if (clientAuth === 'scram') return [9096];
  if (encryption === 'TLS') return [9094];
  return encryption === 'PLAINTEXT' ? [9092] : [9092, 9094];
}

function clientAuthOf(value: unknown): ResolvedMskCluster['clientAuth'] {
  return value === 'unauthenticated' || value === 'scram' ? value : 'iam';
}

/**
 * The SCRAM credentials of a cluster: a key of its own (MSK refuses secrets under the AWS managed
 * aws/secretsmanager key, and msk-cluster takes no drawn key), and a generated
 * {"username", "password"} secret named "AmazonMSK_..." encrypted with it.
 */
function scramCredentials(
  ctx: LowerContext,
  cluster: ResolvedComponent,
): NonNullable<ResolvedMskCluster['scram']> {
  const display = cluster.names.display;
  const key = ctx.addComponent(
    derivedComponent(
      ctx,
      {
        id: `${cluster.id}.scram-key`,
        type: 'kms-key',
        names: ctx.derivedNames(cluster.names, 'Scram Key', `${display} SCRAM key`),
        from: cluster.id,
        nodeId: cluster.id,
        reason: 'Customer managed key for the SASL/SCRAM secret (MSK refuses the AWS managed key)',
      },
      {},
    ),
    cluster.id,
  );
  const secret = ctx.addComponent(
    derivedComponent(
      ctx,
      {
        id: `${cluster.id}.scram-secret`,
        type: 'secret',
        names: ctx.derivedNames(cluster.names, 'Scram Secret', `${display} SCRAM credentials`),
        from: cluster.id,
        nodeId: cluster.id,
        reason: 'SASL/SCRAM user name and password the clients and MSK read',
      },
      {
        description: ctx.constant(`SASL/SCRAM credentials for ${display}`),
        rotationDays: ctx.constant(0),
      },
    ),
    cluster.id,
  );
  secret.generatedSecret = {
    username: MSK_SCRAM_USERNAME,
    passwordLength: 64,
    excludeCharacters: PASSWORD_EXCLUDED,
  };
  secret.physicalNamePrefix = MSK_SCRAM_SECRET_PREFIX;
  secret.encryption = { kind: ctx.constant('customer-managed'), keyId: key.id };
  secret.acknowledgements.push({
    ruleId: 'SM-01',
    reason:
      'MSK SCRAM credentials have no managed rotation: put a new password in the secret, then in the clients',
    equivalents: [...(getRule('SM-01')?.equivalents ?? [])],
  });
  cluster.secretId = secret.id;
  const association = ctx.derivedNames(cluster.names, 'Scram Secrets', `${display} SCRAM secrets`);
  return {
    secretId: secret.id,
    keyId: key.id,
    association: { logicalId: association.logicalId, tfName: association.tfName },
  };
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
    const clientAuth = clientAuthOf(value('clientAuth'));
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
      ...(clientAuth === 'scram' ? { scram: scramCredentials(ctx, cluster) } : {}),
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
