/** Explicit subnet CIDRs (issue 12 item 6): every AWS::EC2::Subnet gets the CIDR the lowering planned. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCloudFormation } from './generate.ts';

describe('explicit subnet CIDRs in CloudFormation', () => {
  it('are the CidrBlock of each subnet, automatic tiers carved around them', () => {
    const files = generateCloudFormation(
      lowerDesign(
        design('Net')
          .vpc({
            subnetCidrs: {
              public: ['10.0.1.0/24', '10.0.2.0/24'],
              isolated: ['10.0.100.0/24', '10.0.200.0/24'],
            },
          })
          .build(),
      ),
    );
    // Tags and intrinsic functions are not needed here: read the template as plain YAML.
    const template = parse(files['template.yaml']!.replace(/!(\w+)/g, ''), { logLevel: 'silent' }) as {
      Resources: Record<
        string,
        { Type: string; Properties: { CidrBlock?: string; Tags?: { Key: string; Value: string }[] } }
      >;
    };
    const subnets = Object.values(template.Resources)
      .filter((r) => r.Type === 'AWS::EC2::Subnet')
      .map((r) => `${r.Properties.Tags!.find((t) => t.Key === 'Tier')!.Value} ${r.Properties.CidrBlock}`);
    expect(subnets).toEqual([
      'public 10.0.1.0/24',
      'public 10.0.2.0/24',
      'private 10.0.0.0/24',
      'private 10.0.3.0/24',
      'isolated 10.0.100.0/24',
      'isolated 10.0.200.0/24',
    ]);
  });
});
