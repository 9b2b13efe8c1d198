/**
 * IPv4 CIDR arithmetic and the subnet plan of a VPC.
 *
 * A tier's subnets are either explicit (`vpc.subnetCidrs[tier]`, one CIDR per AZ, used as
 * written) or automatic. Automatic subnets are carved compactly in a fixed order: every AZ of the
 * public tier, then private, then isolated, each of `subnetPrefix`, skipping any block an explicit
 * subnet uses. Without explicit subnets this is the same order and alignment as CDK's `ec2.Vpc`
 * with subnetConfiguration listed public, private, isolated. Addresses are kept as unsigned
 * numbers (not bitwise ints, which are signed 32-bit).
 */
import { SUBNET_TIERS, type SubnetCidrs, type SubnetTier, type Vpc } from './schema.ts';

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
  /** Set when the design gives this CIDR (`vpc.subnetCidrs`); automatic subnets leave it out. */
  explicit?: true;
}

export type VpcNetwork = Pick<Vpc, 'cidr' | 'azCount' | 'tiers' | 'subnetPrefix'> &
  Partial<Pick<Vpc, 'subnetCidrs'>>;

/** The VPC's tiers in plan order (public, private, isolated), each once. */
export function orderedTiers(vpc: Pick<Vpc, 'tiers'>): SubnetTier[] {
  return SUBNET_TIERS.filter((tier) => vpc.tiers.includes(tier));
}

/** A tier's explicit CIDRs (indexed by AZ), or undefined when the tier is automatic or absent. */
export function explicitSubnetCidrs(
  vpc: Pick<Vpc, 'tiers'> & Partial<Pick<Vpc, 'subnetCidrs'>>,
  tier: SubnetTier,
): readonly string[] | undefined {
  if (!vpc.tiers.includes(tier)) return undefined;
  const list = vpc.subnetCidrs?.[tier];
  return list && list.length > 0 ? list : undefined;
}

/** True when any tier of the VPC gives its subnets' CIDRs (the plan is then not CDK's carving). */
export function hasExplicitSubnetCidrs(vpc: Pick<Vpc, 'tiers'> & Partial<Pick<Vpc, 'subnetCidrs'>>): boolean {
  return SUBNET_TIERS.some((tier) => explicitSubnetCidrs(vpc, tier) !== undefined);
}

/**
 * The VPC with `tier`'s subnets set to `cidrs` (one per AZ), or automatic when `cidrs` is null.
 * `subnetCidrs` is left out when no tier is explicit, so an automatic VPC is written as before.
 */
export function withSubnetCidrs<T extends Pick<Vpc, 'subnetCidrs'>>(
  vpc: T,
  tier: SubnetTier,
  cidrs: readonly string[] | null,
): T {
  const next: SubnetCidrs = {};
  for (const t of SUBNET_TIERS) {
    const list = t === tier ? cidrs : vpc.subnetCidrs?.[t];
    if (list && list.length > 0) next[t] = [...list];
  }
  const { subnetCidrs: _previous, ...rest } = vpc;
  return (Object.keys(next).length > 0 ? { ...rest, subnetCidrs: next } : rest) as T;
}

/** One subnet of the plan before carving: its explicit CIDR as written (and parsed), or automatic. */
interface SubnetSlot {
  tier: SubnetTier;
  azIndex: number;
  /** The explicit text, when the tier gives one for this AZ. */
  given?: string;
  /** `given` parsed; null when it does not parse (the subnet is then carved automatically). */
  parsed?: Cidr | null;
}

function subnetSlots(vpc: VpcNetwork): SubnetSlot[] {
  const slots: SubnetSlot[] = [];
  for (const tier of orderedTiers(vpc)) {
    const list = explicitSubnetCidrs(vpc, tier);
    for (let azIndex = 0; azIndex < vpc.azCount; azIndex++) {
      const given = list?.[azIndex];
      slots.push(
        given === undefined ? { tier, azIndex } : { tier, azIndex, given, parsed: parseCidr(given) },
      );
    }
  }
  return slots;
}

function isExplicit(slot: SubnetSlot): slot is SubnetSlot & { given: string; parsed: Cidr } {
  return slot.given !== undefined && slot.parsed != null;
}

/**
 * Hands out aligned blocks of `prefix` from the start of `parent`, in order, skipping every block
 * that overlaps `taken`; undefined once the parent is full (or the prefix cannot fit at all).
 */
function blockCarver(
  parent: Cidr,
  prefix: number,
  taken: readonly (readonly [number, number])[],
): () => string | undefined {
  if (prefix < parent.prefix || prefix > 32) return () => undefined;
  const size = blockSize(prefix);
  const capacity = blockSize(parent.prefix) / size;
  let slot = 0;
  return () => {
    while (slot < capacity) {
      const first = parent.network + slot * size;
      const last = first + size - 1;
      const hit = taken.find(([takenFirst, takenLast]) => takenFirst <= last && first <= takenLast);
      if (!hit) {
        slot++;
        return formatCidr(first, prefix);
      }
      // Jump past the block in the way rather than step through it one slot at a time.
      slot = Math.max(slot + 1, Math.ceil((hit[1] + 1 - parent.network) / size));
    }
    return undefined;
  };
}

/**
 * One subnet per tier and AZ: explicit ones as written, automatic ones carved from the start of
 * the VPC CIDR around them. Automatic subnets that would not fit are left out (and reported by
 * `cidrIssues`), as are all of them when the VPC CIDR does not parse or the subnet prefix is
 * shorter than the VPC's. An explicit CIDR that does not parse counts as not given.
 */
export function planSubnets(vpc: VpcNetwork): PlannedSubnet[] {
  const parent = parseCidr(vpc.cidr);
  if (!parent) return [];
  const slots = subnetSlots(vpc);
  const taken = slots.filter(isExplicit).map((slot) => range(slot.parsed));
  const carve = blockCarver(parent, vpc.subnetPrefix, taken);
  const plan: PlannedSubnet[] = [];
  for (const slot of slots) {
    const { tier, azIndex } = slot;
    if (isExplicit(slot)) {
      plan.push({ tier, azIndex, cidr: slot.given, explicit: true });
      continue;
    }
    const cidr = carve();
    if (cidr !== undefined) plan.push({ tier, azIndex, cidr });
  }
  return plan;
}

/**
 * The explicit CIDRs for a new AZ count: each explicit tier keeps its first `azCount` CIDRs and,
 * when it needs more, gets the first free block of its last subnet's size after that subnet
 * (else from the start of the VPC), clear of every explicit subnet; automatic subnets are carved
 * around it as always. Undefined when no tier is explicit; a tier with no free block keeps the
 * CIDRs it has (NET-07 then says one is missing).
 */
export function subnetCidrsForAzCount(vpc: VpcNetwork, azCount: number): SubnetCidrs | undefined {
  if (!vpc.subnetCidrs) return undefined;
  const next: SubnetCidrs = {};
  for (const tier of SUBNET_TIERS) {
    const list = vpc.subnetCidrs[tier];
    if (list && list.length > 0) next[tier] = list.slice(0, azCount);
  }
  const parent = parseCidr(vpc.cidr);
  const taken = () =>
    orderedTiers(vpc)
      .flatMap((tier) => next[tier] ?? [])
      .map(parseCidr)
      .filter((cidr): cidr is Cidr => cidr !== null)
      .map(range);
  for (const tier of orderedTiers(vpc)) {
    const list = next[tier];
    if (!parent || !list || list.length >= azCount) continue;
    const last = parseCidr(list[list.length - 1]!);
    if (!last) continue;
    while (list.length < azCount) {
      const block = blockAfter(parent, last, taken()) ?? blockCarver(parent, last.prefix, taken())();
      if (block === undefined) break;
      list.push(block);
    }
  }
  return Object.keys(next).length > 0 ? next : undefined;
}

/** The VPC with `azCount` AZs, its explicit tiers kept at one CIDR per AZ (subnetCidrsForAzCount). */
export function withAzCount<T extends VpcNetwork>(vpc: T, azCount: number): T {
  const subnetCidrs = subnetCidrsForAzCount(vpc, azCount);
  const { subnetCidrs: _previous, ...rest } = vpc;
  return (subnetCidrs ? { ...rest, azCount, subnetCidrs } : { ...rest, azCount }) as T;
}

/** The first free block of `after`'s size that starts after it inside `parent`. */
function blockAfter(
  parent: Cidr,
  after: Cidr,
  taken: readonly (readonly [number, number])[],
): string | undefined {
  const [afterFirst, afterLast] = range(after);
  const [parentFirst, parentLast] = range(parent);
  const start = afterLast + 1;
  if (after.prefix < parent.prefix || afterFirst < parentFirst || start > parentLast) return undefined;
  const size = blockSize(after.prefix);
  for (let first = start; first + size - 1 <= parentLast; first += size) {
    const last = first + size - 1;
    const hit = taken.find(([a, b]) => a <= last && first <= b);
    if (!hit) return formatCidr(first, after.prefix);
    // Continue at the first aligned block past the one in the way (the loop adds `size`).
    first = Math.ceil((hit[1] + 1) / size) * size - size;
  }
  return undefined;
}

export type CidrIssueCode =
  | 'invalid-cidr'
  | 'host-bits-set'
  | 'vpc-prefix-out-of-range'
  | 'subnet-prefix-out-of-range'
  | 'subnets-do-not-fit'
  | 'small-subnets'
  | 'public-range'
  | 'overlaps-vpc'
  | 'subnet-cidr-count'
  | 'subnet-cidr-invalid'
  | 'subnet-cidr-host-bits'
  | 'subnet-cidr-prefix-out-of-range'
  | 'subnet-outside-vpc'
  | 'subnets-overlap';

export interface CidrIssue {
  code: CidrIssueCode;
  message: string;
  /** The explicit tier (and AZ) the issue is about; absent for issues of the whole VPC. */
  subnet?: { tier: SubnetTier; azIndex?: number };
}

/** AWS accepts VPC and subnet blocks from /16 to /28. */
export const MIN_VPC_PREFIX = 16;
export const MAX_VPC_PREFIX = 28;
/** An ALB needs subnets of at least /27; smaller subnets also starve ENI-hungry compute. */
export const MAX_RECOMMENDED_SUBNET_PREFIX = 27;

/** RFC 1918 private ranges plus the shared address space AWS also accepts for VPCs. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

function smallSubnetWarning(prefix: number): string {
  return (
    `only ${usableSubnetAddresses(prefix)} usable addresses ` +
    `(AWS reserves ${AWS_RESERVED_ADDRESSES_PER_SUBNET}); load balancers need at least /${MAX_RECOMMENDED_SUBNET_PREFIX}`
  );
}

/**
 * Problems with a VPC's address plan (rule NET-07): unusable CIDR, prefixes AWS refuses, subnets
 * that do not fit, subnets too small, non-private ranges, overlaps with `otherVpcs` (VPCs whose
 * ranges overlap cannot be peered or share a transit gateway), and explicit subnet CIDRs that are
 * malformed, outside the VPC, overlapping, or not one per AZ.
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
  const slots = subnetSlots(vpc);
  // The subnet prefix only sizes automatic subnets: a VPC whose every subnet is explicit ignores it.
  const automatic = slots.filter((slot) => !isExplicit(slot)).length;
  if (automatic > 0) issues.push(...automaticSubnetIssues(vpc, parent, automatic, slots.length));
  issues.push(...explicitSubnetIssues(vpc, parent, slots));
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

function automaticSubnetIssues(vpc: VpcNetwork, parent: Cidr, automatic: number, total: number): CidrIssue[] {
  if (vpc.subnetPrefix < MIN_VPC_PREFIX || vpc.subnetPrefix > MAX_VPC_PREFIX) {
    return [
      {
        code: 'subnet-prefix-out-of-range',
        message: `a subnet must be between /${MIN_VPC_PREFIX} and /${MAX_VPC_PREFIX}, not /${vpc.subnetPrefix}`,
      },
    ];
  }
  if (vpc.subnetPrefix < parent.prefix) {
    return [
      {
        code: 'subnet-prefix-out-of-range',
        message: `subnets of /${vpc.subnetPrefix} are larger than the VPC's /${parent.prefix}`,
      },
    ];
  }
  const issues: CidrIssue[] = [];
  const capacity = blockSize(parent.prefix) / blockSize(vpc.subnetPrefix);
  if (automatic === total) {
    if (automatic > capacity) {
      issues.push({
        code: 'subnets-do-not-fit',
        message:
          `${automatic} subnets of /${vpc.subnetPrefix} (${orderedTiers(vpc).length} tiers x ${vpc.azCount} AZs) ` +
          `need ${automatic * blockSize(vpc.subnetPrefix)} addresses; ${vpc.cidr} has room for ${capacity}`,
      });
    }
  } else {
    const carved = planSubnets(vpc).filter((s) => !s.explicit).length;
    if (carved < automatic) {
      issues.push({
        code: 'subnets-do-not-fit',
        message:
          `${automatic - carved} of the ${automatic} automatic subnets of /${vpc.subnetPrefix} ` +
          `do not fit in ${vpc.cidr} beside the explicit ones`,
      });
    }
  }
  if (vpc.subnetPrefix > MAX_RECOMMENDED_SUBNET_PREFIX) {
    issues.push({
      code: 'small-subnets',
      message: `each /${vpc.subnetPrefix} subnet has ${smallSubnetWarning(vpc.subnetPrefix)}`,
    });
  }
  return issues;
}

/** "public subnet 2": how a message names one subnet (AZs are numbered from 1). */
function subnetName(tier: SubnetTier, azIndex: number): string {
  return `${tier} subnet ${azIndex + 1}`;
}

function explicitSubnetIssues(vpc: VpcNetwork, parent: Cidr, slots: readonly SubnetSlot[]): CidrIssue[] {
  const issues: CidrIssue[] = [];
  for (const tier of orderedTiers(vpc)) {
    const list = explicitSubnetCidrs(vpc, tier);
    if (!list || list.length === vpc.azCount) continue;
    const az = `${vpc.azCount} AZ${vpc.azCount === 1 ? '' : 's'}`;
    const listed = `${list.length} CIDR${list.length === 1 ? '' : 's'}`;
    issues.push({
      code: 'subnet-cidr-count',
      subnet: { tier },
      message:
        list.length < vpc.azCount
          ? `the ${tier} subnets list ${listed} for ${az}; give one per AZ (until then the rest are carved automatically)`
          : `the ${tier} subnets list ${listed} for ${az}; give one per AZ (the extra ones are not used)`,
    });
  }
  const [parentFirst, parentLast] = range(parent);
  const checked: { slot: SubnetSlot; first: number; last: number }[] = [];
  for (const slot of slots) {
    if (slot.given === undefined) continue;
    const where = { tier: slot.tier, azIndex: slot.azIndex };
    const name = subnetName(slot.tier, slot.azIndex);
    const cidr = slot.parsed;
    if (!cidr) {
      issues.push({
        code: 'subnet-cidr-invalid',
        subnet: where,
        message: `${name}: "${slot.given}" is not an IPv4 CIDR like 10.0.1.0/24`,
      });
      continue;
    }
    if (cidr.address !== cidr.network) {
      issues.push({
        code: 'subnet-cidr-host-bits',
        subnet: where,
        message: `${name}: ${slot.given} has host bits set; the network address is ${formatCidr(cidr.network, cidr.prefix)}`,
      });
    }
    if (cidr.prefix < MIN_VPC_PREFIX || cidr.prefix > MAX_VPC_PREFIX) {
      issues.push({
        code: 'subnet-cidr-prefix-out-of-range',
        subnet: where,
        message: `${name}: a subnet must be between /${MIN_VPC_PREFIX} and /${MAX_VPC_PREFIX}, not /${cidr.prefix}`,
      });
    } else if (cidr.prefix > MAX_RECOMMENDED_SUBNET_PREFIX) {
      issues.push({
        code: 'small-subnets',
        subnet: where,
        message: `${name}: ${slot.given} has ${smallSubnetWarning(cidr.prefix)}`,
      });
    }
    const [first, last] = range(cidr);
    if (first < parentFirst || last > parentLast) {
      issues.push({
        code: 'subnet-outside-vpc',
        subnet: where,
        message: `${name}: ${slot.given} is not inside the VPC's ${vpc.cidr}`,
      });
    }
    // Each pair once, on the later subnet.
    const clash = checked.find((other) => other.first <= last && first <= other.last);
    if (clash) {
      issues.push({
        code: 'subnets-overlap',
        subnet: where,
        message: `${name}: ${slot.given} overlaps ${subnetName(clash.slot.tier, clash.slot.azIndex)} (${clash.slot.given})`,
      });
    }
    checked.push({ slot, first, last });
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
