/**
 * lib/subnet-cidrs.ts of the generated app, written only when a VPC of the design gives explicit
 * subnet CIDRs. Static: the CIDRs themselves are in the stack, as this class's arguments.
 *
 * ec2.Vpc carves its subnets itself (`ec2.IpAddresses.cidr` with one `cidrMask` per group, in
 * group order). Its `ipAddresses` prop takes any `ec2.IIpAddresses`, and `allocateSubnetsCidr`
 * is asked for every subnet group's subnets, one per AZ, in subnetConfiguration order (see
 * aws-cdk-lib/aws-ec2/lib/ip-addresses.d.ts); this implementation answers with the planned CIDRs.
 */
export const SUBNET_CIDRS_MODULE = './subnet-cidrs';
export const SUBNET_CIDRS_CLASS = 'ExplicitSubnetCidrs';

export const SUBNET_CIDRS_HELPER = `import type * as ec2 from 'aws-cdk-lib/aws-ec2';

/**
 * The subnet CIDRs the design gives, for ec2.Vpc's \`ipAddresses\`: instead of carving every subnet
 * from the VPC CIDR with one mask per subnet group, ec2.Vpc gets exactly these, listed per subnet
 * group (Public, Private, Isolated) in the order of the VPC's availability zones.
 */
export class ${SUBNET_CIDRS_CLASS} implements ec2.IIpAddresses {
  constructor(
    private readonly vpcCidr: string,
    private readonly cidrsByGroup: Readonly<Record<string, readonly string[]>>,
  ) {}

  allocateVpcCidr(): ec2.VpcIpamOptions {
    return { cidrBlock: this.vpcCidr };
  }

  /** ec2.Vpc asks for each subnet group's subnets in turn, one per availability zone. */
  allocateSubnetsCidr(request: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    const nextIndex = new Map<string, number>();
    const allocatedSubnets = request.requestedSubnets.map(({ configuration, subnetConstructId }) => {
      const index = nextIndex.get(configuration.name) ?? 0;
      nextIndex.set(configuration.name, index + 1);
      const cidr = this.cidrsByGroup[configuration.name]?.[index];
      if (cidr === undefined) {
        throw new Error(\`No CIDR is given for \${subnetConstructId} (subnet group \${configuration.name}, AZ \${index + 1})\`);
      }
      return { cidr };
    });
    return { allocatedSubnets };
  }
}
`;
