/**
 * Firehose streams (firehose nodes): the source (direct put, or the first kinesis-stream drawn as
 * its event source), the destination, and the delivery role's permissions. Decided once here for
 * every target.
 *
 * Destination: AWS allows one per stream. A stream writing to an OpenSearch domain (the first by
 * id) indexes there, and the bucket it writes to (the first by id, else a private bucket made
 * here) keeps the documents the domain refuses (S3BackupMode FailedDocumentsOnly, which AWS
 * requires a bucket for); without a domain, it delivers to that bucket. FH-02 flags the others.
 *
 * OpenSearch: the role gets what Firehose documents for a domain destination (describe the
 * domain, index with POST/PUT on it, GET its settings, stats and the index's mappings). The
 * domain's access policy admits this account's principals (every target prints it so), so the
 * role's own policy decides. A domain in a VPC (every drawn one is) is reached from network
 * interfaces Firehose makes in the domain's subnets: the stream gets a security group with HTTPS
 * to the domain's group, which admits it, and the role may manage those interfaces.
 */
import type { Connection } from '@archgen/model';
import { getRule } from '@archgen/rules';
import type { LowerContext } from './context.ts';
import { derivedComponent } from './derived.ts';
import { addGrant, grantRoleId } from './iam.ts';
import { logWriteStatement } from './iam-actions.ts';
import { portName, sgDescription, trafficPort } from './network.ts';
import { toPascalCase } from './naming.ts';
import type { PolicyStatement, ResolvedComponent, ResolvedFirehoseOpenSearch, ResourceRef } from './types.ts';

/** The log stream Firehose writes delivery errors to (the console's own name for it). */
export const FIREHOSE_LOG_STREAM = 'DestinationDelivery';

const ROTATIONS: readonly ResolvedFirehoseOpenSearch['indexRotation'][] = [
  'NoRotation',
  'OneHour',
  'OneDay',
  'OneWeek',
  'OneMonth',
];

/** The EC2 actions Firehose's VPC delivery documents for its role (VpcConfiguration.RoleARN). */
export const FIREHOSE_VPC_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:CreateNetworkInterfacePermission',
  'ec2:DeleteNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSubnets',
  'ec2:DescribeVpcAttribute',
  'ec2:DescribeVpcs',
] as const;

/** The private bucket a stream gets when the design connects it to none. */
function createdBucket(ctx: LowerContext, stream: ResolvedComponent, backup: boolean): ResolvedComponent {
  return ctx.addComponent(
    derivedComponent(
      ctx,
      {
        id: `${stream.id}.${backup ? 'backup' : 'destination'}`,
        type: 's3',
        names: backup
          ? ctx.derivedNames(stream.names, 'Backup', `${stream.names.display} backup`)
          : ctx.derivedNames(stream.names, 'Destination', `${stream.names.display} destination`),
        from: stream.id,
        nodeId: stream.id,
        reason: backup
          ? 'A Firehose stream to OpenSearch keeps the documents the domain refuses in a bucket: a private, access-logged one'
          : 'A Firehose stream needs a destination: a private, access-logged bucket',
      },
      {
        versioned: ctx.constant(true),
        encryption: ctx.constant('s3-managed'),
        blockPublicAccess: ctx.constant(true),
        enforceTls: ctx.constant(true),
        accessLogs: ctx.constant(true),
      },
    ),
    stream.id,
  );
}

/**
 * What Firehose documents for an OpenSearch Service destination's role: the domain's
 * configuration and indexing (POST/PUT) on the domain and its paths, and the GETs it makes
 * before indexing (settings, cluster and node stats, the index's mapping and stats).
 */
export function openSearchDeliveryStatements(
  domainId: string,
  indexName: string,
  sidBase: string,
): PolicyStatement[] {
  const at = (suffix: string): ResourceRef => ({
    componentId: domainId,
    attribute: 'arn',
    ...(suffix ? { suffix } : {}),
  });
  return [
    {
      sid: `${sidBase}Domain`,
      actions: [
        'es:DescribeDomain',
        'es:DescribeDomainConfig',
        'es:DescribeDomains',
        'es:ESHttpPost',
        'es:ESHttpPut',
      ],
      resources: [at(''), at('/*')],
    },
    {
      sid: `${sidBase}Get`,
      actions: ['es:ESHttpGet'],
      resources: [
        '/_all/_settings',
        '/_cluster/stats',
        `/${indexName}*/_mapping`,
        `/${indexName}*/_mapping/*`,
        '/_nodes',
        '/_nodes/stats',
        '/_nodes/*/stats',
        '/_stats',
        `/${indexName}*/_stats`,
      ].map(at),
    },
  ];
}

const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/** Run after the connection grants and wiring, before key grants and the roles' statements. */
export function lowerFirehoses(ctx: LowerContext): void {
  for (const node of ctx.nodes) {
    if (node.type !== 'firehose') continue;
    const stream = ctx.component(node.id);
    const roleId = stream && grantRoleId(stream);
    const role = roleId ? ctx.role(roleId) : undefined;
    if (!stream || !roleId || !role) continue;
    // Connections in id order: the first source, bucket and domain count (FH-02 flags others).
    const byId = <T extends { id: string }>(list: readonly T[]) =>
      [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const sourceConnection = byId(ctx.incoming.get(node.id) ?? []).find(
      (c) => c.kind === 'event-source' && ctx.component(c.from)?.type === 'kinesis-stream',
    );
    const writes = byId(ctx.outgoing.get(node.id) ?? []).filter((c) => c.kind === 'write');
    const bucketConnection = writes.find((c) => ctx.component(c.to)?.type === 's3');
    const domainConnection = writes.find((c) => ctx.component(c.to)?.type === 'opensearch');
    const domain = domainConnection ? ctx.component(domainConnection.to) : undefined;
    const bucket = bucketConnection
      ? ctx.component(bucketConnection.to)!
      : createdBucket(ctx, stream, domain !== undefined);
    const source = sourceConnection ? ctx.component(sourceConnection.from) : undefined;

    // The bucket's grant is the same as a destination and as a backup (objects, multipart).
    addGrant(ctx, stream, bucket, 'deliver', bucketConnection?.id);
    if (source) addGrant(ctx, stream, source, 'consume', sourceConnection!.id);
    if (stream.logGroupId) role.statements.push(logWriteStatement('WriteOwnLogs', stream.logGroupId));

    // Firehose takes no SSE setting with a stream source: the stream encrypts the records (KIN-01).
    if (source)
      stream.acknowledgements.push({
        ruleId: 'FH-01',
        reason: `Records arrive from ${source.names.display}, which encrypts them; Firehose takes no server-side encryption with a Kinesis stream source`,
        equivalents: [...(getRule('FH-01')?.equivalents ?? [])],
      });
    const first = ctx.envs[0]!;
    const opensearch = domain ? openSearchDestination(ctx, stream, domain, domainConnection!) : undefined;
    stream.firehose = {
      ...(source ? { sourceStreamId: source.id } : {}),
      destination: opensearch ? 'opensearch' : 's3',
      bucketId: bucket.id,
      ...(opensearch ? { opensearch } : {}),
      roleId,
      prefix: text(stream.props.prefix?.byEnv[first], ''),
      errorOutputPrefix: text(stream.props.errorOutputPrefix?.byEnv[first], ''),
      // Records from a stream arrive encrypted by it; Firehose refuses SSE with a stream source.
      encryption: !source && stream.props.encryption?.byEnv[first] !== false,
      ...(stream.logGroupId ? { logStreamName: FIREHOSE_LOG_STREAM } : {}),
    };
  }
}

/** The domain, index and retries; in a VPC, the stream's security group and its two rules. */
function openSearchDestination(
  ctx: LowerContext,
  stream: ResolvedComponent,
  domain: ResolvedComponent,
  connection: Connection,
): ResolvedFirehoseOpenSearch {
  const connectionId = connection.id;
  const first = ctx.envs[0]!;
  const indexName = text(stream.props.indexName?.byEnv[first], 'records') || 'records';
  const rotation = stream.props.indexRotation?.byEnv[first];
  const retry = stream.props.retrySeconds?.byEnv[first];
  const roleId = grantRoleId(stream)!;
  const statements = openSearchDeliveryStatements(
    domain.id,
    indexName,
    toPascalCase(`deliver ${domain.names.logicalId}`),
  );
  const domainGroup = ctx.securityGroupOf(domain.id);
  const vpc = domain.placement && domainGroup ? vpcDelivery(ctx, stream, domain, connection) : undefined;
  if (vpc)
    statements.push({
      sid: 'DeliveryNetworkInterfaces',
      actions: [...FIREHOSE_VPC_ACTIONS],
      resources: [],
      wildcardResource: {
        reason:
          'Firehose manages its network interfaces in the domain’s VPC with these EC2 actions, which it documents on Resource "*"',
      },
    });
  ctx.grants.push({
    granteeId: stream.id,
    roleId,
    targetId: domain.id,
    access: 'deliver',
    connectionId,
    statements,
  });
  return {
    domainId: domain.id,
    indexName,
    indexRotation: ROTATIONS.find((r) => r === rotation) ?? 'OneDay',
    retrySeconds: typeof retry === 'number' ? retry : 300,
    backupMode: 'FailedDocumentsOnly',
    ...(vpc ? { vpc } : {}),
  };
}

/** The stream's security group in the domain's VPC: HTTPS out to the domain, which admits it. */
function vpcDelivery(
  ctx: LowerContext,
  stream: ResolvedComponent,
  domain: ResolvedComponent,
  connection: Connection,
): ResolvedFirehoseOpenSearch['vpc'] {
  const connectionId = connection.id;
  // The connection's label describes both rules, as it does a traffic connection's.
  const label = connection.label ? sgDescription(connection.label) : '';
  const placement = domain.placement!;
  const domainGroup = ctx.securityGroupOf(domain.id)!;
  const domainNode = ctx.nodesById.get(domain.id);
  const port = domainNode ? trafficPort(ctx, domainNode) : 443;
  const id = `${stream.id}.sg`;
  const display = (c: ResolvedComponent) => sgDescription(c.names.display) || c.names.logicalId;
  ctx.addSecurityGroup({
    id,
    componentId: stream.id,
    vpcId: placement.vpcId,
    names: ctx.derivedNames(stream.names, 'Sg', `${stream.names.display} security group`, {
      nodeId: stream.id,
      key: 'securityGroup',
    }),
    description:
      sgDescription(`Security group for ${stream.names.display} delivery`) ||
      `Security group for ${stream.names.logicalId}`,
    ingress: [],
    egress: [
      {
        peer: { componentId: domain.id },
        port,
        protocol: 'tcp',
        description: label || `${portName(port, 'https')} to ${display(domain)}`,
        connectionId,
      },
    ],
    allowHttpsEgress: false,
  });
  stream.securityGroupId = id;
  domainGroup.ingress.push({
    peer: { componentId: stream.id },
    port,
    protocol: 'tcp',
    description: label || `${portName(port, 'https')} from ${display(stream)}`,
    connectionId,
  });
  return { vpcId: placement.vpcId, tier: placement.tier, securityGroupId: id };
}
