import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

describe('EFS file systems', () => {
  const graph = lowerDesign(
    design('Files')
      .environments('dev', 'prod')
      .vpc({ id: 'main', azCount: 3 })
      .node('efs', {
        id: 'files',
        name: 'Shared',
        tier: 'isolated',
        properties: {
          accessPoints: [
            { path: '/data', uid: 1000, gid: 1000, permissions: '750' },
            { path: '/uploads', uid: 2000, gid: 2000, permissions: '0755' },
          ],
        },
      })
      .node('ecs-fargate', { id: 'api', name: 'Api', tier: 'private' })
      .node('lambda', { id: 'fn', name: 'Thumbs', tier: 'private' })
      .node('lambda', { id: 'outside', name: 'Outside' })
      .connect('api', 'files', 'read-write')
      .connect('fn', 'files', 'read', { properties: { accessPoint: '/uploads', mountPath: '/mnt/uploads' } })
      .connect('outside', 'files', 'read-write')
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;
  const group = (id: string) => graph.securityGroups.find((g) => g.id === component(id).securityGroupId)!;
  const statements = (roleId: string) =>
    graph.roles
      .find((r) => r.id === roleId)!
      .statements.filter((s) => s.actions.some((a) => a.startsWith('elasticfilesystem:')));

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('decides modes, lifecycle, access points, and backups on in production only', () => {
    expect(component('files').fileSystem).toMatchObject({
      tier: 'isolated',
      performanceMode: 'generalPurpose',
      throughputMode: 'elastic',
      encrypted: true,
      transitionToIa: 'AFTER_30_DAYS',
    });
    expect(component('files').fileSystem!.accessPoints.map((a) => a.path)).toEqual(['/data', '/uploads']);
    expect(component('files').props.backupStatus!.byEnv).toEqual({ dev: 'DISABLED', prod: 'ENABLED' });
    expect(component('files').protection!.onDelete.byEnv).toEqual({ dev: 'delete', prod: 'retain' });
  });

  it('admits NFS from the mounting compute in the VPC only', () => {
    expect(
      group('files').ingress.map((r) => ['componentId' in r.peer ? r.peer.componentId : 'cidr', r.port]),
    ).toEqual([
      ['api', 2049],
      ['fn', 2049],
    ]);
    expect(group('api').egress).toContainEqual(
      expect.objectContaining({ peer: { componentId: 'files' }, port: 2049 }),
    );
  });

  it('mounts through the chosen access point, read-only for read', () => {
    expect(component('api').fileSystemMounts).toEqual([
      expect.objectContaining({
        fileSystemId: 'files',
        accessPoint: 0,
        mountPath: '/mnt/data',
        readOnly: false,
      }),
    ]);
    expect(component('fn').fileSystemMounts).toEqual([
      expect.objectContaining({
        fileSystemId: 'files',
        accessPoint: 1,
        mountPath: '/mnt/uploads',
        readOnly: true,
      }),
    ]);
    // Outside the VPC a function cannot mount (EFS-03).
    expect(component('outside').fileSystemMounts).toBeUndefined();
  });

  it('grants ClientMount (and ClientWrite to write) through the mount target and the access point', () => {
    expect(statements('fn.role')).toEqual([
      expect.objectContaining({
        actions: ['elasticfilesystem:ClientMount'],
        resources: [{ componentId: 'files', attribute: 'arn' }],
        conditions: [
          {
            operator: 'StringEquals',
            key: 'elasticfilesystem:AccessPointArn',
            value: { componentId: 'files', attribute: 'accessPointArn', part: 1 },
          },
          { operator: 'Bool', key: 'elasticfilesystem:AccessedViaMountTarget', value: 'true' },
        ],
      }),
    ]);
    expect(statements('api.task-role')[0]!.actions).toEqual([
      'elasticfilesystem:ClientMount',
      'elasticfilesystem:ClientWrite',
    ]);
  });

  it('adds root access only when the connection asks, and uses a drawn key', () => {
    const rooted = lowerDesign(
      design('Root')
        .vpc({ id: 'main' })
        .node('efs', { id: 'files', tier: 'private', properties: { automaticBackups: 'on' } })
        .node('kms-key', { id: 'key' })
        .node('ecs-fargate', { id: 'api', tier: 'private' })
        .connect('api', 'files', 'read-write', { properties: { rootAccess: true } })
        .connect('files', 'key', 'encrypt-with')
        .build(),
    );
    const role = rooted.roles.find((r) => r.id === 'api.task-role')!;
    expect(role.statements.flatMap((s) => s.actions)).toContain('elasticfilesystem:ClientRootAccess');
    // EFS decrypts for its clients: no key grant for mounting.
    expect(role.statements.flatMap((s) => s.actions).filter((a) => a.startsWith('kms:'))).toEqual([]);
    const files = rooted.components.find((c) => c.id === 'files')!;
    expect(files.fileSystem!.keyId).toBe('key');
    expect(new Set(Object.values(files.props.backupStatus!.byEnv))).toEqual(new Set(['ENABLED']));
  });
});
