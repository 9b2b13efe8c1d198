/**
 * IAM: one role per compute purpose, each trusted by one service principal (IAM-02), and
 * least-privilege grants derived from connections (IAM-01). A role's statements are the union
 * of its grants' statements and what the service itself needs (its log group, X-Ray).
 */
import type { Connection } from '@archgen/model';
import type { LowerContext } from './context.ts';
import {
  MANAGED_POLICIES,
  grantStatements,
  logDeliveryStatement,
  logWriteStatement,
  stateMachineXrayStatement,
  xrayStatement,
} from './iam-actions.ts';
import { toPascalCase } from './naming.ts';
import type { GrantAccess, PolicyStatement, ResolvedComponent, ResolvedRole } from './types.ts';

type RolePurpose = ResolvedRole['purpose'];

interface RoleSpec {
  key: string;
  suffix: string;
  purpose: RolePurpose;
  assumedBy: string;
  managedPolicies: string[];
}

function roleSpecs(component: ResolvedComponent): RoleSpec[] {
  switch (component.type) {
    case 'lambda':
      return [
        {
          key: 'role',
          suffix: 'Role',
          purpose: 'function',
          assumedBy: 'lambda.amazonaws.com',
          // ENI management for a VPC function has no narrower policy.
          managedPolicies: component.placement ? [MANAGED_POLICIES.lambdaVpcAccess] : [],
        },
      ];
    case 'ecs-fargate':
      return [
        {
          key: 'task-role',
          suffix: 'Task Role',
          purpose: 'task',
          assumedBy: 'ecs-tasks.amazonaws.com',
          managedPolicies: [],
        },
        {
          key: 'execution-role',
          suffix: 'Execution Role',
          purpose: 'task-execution',
          assumedBy: 'ecs-tasks.amazonaws.com',
          managedPolicies: [MANAGED_POLICIES.ecsTaskExecution],
        },
      ];
    case 'ec2-asg':
      return [
        {
          key: 'role',
          suffix: 'Instance Role',
          purpose: 'instance',
          assumedBy: 'ec2.amazonaws.com',
          managedPolicies: [],
        },
      ];
    case 'bastion':
      return [
        {
          key: 'role',
          suffix: 'Instance Role',
          purpose: 'instance',
          assumedBy: 'ec2.amazonaws.com',
          // What Session Manager needs from the instance: register, open channels, no more.
          managedPolicies: [MANAGED_POLICIES.ssmManagedInstanceCore],
        },
      ];
    case 'step-functions':
      return [
        {
          key: 'role',
          suffix: 'Role',
          purpose: 'state-machine',
          assumedBy: 'states.amazonaws.com',
          managedPolicies: [],
        },
      ];
    case 'eks':
      return [
        {
          key: 'cluster-role',
          suffix: 'Cluster Role',
          purpose: 'cluster',
          assumedBy: 'eks.amazonaws.com',
          managedPolicies: [MANAGED_POLICIES.eksCluster],
        },
        {
          key: 'node-role',
          suffix: 'Node Role',
          purpose: 'node-group',
          assumedBy: 'ec2.amazonaws.com',
          managedPolicies: [
            MANAGED_POLICIES.eksWorkerNode,
            MANAGED_POLICIES.eksCni,
            MANAGED_POLICIES.ecrReadOnly,
          ],
        },
      ];
    case 'firehose':
      return [
        {
          key: 'role',
          suffix: 'Role',
          purpose: 'service',
          assumedBy: 'firehose.amazonaws.com',
          managedPolicies: [],
        },
      ];
    case 'backup-plan':
      return [
        {
          key: 'role',
          suffix: 'Role',
          purpose: 'service',
          assumedBy: 'backup.amazonaws.com',
          // AWS Backup's own policies; backups.ts adds the S3 pair when the plan selects a bucket.
          managedPolicies: [MANAGED_POLICIES.backup, MANAGED_POLICIES.backupRestores],
        },
      ];
    // CloudTrail writes to CloudWatch Logs only through a role it assumes.
    case 'cloudtrail':
      return !Object.values(component.props.cloudWatchLogs?.byEnv ?? {}).some((on) => on !== false)
        ? []
        : [
            {
              key: 'logs-role',
              suffix: 'Logs Role',
              purpose: 'service',
              assumedBy: 'cloudtrail.amazonaws.com',
              managedPolicies: [],
            },
          ];
    case 'config-recorder':
      return [
        {
          key: 'role',
          suffix: 'Role',
          purpose: 'service',
          assumedBy: 'config.amazonaws.com',
          // What Config needs to read every resource type it records: AWS keeps it current.
          managedPolicies: [MANAGED_POLICIES.configRole],
        },
      ];
    default:
      return [];
  }
}

/** The role a component's grants attach to: the function, task, instance, state machine or node role. */
const GRANT_ROLE_KEY: Readonly<Record<string, string>> = {
  lambda: 'role',
  'ecs-fargate': 'task-role',
  'ec2-asg': 'role',
  'step-functions': 'role',
  eks: 'node-role',
  firehose: 'role',
  cloudtrail: 'logs-role',
  'config-recorder': 'role',
};

export function grantRoleId(component: ResolvedComponent): string | undefined {
  const key = GRANT_ROLE_KEY[component.type];
  return key ? `${component.id}.${key}` : undefined;
}

export function lowerRoles(ctx: LowerContext): void {
  for (const node of ctx.nodes) {
    const component = ctx.component(node.id);
    if (!component) continue;
    const specs = roleSpecs(component);
    // A kept 'role' id names the role grants attach to (the only role of most services).
    const grantRole =
      grantRoleId(component) ?? (specs.length === 1 ? `${node.id}.${specs[0]!.key}` : undefined);
    for (const spec of specs) {
      const id = `${node.id}.${spec.key}`;
      const role = ctx.addRole({
        id,
        componentId: node.id,
        names: ctx.derivedNames(
          component.names,
          spec.suffix,
          `${node.name} ${spec.suffix.toLowerCase()}`,
          id === grantRole ? { nodeId: node.id, key: 'role' } : undefined,
        ),
        assumedBy: spec.assumedBy,
        purpose: spec.purpose,
        managedPolicies: spec.managedPolicies,
        statements: [],
      });
      component.roleIds.push(role.id);
    }
  }
}

/** What a connection kind lets the source do to a target of `targetType`. */
export function accessFor(kind: Connection['kind'], targetType: string): GrantAccess | undefined {
  switch (kind) {
    case 'read':
      return targetType === 'secret' ? 'read-secret' : 'read';
    case 'write':
      return targetType === 'log-group' ? 'write-logs' : 'write';
    case 'read-write':
      return 'read-write';
    case 'publish':
      return 'publish';
    case 'event-source':
      return 'consume';
    case 'invoke':
      return targetType === 'step-functions' ? 'start-execution' : 'invoke';
    default:
      return undefined;
  }
}

/** Adds a grant (and its statements) from `grantee` to `target`, when the table has one. */
export function addGrant(
  ctx: LowerContext,
  grantee: ResolvedComponent,
  target: ResolvedComponent,
  access: GrantAccess,
  connectionId?: string,
): void {
  const roleId = grantRoleId(grantee);
  if (!roleId) return;
  const sidBase = toPascalCase(`${access} ${target.names.logicalId}`);
  const statements = grantStatements(target.type, access, target.id, sidBase);
  if (!statements) return;
  if (ctx.grants.some((g) => g.roleId === roleId && g.targetId === target.id && g.access === access)) return;
  ctx.grants.push({
    granteeId: grantee.id,
    roleId,
    targetId: target.id,
    access,
    ...(connectionId ? { connectionId } : {}),
    statements,
  });
}

/**
 * Reading a derived credentials secret, and where the secret has a key of its own (an MSK SCRAM
 * secret's), decrypting with that key: Secrets Manager decrypts with the caller's permissions.
 */
function addSecretRead(
  ctx: LowerContext,
  grantee: ResolvedComponent,
  secret: ResolvedComponent,
  connectionId: string,
): void {
  addGrant(ctx, grantee, secret, 'read-secret', connectionId);
  const key = secret.encryption?.keyId ? ctx.component(secret.encryption.keyId) : undefined;
  if (key) addGrant(ctx, grantee, key, 'decrypt', connectionId);
}

/** Connections whose source signs in with the target's credentials secret, when it has one. */
export function signsInWithSecret(kind: Connection['kind'], target: ResolvedComponent): boolean {
  // Compute reaching a database (or a Redis cache) reads its generated credentials or AUTH token.
  if (kind === 'traffic') return true;
  // Clients of a SASL/SCRAM cluster need its password to produce or consume.
  return target.type === 'msk-cluster' && (kind === 'read' || kind === 'write' || kind === 'read-write');
}

export function lowerConnectionGrants(ctx: LowerContext): void {
  for (const connection of ctx.connections) {
    const source = ctx.component(connection.from);
    const target = ctx.component(connection.to);
    if (!source || !target) continue;
    const access = accessFor(connection.kind, target.type);
    // Event sources are polled by Lambda with the function's role: the grant goes to the function.
    if (connection.kind === 'event-source') {
      if (target.type === 'lambda' && source.type !== 's3') {
        addGrant(ctx, target, source, 'consume', connection.id);
        // The poller of a SASL/SCRAM cluster signs in with the cluster's secret.
        const secret =
          source.type === 'msk-cluster' && source.secretId ? ctx.component(source.secretId) : undefined;
        if (secret) addSecretRead(ctx, target, secret, connection.id);
      }
      continue;
    }
    // A Firehose stream's delivery grants follow its resolved destination (firehose.ts).
    if (source.type === 'firehose') continue;
    // So do a trail's and a recorder's (audit.ts).
    if (source.type === 'cloudtrail' || source.type === 'config-recorder') continue;
    if (access) addGrant(ctx, source, target, access, connection.id);
    if (target.secretId && signsInWithSecret(connection.kind, target)) {
      const secret = ctx.component(target.secretId);
      if (secret) addSecretRead(ctx, source, secret, connection.id);
    }
  }
}

/** The role's own needs plus the union of its grants, with unique sids. */
export function finishRoleStatements(ctx: LowerContext): void {
  const grantsByRole = new Map<string, PolicyStatement[]>();
  for (const grant of ctx.grants)
    grantsByRole.set(grant.roleId, [...(grantsByRole.get(grant.roleId) ?? []), ...grant.statements]);
  for (const role of ctx.roles) {
    const component = ctx.component(role.componentId);
    const own: PolicyStatement[] = [];
    if (component && role.purpose === 'function') {
      if (component.logGroupId) own.push(logWriteStatement('WriteOwnLogs', component.logGroupId));
      if (ctx.anyEnv(component, 'tracing')) own.push(xrayStatement());
    }
    if (component && role.purpose === 'state-machine') {
      if (component.props.logLevel && Object.values(component.props.logLevel.byEnv).some((l) => l !== 'OFF'))
        own.push(logDeliveryStatement());
      if (ctx.anyEnv(component, 'tracing')) own.push(stateMachineXrayStatement());
    }
    role.statements = uniqueSids([...role.statements, ...own, ...(grantsByRole.get(role.id) ?? [])]);
  }
}

/** Renames repeated sids in place, so a grant's statements and its role's stay identical. */
function uniqueSids(statements: PolicyStatement[]): PolicyStatement[] {
  const seen = new Set<string>();
  for (const statement of statements) {
    const base = statement.sid;
    for (let n = 2; seen.has(statement.sid); n++) statement.sid = `${base}${n}`;
    seen.add(statement.sid);
  }
  return statements;
}
