/** Imported designs going back out in CDK: kept resources as L1 CfnResource, kept logical ids pinned, layout metadata. */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCdk } from './index.ts';

function files(withKeptIds = true) {
  return generateCdk(
    lowerDesign(
      design('Imported')
        .node('sqs', {
          id: 'orders',
          name: 'Orders',
          position: { x: 5, y: 6 },
          ...(withKeptIds ? { logicalIds: { self: 'OrdersQueue' } } : {}),
        })
        .node('other-resource', {
          id: 'param',
          name: 'Param',
          ...(withKeptIds ? { logicalIds: { self: 'QueueArnParam' } } : {}),
          properties: {
            cloudFormationType: 'AWS::SSM::Parameter',
            cloudFormationProperties: { Type: 'String', Value: { 'Fn::GetAtt': ['OrdersQueue', 'Arn'] } },
            dependsOn: ['OrdersQueue'],
          },
        })
        .node('other-resource', {
          id: 'tfonly',
          name: 'Terraform only',
          properties: { terraformType: 'aws_ssm_parameter' },
        })
        .build(),
    ),
  );
}

const stackOf = (f: Record<string, string>) => f[Object.keys(f).find((p) => p.endsWith('-stack.ts'))!]!;

describe('CDK for imported designs', () => {
  it('makes a kept resource a CfnResource with its type and properties as written, pinned to its logical id', () => {
    const stack = stackOf(files());
    expect(stack).toContain(
      [
        "    const queueArnParam = new CfnResource(this, 'QueueArnParam', {",
        "      type: 'AWS::SSM::Parameter',",
        '      properties: {',
        "        Type: 'String',",
        '        Value: {',
        "          'Fn::GetAtt': ['OrdersQueue', 'Arn'],",
        '        },',
        '      },',
        '    });',
        "    queueArnParam.overrideLogicalId('QueueArnParam');",
        "    queueArnParam.addOverride('DependsOn', ['OrdersQueue']);",
      ].join('\n'),
    );
    // A Terraform-only kept resource makes no construct.
    expect(stack.match(/new CfnResource\(/g)).toHaveLength(1);
  });

  it('pins kept logical ids of modelled resources through lib/logical-ids.ts, only when there are some', () => {
    const kept = files();
    expect(stackOf(kept)).toContain("keepLogicalId(ordersQueue, 'OrdersQueue');");
    expect(stackOf(kept)).toContain("import { keepLogicalId } from './logical-ids';");
    expect(kept['lib/logical-ids.ts']).toContain('resource.overrideLogicalId(logicalId);');
    const plain = files(false);
    expect(plain['lib/logical-ids.ts']).toBeUndefined();
    expect(stackOf(plain)).not.toContain('keepLogicalId');
  });

  it("pins an imported VPC's own logical id (its subnets are ec2.Vpc's: CloudFormation output only)", () => {
    const stack = stackOf(
      generateCdk(
        lowerDesign(
          design('Imported network')
            .vpc({ id: 'net', name: 'Net', logicalIds: { vpc: 'SourceVpc', subnet: 'SourceSubnet' } })
            .node('lambda', { id: 'fn', name: 'Fn', placement: { vpcId: 'net', tier: 'private' } })
            .build(),
        ),
      ),
    );
    expect(stack).toMatch(/keepLogicalId\(\w+, 'SourceVpc'\);/);
    expect(stack).not.toContain('SourceSubnet');
  });

  it('puts the layout in the template metadata', () => {
    expect(stackOf(files())).toContain(
      "this.templateOptions.metadata = {\n      'Archgen::Layout': {\n        nodes: {\n          OrdersQueue: {\n            id: 'orders',\n            x: 5,\n            y: 6,\n          },\n        },\n        vpcs: {},\n        derived: {\n          AlarmTopic: 'graph.alarm-topic',\n        },\n      },\n    };",
    );
  });
});
