/**
 * Explicit subnet CIDRs (issue 12 item 6): ec2.Vpc carves its own subnets, so a VPC whose design
 * gives CIDRs hands them to ec2.Vpc through lib/subnet-cidrs.ts (an ec2.IIpAddresses), and a VPC
 * left automatic is generated as before.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCdk } from './index.ts';
import { SUBNET_CIDRS_HELPER } from './files/subnet-cidrs.ts';

/** Whitespace and trailing commas left out, as cdk.test.ts compares code. */
const squash = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/([({[]) /g, '$1')
    .replace(/ ([)}\]])/g, '$1')
    .replace(/,([)}\]])/g, '$1');

const REFERENCE = {
  public: ['10.0.1.0/24', '10.0.2.0/24'],
  private: ['10.0.10.0/24', '10.0.20.0/24'],
  isolated: ['10.0.100.0/24', '10.0.200.0/24'],
};

function generate(subnetCidrs?: typeof REFERENCE | Partial<typeof REFERENCE>) {
  const files = generateCdk(
    lowerDesign(
      design('Net')
        .vpc({ ...(subnetCidrs ? { subnetCidrs } : {}) })
        .node('alb', { id: 'web' })
        .build(),
    ),
  );
  return { files, stack: squash(files['lib/net-stack.ts'] ?? '') };
}

/** The helper module as the generated app has it, compiled and loaded (it imports only types). */
function loadHelper(): new (vpcCidr: string, cidrsByGroup: Record<string, string[]>) => ec2.IIpAddresses {
  const js = ts.transpileModule(SUBNET_CIDRS_HELPER, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const exports: Record<string, unknown> = {};
  new Function('exports', js)(exports);
  return exports.ExplicitSubnetCidrs as never;
}

describe('a VPC with explicit subnet CIDRs', () => {
  it('gives ec2.Vpc exactly the planned CIDRs, per subnet group in AZ order, and no mask', () => {
    const { files, stack } = generate(REFERENCE);
    expect(stack).toContain("import {ExplicitSubnetCidrs} from './subnet-cidrs';");
    expect(stack).toContain(
      "ipAddresses: new ExplicitSubnetCidrs('10.0.0.0/16', {Public: ['10.0.1.0/24', '10.0.2.0/24'], " +
        "Private: ['10.0.10.0/24', '10.0.20.0/24'], Isolated: ['10.0.100.0/24', '10.0.200.0/24']})",
    );
    expect(stack).not.toContain('cidrMask');
    expect(stack).not.toContain('IpAddresses.cidr');
    expect(files['lib/subnet-cidrs.ts']).toBe(SUBNET_CIDRS_HELPER);
    expect(files['README.md']).toContain('`lib/subnet-cidrs.ts`');
  });

  it('states the automatic tiers too, as carved around the explicit ones', () => {
    const { stack } = generate({ isolated: REFERENCE.isolated });
    expect(stack).toContain(
      "{Public: ['10.0.0.0/24', '10.0.1.0/24'], Private: ['10.0.2.0/24', '10.0.3.0/24'], " +
        "Isolated: ['10.0.100.0/24', '10.0.200.0/24']}",
    );
  });

  it('is generated as before when every tier is automatic', () => {
    const { files, stack } = generate();
    expect(stack).toContain("ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16')");
    expect(stack).toContain("{name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24}");
    expect(stack).not.toContain('ExplicitSubnetCidrs');
    expect(files['lib/subnet-cidrs.ts']).toBeUndefined();
    expect(files['README.md']).not.toContain('subnet-cidrs');
  });
});

describe('lib/subnet-cidrs.ts with the real aws-cdk-lib', () => {
  const ExplicitSubnetCidrs = loadHelper();
  const vpcWith = (cidrsByGroup: Record<string, string[]>) =>
    new ec2.Vpc(new Stack(new App(), 'S'), 'Vpc', {
      ipAddresses: new ExplicitSubnetCidrs('10.0.0.0/16', cidrsByGroup),
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      natGateways: 0,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });

  it('makes ec2.Vpc create each subnet with its CIDR in its AZ', () => {
    const vpc = vpcWith({
      Public: REFERENCE.public,
      Private: REFERENCE.private,
      Isolated: REFERENCE.isolated,
    });
    const subnets = vpc.node
      .findAll()
      .filter((c): c is ec2.Subnet => c instanceof ec2.Subnet)
      .map((s) => `${s.node.id} ${s.availabilityZone} ${s.ipv4CidrBlock}`);
    expect(subnets).toEqual([
      'PublicSubnet1 us-east-1a 10.0.1.0/24',
      'PublicSubnet2 us-east-1b 10.0.2.0/24',
      'PrivateSubnet1 us-east-1a 10.0.10.0/24',
      'PrivateSubnet2 us-east-1b 10.0.20.0/24',
      'IsolatedSubnet1 us-east-1a 10.0.100.0/24',
      'IsolatedSubnet2 us-east-1b 10.0.200.0/24',
    ]);
  });

  it('names the subnet it has no CIDR for', () => {
    expect(() => vpcWith({ Public: REFERENCE.public, Private: ['10.0.10.0/24'], Isolated: [] })).toThrow(
      'No CIDR is given for PrivateSubnet2 (subnet group Private, AZ 2)',
    );
  });
});
