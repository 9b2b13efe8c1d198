/**
 * Logical ids kept from imported code for the parts of a node (its policy, alarms, permissions,
 * target group, ...) and of a VPC (subnets, route tables, gateways): the one place that decides
 * which emitted resource takes which kept id, for every target that prints CloudFormation.
 *
 * The node's primary resource, its role, security group and log group are named when lowered
 * (naming.ts, `ResolvedNames.kept`). Every other resource a target emits for a node is matched
 * here after emission, by what it is (its CloudFormation type -> the part role the importer
 * records, e.g. AWS::Lambda::Permission -> 'permission'; a part that says its source type goes
 * only to a resource of that type), then by what it names (of several parts of one role, the
 * one naming most of what the resource names: an ingress rule's peer, a subscription's
 * endpoint), then by order: 'permission' / 'permission:0' first, then 'permission:1', ..., as the
 * importer numbers them in source order. A kept id another resource of the template already has
 * is never taken (no clash, the derived name stays).
 */
import type { ResolvedGraph } from './types.ts';

/** The owner id of a VPC's kept network ids: apart from a node that has the same id ("." is in no design id). */
export const networkOwner = (vpcId: string): string => `${vpcId}.network`;

/** A kept logical id of one part of a node or VPC (`ownerId`), from DesignNode/Vpc.logicalIds. */
export interface KeptPart {
  ownerId: string;
  key: string;
  logicalId: string;
  /** The part's CloudFormation type in the imported code: only a resource of that type takes the id. */
  type?: string;
  /** Logical ids the part named there: of a role's parts, a resource takes the one naming most of what it names. */
  refs?: readonly string[];
}

/** One resource a target emitted: its logical id, type and what it was emitted for. */
export interface EmittedResource {
  logicalId: string;
  type: string;
  /** A VPC, component, role or security group id (what generators record as a resource's owner). */
  owner: string;
  /**
   * Logical ids the resource refers to. A part the importer gave to the node it names (a
   * permission to its function) may be emitted with the other end (the ALB that invokes it).
   */
  refs?: readonly string[];
}

/**
 * Emitted CloudFormation type -> the part role the importer records for it (import's kinds.ts and
 * network.ts). A type can mean a part only when it is not the owner's primary resource.
 */
export const PART_ROLE_OF_TYPE: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'role',
  'AWS::IAM::Policy': 'policy',
  'AWS::IAM::ManagedPolicy': 'policy',
  'AWS::IAM::InstanceProfile': 'instanceProfile',
  'AWS::EC2::SecurityGroup': 'securityGroup',
  'AWS::EC2::SecurityGroupIngress': 'securityGroupIngress',
  'AWS::EC2::SecurityGroupEgress': 'securityGroupEgress',
  'AWS::Logs::LogGroup': 'logGroup',
  'AWS::Logs::ResourcePolicy': 'logsPolicy',
  'AWS::Logs::LogStream': 'logStream',
  'AWS::CloudWatch::Alarm': 'alarm',
  'AWS::Lambda::Permission': 'permission',
  'AWS::Lambda::EventSourceMapping': 'eventSourceMapping',
  'AWS::SNS::Subscription': 'subscription',
  'AWS::SQS::QueuePolicy': 'queuePolicy',
  'AWS::SNS::TopicPolicy': 'topicPolicy',
  'AWS::S3::BucketPolicy': 'bucketPolicy',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'targetGroup',
  'AWS::ElasticLoadBalancingV2::Listener': 'listener',
  'AWS::ElasticLoadBalancingV2::ListenerRule': 'listenerRule',
  'AWS::WAFv2::WebACL': 'webAcl',
  'AWS::WAFv2::WebACLAssociation': 'webAclAssociation',
  'AWS::ECS::TaskDefinition': 'taskDefinition',
  'AWS::ECS::Cluster': 'cluster',
  'AWS::ApplicationAutoScaling::ScalableTarget': 'scalableTarget',
  'AWS::ApplicationAutoScaling::ScalingPolicy': 'scalingPolicy',
  'AWS::AutoScaling::ScalingPolicy': 'scalingPolicy',
  'AWS::EC2::LaunchTemplate': 'launchTemplate',
  'AWS::KMS::Key': 'kmsKey',
  'AWS::CloudFormation::WaitConditionHandle': 'dependencyGate',
  'AWS::KMS::Alias': 'kmsAlias',
  'AWS::ApiGateway::Resource': 'apiResource',
  'AWS::ApiGateway::Method': 'apiMethod',
  'AWS::ApiGateway::Deployment': 'deployment',
  'AWS::ApiGateway::Stage': 'stage',
  'AWS::ApiGateway::Authorizer': 'authorizer',
  'AWS::ApiGateway::RequestValidator': 'requestValidator',
  'AWS::ApiGatewayV2::Route': 'route',
  'AWS::ApiGatewayV2::Integration': 'integration',
  'AWS::ApiGatewayV2::Stage': 'stage',
  'AWS::ApiGatewayV2::Authorizer': 'authorizer',
  'AWS::RDS::DBSubnetGroup': 'subnetGroup',
  'AWS::ElastiCache::SubnetGroup': 'subnetGroup',
  'AWS::Neptune::DBSubnetGroup': 'subnetGroup',
  'AWS::RDS::DBInstance': 'instance',
  'AWS::Neptune::DBInstance': 'instance',
  'AWS::EKS::Nodegroup': 'nodegroup',
  'AWS::Events::Archive': 'archive',
  'AWS::Events::Rule': 'eventRule',
  'AWS::Cognito::UserPoolClient': 'userPoolClient',
  'AWS::CloudFront::OriginAccessControl': 'originAccessControl',
  'AWS::Timestream::Table': 'table',
  'AWS::EFS::MountTarget': 'mountTarget',
  'AWS::EFS::AccessPoint': 'accessPoint',
  'AWS::Route53::RecordSet': 'record',
  'AWS::Backup::BackupVault': 'vault',
  'AWS::Backup::BackupSelection': 'selection',
  'AWS::Config::DeliveryChannel': 'deliveryChannel',
  'AWS::Config::ConfigRule': 'configRule',
  'AWS::MSK::BatchScramSecret': 'scramSecrets',
  // What the importer folds into a node as a whole resource of its own.
  'AWS::SQS::Queue': 'deadLetterQueue',
  'AWS::S3::Bucket': 'logBucket',
  'AWS::SecretsManager::Secret': 'secret',
  // The network a VPC owns (import's network.ts roles).
  'AWS::EC2::VPC': 'vpc',
  'AWS::EC2::Subnet': 'subnet',
  'AWS::EC2::RouteTable': 'routeTable',
  'AWS::EC2::Route': 'route',
  'AWS::EC2::SubnetRouteTableAssociation': 'routeTableAssociation',
  'AWS::EC2::InternetGateway': 'internetGateway',
  'AWS::EC2::VPCGatewayAttachment': 'gatewayAttachment',
  'AWS::EC2::NatGateway': 'natGateway',
  'AWS::EC2::EIP': 'natAddress',
  'AWS::EC2::FlowLog': 'flowLog',
};

/** The kept part ids of a key's role, in order: 'x' or 'x:0' first, then 'x:1', ... */
function partsByRole(parts: readonly KeptPart[]): Map<string, Map<string, KeptPart[]>> {
  const out = new Map<string, Map<string, KeptPart[]>>();
  for (const part of parts) {
    const m = /^([A-Za-z]+)(?::(\d+))?$/.exec(part.key);
    if (!m || m[1] === 'self') continue;
    const byRole = out.get(part.ownerId) ?? new Map<string, KeptPart[]>();
    out.set(part.ownerId, byRole);
    const list = byRole.get(m[1]!) ?? [];
    list.push(part);
    byRole.set(m[1]!, list);
  }
  const index = (key: string) => Number(key.split(':')[1] ?? 0);
  for (const byRole of out.values())
    for (const list of byRole.values()) list.sort((a, b) => index(a.key) - index(b.key));
  return out;
}

/**
 * Old logical id -> kept logical id, for the emitted resources (in emission order) that are
 * parts of a node or VPC with kept ids. Resources already named with a kept id are left alone.
 */
export function keptPartRenames(
  graph: Pick<ResolvedGraph, 'components' | 'roles' | 'securityGroups' | 'vpcs' | 'keptParts'>,
  resources: readonly EmittedResource[],
): Map<string, string> {
  const renames = new Map<string, string>();
  const parts = graph.keptParts ?? [];
  if (parts.length === 0) return renames;
  // What each owner id belongs to: a node (through derived components, roles, groups) or a VPC.
  const componentNode = new Map(graph.components.map((c) => [c.id, c.nodeId ?? c.id]));
  const ownerOf = new Map<string, string>(componentNode);
  for (const role of graph.roles)
    ownerOf.set(role.id, componentNode.get(role.componentId) ?? role.componentId);
  for (const sg of graph.securityGroups)
    ownerOf.set(sg.id, componentNode.get(sg.componentId) ?? sg.componentId);
  for (const vpc of graph.vpcs) ownerOf.set(vpc.id, networkOwner(vpc.id));
  // Primary resources are named by the lowering (self); never a part.
  const primaryOf = new Map(
    graph.components.filter((c) => c.nodeId === c.id).map((c) => [c.names.logicalId, c.id]),
  );
  const primary = new Set(primaryOf.keys());
  primary.add('');
  const taken = new Set(resources.map((r) => r.logicalId.toLowerCase()));

  const byOwnerRole = partsByRole(parts);
  // Ids kept already: this pass's own, and those the lowering named resources with (ResolvedNames.kept).
  const kept = new Set(parts.map((p) => p.logicalId.toLowerCase()));
  for (const { names } of [...graph.components, ...graph.roles, ...graph.securityGroups, ...graph.vpcs])
    if (names.kept) kept.add(names.logicalId.toLowerCase());
  const namedBy = new Map<string, string[]>();
  for (const r of resources)
    for (const target of r.refs ?? []) namedBy.set(target, [...(namedBy.get(target) ?? []), r.logicalId]);
  const networkOwners = new Set(graph.vpcs.map((v) => networkOwner(v.id)));
  const position = new Map<string, number>();
  for (const resource of resources) {
    const role = PART_ROLE_OF_TYPE[resource.type];
    const owner = ownerOf.get(resource.owner);
    if (!role || !owner || !networkOwners.has(owner)) continue;
    // A network's keys are positions in the network as built (the n-th subnet), not source order.
    const slot = `${owner}\0${role}`;
    const n = position.get(slot) ?? 0;
    position.set(slot, n + 1);
    const logicalId = byOwnerRole
      .get(owner)
      ?.get(role)
      ?.find((p) => p.key === (n === 0 ? role : `${role}:${n}`) || p.key === `${role}:${n}`)?.logicalId;
    if (!logicalId || kept.has(resource.logicalId.toLowerCase()) || taken.has(logicalId.toLowerCase()))
      continue;
    renames.set(resource.logicalId, logicalId);
    taken.add(logicalId.toLowerCase());
  }
  for (const resource of resources) {
    if (networkOwners.has(ownerOf.get(resource.owner) ?? '')) continue;
    if (primary.has(resource.logicalId) || kept.has(resource.logicalId.toLowerCase())) continue;
    const role = PART_ROLE_OF_TYPE[resource.type];
    if (!role) continue;
    // Its owner's parts first, then those of the nodes it names, then of those naming it (an
    // ECS service naming the target group its ALB's emitter made).
    const owners = [
      ownerOf.get(resource.owner),
      ...(resource.refs ?? []).map((id) => primaryOf.get(id)),
      ...(namedBy.get(resource.logicalId) ?? []).map((id) => primaryOf.get(id)),
    ].filter((o): o is string => o !== undefined);
    for (const owner of new Set(owners)) {
      // Of the role's parts not given yet (nor already in the template, honoured by name or
      // clashing) and of this resource's type: the one naming most of what the resource names
      // (an ingress rule's peer group, a subscription's endpoint), else the first in order.
      const refs = new Set(resource.refs ?? []);
      let best: KeptPart | undefined;
      let bestScore = -1;
      for (const part of byOwnerRole.get(owner)?.get(role) ?? []) {
        if (taken.has(part.logicalId.toLowerCase()) || (part.type && part.type !== resource.type)) continue;
        const score = (part.refs ?? []).filter((id) => refs.has(id)).length;
        if (score > bestScore) [best, bestScore] = [part, score];
      }
      if (!best) continue;
      renames.set(resource.logicalId, best.logicalId);
      taken.add(best.logicalId.toLowerCase());
      break;
    }
  }
  return renames;
}
