/**
 * IPv4 CIDR arithmetic and the subnet plan of a VPC.
 *
 * Subnets are carved compactly in a fixed order: every AZ of the public tier, then private, then
 * isolated, each of `subnetPrefix`. This is the same order and alignment as CDK's `ec2.Vpc` with
 * subnetConfiguration listed public, private, isolated, so the three generators describe the same
 * subnets. Addresses are kept as unsigned numbers (not bitwise ints, which are signed 32-bit).
 */
import { SUBNET_TIERS, type SubnetTier, type Vpc } from './schema.ts';

export interface Cidr {
  /** The address as written, e.g. 10.0.0.1 in "10.0.0.1/16". */
  address: number;
  /** The address with host bits cleared, e.g. 10.0.0.0. */
  network: number;
  prefix: number;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;

/** Parses "a.b.c.d/n"; null for anything else (octets > 255, leading zeros, prefix > 32). */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const octets = text.slice(0, slash).split('.');
  const prefixText = text.slice(slash + 1);
  if (octets.length !== 4 || !/^(0|[1-9]\d?)$/.test(prefixText)) return null;
  let address = 0;
  for (const octet of octets) {
    if (!OCTET.test(octet)) return null;
    const value = Number(octet);
    if (value > 255) return null;
    address = address * 256 + value;
  }
  const prefix = Number(prefixText);
  if (prefix > 32) return null;
  const size = blockSize(prefix);
  return { address, network: Math.floor(address / size) * size, prefix };
}

function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

export function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

export function formatCidr(network: number, prefix: number): string {
  return `${formatAddress(network)}/${prefix}`;
}

/** Addresses in a block: a prefix length, or a CIDR string (0 when it does not parse). */
export function addressCount(cidrOrPrefix: string | number): number {
  if (typeof cidrOrPrefix === 'number') return blockSize(cidrOrPrefix);
  const cidr = parseCidr(cidrOrPrefix);
  return cidr ? blockSize(cidr.prefix) : 0;
}

/** AWS reserves the first four and the last address of every subnet. */
export const AWS_RESERVED_ADDRESSES_PER_SUBNET = 5;

export function usableSubnetAddresses(prefix: number): number {
  return Math.max(0, blockSize(prefix) - AWS_RESERVED_ADDRESSES_PER_SUBNET);
}

function range(cidr: Cidr): [first: number, last: number] {
  return [cidr.network, cidr.network + blockSize(cidr.prefix) - 1];
}

/** True when every address of `inner` is in `outer`; false if either does not parse. */
export function cidrContains(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  if (!a || !b) return false;
  const [aFirst, aLast] = range(a);
  const [bFirst, bLast] = range(b);
  return aFirst <= bFirst && bLast <= aLast;
}

/** True when the blocks share an address; false if either does not parse. */
export function cidrsOverlap(x: string, y: string): boolean {
  const a = parseCidr(x);
  const b = parseCidr(y);
  if (!a || !b) return false;
  const [aFirst, aLast] = range(a);
  const [bFirst, bLast] = range(b);
  return aFirst <= bLast && bFirst <= aLast;
}

export interface PlannedSubnet {
  tier: SubnetTier;
  azIndex: number;
  cidr: string;
}

export type VpcNetwork = Pick<Vpc, 'cidr' | 'azCount' | 'tiers' | 'subnetPrefix'>;

/** The VPC's tiers in plan order (public, private, isolated), each once. */
export function orderedTiers(vpc: Pick<Vpc, 'tiers'>): SubnetTier[] {
  return SUBNET_TIERS.filter((tier) => vpc.tiers.includes(tier));
}

/**
 * One subnet per tier and AZ, carved from the start of the VPC CIDR. Subnets that would not fit
 * are left out (and reported by `cidrIssues`); an unparsable CIDR or a subnet prefix shorter than
 * the VPC's gives an empty plan.
 */
export function planSubnets(vpc: VpcNetwork): PlannedSubnet[] {
  const parent = parseCidr(vpc.cidr);
  if (!parent || vpc.subnetPrefix < parent.prefix || vpc.subnetPrefix > 32) return [];
  const size = blockSize(vpc.subnetPrefix);
  const capacity = blockSize(parent.prefix) / size;
  const plan: PlannedSubnet[] = [];
  let slot = 0;
  for (const tier of orderedTiers(vpc)) {
    for (let azIndex = 0; azIndex < vpc.azCount; azIndex++, slot++) {
      if (slot >= capacity) return plan;
      plan.push({ tier, azIndex, cidr: formatCidr(parent.network + slot * size, vpc.subnetPrefix) });
    }
  }
  return plan;
}

export type CidrIssueCode =
  | 'invalid-cidr'
  | 'host-bits-set'
  | 'vpc-prefix-out-of-range'
  | 'subnet-prefix-out-of-range'
  | 'subnets-do-not-fit'
  | 'small-subnets'
  | 'public-range'
  | 'overlaps-vpc';

export interface CidrIssue {
  code: CidrIssueCode;
  message: string;
}

/** AWS accepts VPC and subnet blocks from /16 to /28. */
export const MIN_VPC_PREFIX = 16;
export const MAX_VPC_PREFIX = 28;
/** An ALB needs subnets of at least /27; smaller subnets also starve ENI-hungry compute. */
export const MAX_RECOMMENDED_SUBNET_PREFIX = 27;

/** RFC 1918 private ranges plus the shared address space AWS also accepts for VPCs. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

/**
 * Problems with a VPC's address plan (rule NET-07): unusable CIDR, prefixes AWS refuses, subnets
 * that do not fit, subnets too small, non-private ranges, and overlaps with `otherVpcs` (VPCs
 * whose ranges overlap cannot be peered or share a transit gateway).
 */
export function cidrIssues(
  vpc: VpcNetwork & { id?: string },
  otherVpcs: readonly Pick<Vpc, 'id' | 'cidr'>[] = [],
): CidrIssue[] {
  const parent = parseCidr(vpc.cidr);
  if (!parent) {
    return [{ code: 'invalid-cidr', message: `"${vpc.cidr}" is not an IPv4 CIDR like 10.0.0.0/16` }];
  }
  const issues: CidrIssue[] = [];
  if (parent.address !== parent.network) {
    issues.push({
      code: 'host-bits-set',
      message: `${vpc.cidr} has host bits set; the network address is ${formatCidr(parent.network, parent.prefix)}`,
    });
  }
  if (parent.prefix < MIN_VPC_PREFIX || parent.prefix > MAX_VPC_PREFIX) {
    issues.push({
      code: 'vpc-prefix-out-of-range',
      message: `a VPC CIDR must be between /${MIN_VPC_PREFIX} and /${MAX_VPC_PREFIX}, not /${parent.prefix}`,
    });
  }
  if (vpc.subnetPrefix < MIN_VPC_PREFIX || vpc.subnetPrefix > MAX_VPC_PREFIX) {
    issues.push({
      code: 'subnet-prefix-out-of-range',
      message: `a subnet must be between /${MIN_VPC_PREFIX} and /${MAX_VPC_PREFIX}, not /${vpc.subnetPrefix}`,
    });
  } else if (vpc.subnetPrefix < parent.prefix) {
    issues.push({
      code: 'subnet-prefix-out-of-range',
      message: `subnets of /${vpc.subnetPrefix} are larger than the VPC's /${parent.prefix}`,
    });
  } else {
    const needed = orderedTiers(vpc).length * vpc.azCount;
    const capacity = blockSize(parent.prefix) / blockSize(vpc.subnetPrefix);
    if (needed > capacity) {
      issues.push({
        code: 'subnets-do-not-fit',
        message:
          `${needed} subnets of /${vpc.subnetPrefix} (${orderedTiers(vpc).length} tiers x ${vpc.azCount} AZs) ` +
          `need ${needed * blockSize(vpc.subnetPrefix)} addresses; ${vpc.cidr} has room for ${capacity}`,
      });
    }
    if (vpc.subnetPrefix > MAX_RECOMMENDED_SUBNET_PREFIX) {
      issues.push({
        code: 'small-subnets',
        message:
          `each /${vpc.subnetPrefix} subnet has only ${usableSubnetAddresses(vpc.subnetPrefix)} usable addresses ` +
          `(AWS reserves ${AWS_RESERVED_ADDRESSES_PER_SUBNET}); load balancers need at least /${MAX_RECOMMENDED_SUBNET_PREFIX}`,
      });
    }
  }
  if (!PRIVATE_RANGES.some((privateRange) => cidrContains(privateRange, vpc.cidr))) {
    issues.push({
      code: 'public-range',
      message: `${vpc.cidr} is not in a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)`,
    });
  }
  for (const other of otherVpcs) {
    if (other.id !== vpc.id && cidrsOverlap(vpc.cidr, other.cidr)) {
      issues.push({
        code: 'overlaps-vpc',
        message: `${vpc.cidr} overlaps VPC "${other.id}" (${other.cidr}); overlapping VPCs cannot be peered`,
      });
    }
  }
  return issues;
}

/**
 * AZ letters where the region's usual a/b/c is wrong for new accounts. AZ names map to physical
 * zones per account, so these are defaults; generators expose the list as a variable/parameter.
 */
const AZ_LETTER_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  'us-west-1': ['a', 'c'],
  'ap-northeast-1': ['a', 'c', 'd'],
  'ca-central-1': ['a', 'b', 'd'],
};
const DEFAULT_AZ_LETTERS = ['a', 'b', 'c'];

/**
 * Default AZ names for a region, e.g. us-east-1a, us-east-1b. Returns fewer than `count` names
 * when the region has fewer zones (us-west-1 has two).
 */
export function availabilityZones(region: string, count: number): string[] {
  const letters = Object.hasOwn(AZ_LETTER_EXCEPTIONS, region)
    ? AZ_LETTER_EXCEPTIONS[region]!
    : DEFAULT_AZ_LETTERS;
  return letters.slice(0, Math.max(0, count)).map((letter) => region + letter);
}
