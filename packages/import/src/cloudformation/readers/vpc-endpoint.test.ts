import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';
import { endpointService } from './vpc-endpoint.ts';

const ref = (id: string) => ({ Ref: id });
/** A VPC with two private subnets (tagged Tier=private, no NAT: archgen's endpoint-only private tier). */
const network = {
  Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
  ...Object.fromEntries(
    [1, 2].flatMap((n) => [
      [
        `Private${n}`,
        {
          Type: 'AWS::EC2::Subnet',
          Properties: {
            VpcId: ref('Vpc'),
            CidrBlock: `10.0.${n}.0/24`,
            AvailabilityZone: { 'Fn::Select': [n - 1, { 'Fn::GetAZs': '' }] },
            Tags: [{ Key: 'Tier', Value: 'private' }],
          },
        },
      ],
      [`Private${n}Table`, { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('Vpc') } }],
      [
        `Private${n}Assoc`,
        {
          Type: 'AWS::EC2::SubnetRouteTableAssociation',
          Properties: { SubnetId: ref(`Private${n}`), RouteTableId: ref(`Private${n}Table`) },
        },
      ],
    ]),
  ),
};
const run = (resources: Record<string, unknown>) =>
  importCloudFormation([
    { path: 'template.json', text: JSON.stringify({ Resources: { ...network, ...resources } }) },
  ]);

describe('vpc-endpoint reader', () => {
  it('reads the service from com.amazonaws.<region>.<service>; not a partner service', () => {
    const ctx = { value: (v: unknown) => v };
    expect(endpointService(ctx, 'com.amazonaws.eu-west-1.ecr.api')).toBe('ecr.api');
    expect(endpointService(ctx, 'com.amazonaws.vpce.us-east-1.vpce-svc-0123')).toBeUndefined();
  });

  it('places a gateway endpoint in the tier of the route tables it is on', () => {
    const r = run({
      S3: {
        Type: 'AWS::EC2::VPCEndpoint',
        Properties: {
          VpcId: ref('Vpc'),
          ServiceName: { 'Fn::Sub': 'com.amazonaws.${AWS::Region}.s3' },
          RouteTableIds: [ref('Private1Table'), ref('Private2Table')],
        },
      },
    });
    expect(r.design.vpcs.map((v) => v.tiers)).toEqual([['private']]);
    expect(r.design.nodes.find((n) => n.id === 'S3')).toMatchObject({
      type: 'vpc-endpoint',
      properties: { endpointType: 'gateway', service: 's3' },
      placement: { tier: 'private' },
    });
  });

  it('reads an interface endpoint with its security group as a part', () => {
    const r = run({
      LogsSg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: ref('Vpc') } },
      Logs: {
        Type: 'AWS::EC2::VPCEndpoint',
        Properties: {
          VpcId: ref('Vpc'),
          VpcEndpointType: 'Interface',
          ServiceName: { 'Fn::Sub': 'com.amazonaws.${AWS::Region}.logs' },
          SubnetIds: [ref('Private1'), ref('Private2')],
          SecurityGroupIds: [{ 'Fn::GetAtt': ['LogsSg', 'GroupId'] }],
        },
      },
    });
    expect(r.design.nodes.find((n) => n.id === 'Logs')).toMatchObject({
      properties: { endpointType: 'interface', service: 'logs', privateDns: false },
      placement: { tier: 'private' },
      logicalIds: { self: 'Logs', securityGroup: 'LogsSg' },
    });
  });

  it('keeps an endpoint whose policy limits access, and one to a partner service', () => {
    const r = run({
      Limited: {
        Type: 'AWS::EC2::VPCEndpoint',
        Properties: {
          VpcId: ref('Vpc'),
          ServiceName: 'com.amazonaws.us-east-1.s3',
          RouteTableIds: [ref('Private1Table')],
          PolicyDocument: {
            Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
          },
        },
      },
      Partner: {
        Type: 'AWS::EC2::VPCEndpoint',
        Properties: {
          VpcId: ref('Vpc'),
          VpcEndpointType: 'Interface',
          ServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123',
          SubnetIds: [ref('Private1')],
        },
      },
    });
    for (const id of ['Limited', 'Partner'])
      expect(r.report.resources.find((e) => e.sourceId === id)!.outcome, id).toMatchObject({ kind: 'kept' });
  });
});
