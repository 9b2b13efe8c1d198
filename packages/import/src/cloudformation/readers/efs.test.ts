import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';

const ref = (id: string) => ({ Ref: id });
const run = (resources: Record<string, unknown>) =>
  importCloudFormation([{ path: 'template.json', text: JSON.stringify({ Resources: resources }) }]);

/** Two isolated subnets, a file system with a mount target in each, and a Fargate service mounting it. */
const template = {
  Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
  Subnet1: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.1.0/24' } },
  Subnet2: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.2.0/24' } },
  FilesSg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'nfs', VpcId: ref('Vpc') } },
  Files: {
    Type: 'AWS::EFS::FileSystem',
    Properties: {
      Encrypted: true,
      ThroughputMode: 'provisioned',
      ProvisionedThroughputInMibps: 128,
      LifecyclePolicies: [{ TransitionToIA: 'AFTER_7_DAYS' }],
      BackupPolicy: { Status: 'ENABLED' },
    },
  },
  ...Object.fromEntries(
    [1, 2].map((n) => [
      `FilesMount${n}`,
      {
        Type: 'AWS::EFS::MountTarget',
        Properties: {
          FileSystemId: ref('Files'),
          SubnetId: ref(`Subnet${n}`),
          SecurityGroups: [{ 'Fn::GetAtt': ['FilesSg', 'GroupId'] }],
        },
      },
    ]),
  ),
  FilesShared: {
    Type: 'AWS::EFS::AccessPoint',
    Properties: {
      FileSystemId: ref('Files'),
      PosixUser: { Uid: '1001', Gid: '1002' },
      RootDirectory: {
        Path: '/shared',
        CreationInfo: { OwnerUid: '1001', OwnerGid: '1002', Permissions: '755' },
      },
    },
  },
  Task: {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      RequiresCompatibilities: ['FARGATE'],
      ContainerDefinitions: [
        {
          Name: 'app',
          Image: 'nginx',
          MountPoints: [{ SourceVolume: 'shared', ContainerPath: '/mnt/shared', ReadOnly: true }],
        },
      ],
      Volumes: [{ Name: 'shared', EFSVolumeConfiguration: { FilesystemId: ref('Files') } }],
    },
  },
  Service: {
    Type: 'AWS::ECS::Service',
    Properties: {
      LaunchType: 'FARGATE',
      TaskDefinition: ref('Task'),
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [ref('Subnet1'), ref('Subnet2')] } },
    },
  },
};

describe('efs reader', () => {
  const r = run(template);
  const files = () => r.design.nodes.find((n) => n.id === 'Files')!;

  it('reads modes, encryption, IA transition, backups and access points', () => {
    expect(files()).toMatchObject({
      type: 'efs',
      properties: {
        performanceMode: 'generalPurpose',
        throughputMode: 'provisioned',
        provisionedThroughputMibps: 128,
        encrypted: true,
        transitionToIa: 'AFTER_7_DAYS',
        automaticBackups: 'on',
        accessPoints: [{ path: '/shared', uid: 1001, gid: 1002, permissions: '755' }],
      },
    });
  });

  it('holds its mount targets, access point and security group, in the tier of its mount targets', () => {
    expect(files().logicalIds).toEqual({
      self: 'Files',
      securityGroup: 'FilesSg',
      'mountTarget:0': 'FilesMount1',
      'mountTarget:1': 'FilesMount2',
      'accessPoint:0': 'FilesShared',
    });
    expect(files().placement).toMatchObject({ tier: 'isolated' });
  });

  it("draws the service's read-only mount with its path", () => {
    expect(r.design.connections).toMatchObject([
      { from: 'Service', to: 'Files', kind: 'read', properties: { mountPath: '/mnt/shared' } },
    ]);
  });
});
