/**
 * EFS file systems (efs nodes) and the compute that mounts them. Decided once here for every
 * target: a mount target in each AZ of the file system's tier, the modes and lifecycle (the same
 * in every environment), automatic backups per environment (on in production unless the design
 * says otherwise), the access points; for each Fargate service or Lambda function connected with
 * read or read-write, the mount (which access point, where, read-only or not), NFS (TCP 2049)
 * from its security group to the file system's, and IAM authorization: ClientMount (+ ClientWrite,
 * + ClientRootAccess when the connection asks) on the file system, only through its mount targets
 * and the chosen access point.
 */
import { isProductionEnvironment, resolveConnectionProperties, type PropertyValue } from '@archgen/model';
import type { LowerContext } from './context.ts';
import { DECIDED_PROPS } from './decisions.ts';
import { drawnKeyOf } from './keys.ts';
import { sgDescription } from './network.ts';
import type {
  ResolvedComponent,
  ResolvedEfsAccessPoint,
  ResolvedFileSystem,
  SecurityGroupRule,
} from './types.ts';

/** The NFS port of every mount target. */
export const NFS_PORT = 2049;

const MOUNT_KINDS = new Set(['read', 'read-write']);
const MOUNTERS = new Set(['ecs-fargate', 'lambda']);

/** A connection's mounts need the compute in the file system's VPC: Lambda outside it cannot mount (EFS-03). */
function inSameVpc(client: ResolvedComponent, fileSystem: ResolvedComponent): boolean {
  return client.placement !== null && client.placement.vpcId === fileSystem.placement?.vpcId;
}

function accessPointsOf(value: PropertyValue | undefined): ResolvedEfsAccessPoint[] {
  if (!Array.isArray(value)) return [];
  const points: ResolvedEfsAccessPoint[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const whole = (v: PropertyValue | undefined, fallback: number) =>
      typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback;
    points.push({
      path: typeof item.path === 'string' && item.path.startsWith('/') ? item.path : '/data',
      uid: whole(item.uid, 1000),
      gid: whole(item.gid, 1000),
      permissions: typeof item.permissions === 'string' ? item.permissions : '750',
    });
  }
  return points;
}

/** Automatic backups per environment: 'default' means on in production, off elsewhere. */
export function backupEnabled(setting: PropertyValue | undefined, production: boolean): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return production;
}

function addRule(rules: SecurityGroupRule[], rule: SecurityGroupRule): void {
  const peer = JSON.stringify(rule.peer);
  if (!rules.some((r) => JSON.stringify(r.peer) === peer && r.port === rule.port)) rules.push(rule);
}

/** The file systems themselves. Run after the components exist. */
export function lowerFileSystems(ctx: LowerContext): void {
  const first = ctx.envs[0]!;
  const production = new Map(ctx.design.environments.map((e) => [e.name, isProductionEnvironment(e)]));
  for (const node of ctx.nodes) {
    if (node.type !== 'efs') continue;
    const component = ctx.component(node.id);
    if (!component?.placement) continue;
    const value = (key: string) => component.props[key]?.byEnv[first];
    const throughput = value('throughputMode');
    const transition = value('transitionToIa');
    const accessPoints = accessPointsOf(value('accessPoints'));
    // A drawn key (encrypt-with) encrypts it, whatever the switch says.
    const keyId = drawnKeyOf(ctx, node.id);
    const fileSystem: ResolvedFileSystem = {
      tier: component.placement.tier,
      performanceMode: value('performanceMode') === 'maxIO' ? 'maxIO' : 'generalPurpose',
      throughputMode: throughput === 'bursting' || throughput === 'provisioned' ? throughput : 'elastic',
      encrypted: value('encrypted') !== false || keyId !== undefined,
      ...(keyId ? { keyId } : {}),
      ...(typeof transition === 'string' && transition.startsWith('AFTER_')
        ? { transitionToIa: transition }
        : {}),
      // Lambda mounts only through an access point: a file system without one gets the usual one.
      accessPoints:
        accessPoints.length > 0
          ? accessPoints
          : [{ path: '/data', uid: 1000, gid: 1000, permissions: '750' }],
    };
    component.fileSystem = fileSystem;
    component.props[DECIDED_PROPS.backupStatus] = ctx.envValue(
      ctx.envs.map((env) =>
        backupEnabled(component.props.automaticBackups?.byEnv[env], production.get(env) === true)
          ? 'ENABLED'
          : 'DISABLED',
      ),
    );
  }
}

/**
 * Mounts, NFS rules and the IAM conditions of the mount grants. Run after the security groups and
 * the connection grants exist, before the roles' statements are finished.
 */
export function lowerFileSystemMounts(ctx: LowerContext): void {
  for (const connection of ctx.connections) {
    if (!MOUNT_KINDS.has(connection.kind)) continue;
    const client = ctx.component(connection.from);
    const target = ctx.component(connection.to);
    if (!client || !target?.fileSystem || !MOUNTERS.has(client.type)) continue;
    const props = resolveConnectionProperties(ctx.design, connection);
    const wanted = typeof props.accessPoint === 'string' ? props.accessPoint : '';
    const found = target.fileSystem.accessPoints.findIndex((ap) => ap.path === wanted);
    const accessPoint = found >= 0 ? found : 0;
    const rootAccess = props.rootAccess === true;

    // IAM: only through a mount target and the access point; root access only when asked.
    for (const grant of ctx.grants) {
      if (grant.connectionId !== connection.id || grant.targetId !== target.id) continue;
      for (const statement of grant.statements) {
        if (rootAccess)
          statement.actions = [...statement.actions, 'elasticfilesystem:ClientRootAccess'].sort();
        statement.conditions = [
          {
            operator: 'StringEquals',
            key: 'elasticfilesystem:AccessPointArn',
            value: { componentId: target.id, attribute: 'accessPointArn', part: accessPoint },
          },
          { operator: 'Bool', key: 'elasticfilesystem:AccessedViaMountTarget', value: 'true' },
        ];
      }
    }

    // A function outside the file system's VPC cannot mount it (EFS-03 says so): no mount, no rule.
    if (!inSameVpc(client, target)) continue;
    const mounts = (client.fileSystemMounts ??= []);
    // Lambda takes one file system; a second connection is ignored (EFS-03).
    if (client.type === 'lambda' && mounts.length > 0) continue;
    const mountPath =
      typeof props.mountPath === 'string' && props.mountPath !== '' ? props.mountPath : '/mnt/data';
    if (mounts.some((m) => m.mountPath === mountPath)) continue;
    mounts.push({
      fileSystemId: target.id,
      accessPoint,
      mountPath,
      readOnly: connection.kind === 'read',
      volumeName: `${target.names.slug || 'efs'}-${mounts.length + 1}`.slice(0, 255),
      connectionId: connection.id,
    });

    const sg = ctx.securityGroupOf(target.id);
    const clientSg = ctx.securityGroupOf(client.id);
    if (!sg || !clientSg) continue;
    const label = connection.label ? sgDescription(connection.label) : '';
    addRule(sg.ingress, {
      peer: { componentId: client.id },
      port: NFS_PORT,
      protocol: 'tcp',
      description: label || sgDescription(`NFS from ${client.names.display}`),
      connectionId: connection.id,
    });
    addRule(clientSg.egress, {
      peer: { componentId: target.id },
      port: NFS_PORT,
      protocol: 'tcp',
      description: label || sgDescription(`NFS to ${target.names.display}`),
      connectionId: connection.id,
    });
  }
}
