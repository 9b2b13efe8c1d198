import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';

const template = (managedPolicies: string[]) => ({
  Resources: {
    HostRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        ManagedPolicyArns: managedPolicies,
      },
    },
    HostProfile: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [{ Ref: 'HostRole' }] } },
    Host: {
      Type: 'AWS::EC2::Instance',
      Properties: {
        ImageId: 'ami-12345678',
        InstanceType: 't4g.micro',
        IamInstanceProfile: { Ref: 'HostProfile' },
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 16, Encrypted: true } }],
      },
    },
  },
});
const run = (t: unknown) => importCloudFormation([{ path: 'template.json', text: JSON.stringify(t) }]);

describe('bastion reader', () => {
  it('reads a Session Manager host as a bastion, with its role and profile as parts', () => {
    const r = run(template(['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore']));
    const host = r.design.nodes.find((n) => n.id === 'Host');
    expect(host).toMatchObject({
      type: 'bastion',
      properties: { instanceType: 't4g.micro', volumeSizeGb: 16 },
    });
    const outcome = (id: string) => r.report.resources.find((e) => e.sourceId === id)?.outcome.kind;
    expect([outcome('HostRole'), outcome('HostProfile')]).toEqual(['part-of', 'part-of']);
  });

  it('keeps any other instance, saying why', () => {
    const r = run(template(['arn:aws:iam::aws:policy/ReadOnlyAccess']));
    expect(r.report.resources.find((e) => e.sourceId === 'Host')?.outcome).toMatchObject({
      kind: 'kept',
      reason: expect.stringContaining('Session Manager'),
    });
  });
});
