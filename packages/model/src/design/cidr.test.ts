import { describe, expect, it } from 'vitest';
import {
  addressCount,
  availabilityZones,
  cidrContains,
  cidrIssues,
  cidrsOverlap,
  formatCidr,
  parseCidr,
  planSubnets,
  usableSubnetAddresses,
  type VpcNetwork,
} from './cidr.ts';

const vpc = (overrides: Partial<VpcNetwork> = {}): VpcNetwork => ({
  cidr: '10.0.0.0/16',
  azCount: 2,
  tiers: ['public', 'private', 'isolated'],
  subnetPrefix: 24,
  ...overrides,
});

describe('parseCidr', () => {
  it('reads address, network and prefix', () => {
    expect(parseCidr('10.1.2.3/16')).toEqual({ address: 0x0a010203, network: 0x0a010000, prefix: 16 });
    expect(parseCidr('255.255.255.255/32')).toEqual({ address: 0xffffffff, network: 0xffffffff, prefix: 32 });
    expect(parseCidr('0.0.0.0/0')).toEqual({ address: 0, network: 0, prefix: 0 });
  });

  it.each([
    '10.0.0.0',
    '10.0.0/16',
    '10.0.0.0.0/16',
    '256.0.0.0/16',
    '10.0.0.0/33',
    '10.0.0.0/',
    '10.0.0.0/016',
    '010.0.0.0/16',
    '10.0.0.-1/16',
    ' 10.0.0.0/16',
    '10.0.0.0/16 ',
    'a.b.c.d/16',
    '',
  ])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeNull();
  });

  it('round-trips through formatCidr', () => {
    for (const text of ['10.0.0.0/16', '172.16.32.0/20', '192.168.255.240/28', '0.0.0.0/0']) {
      const cidr = parseCidr(text)!;
      expect(formatCidr(cidr.network, cidr.prefix)).toBe(text);
    }
  });
});

describe('address arithmetic', () => {
  it('counts addresses from a prefix or a CIDR', () => {
    expect(addressCount(16)).toBe(65536);
    expect(addressCount('10.0.0.0/24')).toBe(256);
    expect(addressCount('10.0.0.0/32')).toBe(1);
    expect(addressCount('0.0.0.0/0')).toBe(2 ** 32);
    expect(addressCount('nonsense')).toBe(0);
  });

  it('subtracts the five addresses AWS reserves', () => {
    expect(usableSubnetAddresses(24)).toBe(251);
    expect(usableSubnetAddresses(28)).toBe(11);
  });

  it('contains', () => {
    expect(cidrContains('10.0.0.0/16', '10.0.255.0/24')).toBe(true);
    expect(cidrContains('10.0.0.0/16', '10.0.0.0/16')).toBe(true);
    expect(cidrContains('10.0.0.0/16', '10.1.0.0/24')).toBe(false);
    expect(cidrContains('10.0.0.0/24', '10.0.0.0/16')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '255.255.255.255/32')).toBe(true);
    expect(cidrContains('10.0.0.0/16', 'bad')).toBe(false);
  });

  it('overlaps', () => {
    expect(cidrsOverlap('10.0.0.0/16', '10.0.128.0/17')).toBe(true);
    expect(cidrsOverlap('10.0.128.0/17', '10.0.0.0/16')).toBe(true);
    expect(cidrsOverlap('10.0.0.0/24', '10.0.1.0/24')).toBe(false);
    expect(cidrsOverlap('10.0.0.0/24', '10.0.0.255/32')).toBe(true);
    expect(cidrsOverlap('192.168.0.0/16', '10.0.0.0/8')).toBe(false);
    expect(cidrsOverlap('bad', '10.0.0.0/8')).toBe(false);
  });
});

describe('planSubnets', () => {
  it('carves public, private, isolated across AZs in a fixed order', () => {
    expect(planSubnets(vpc())).toEqual([
      { tier: 'public', azIndex: 0, cidr: '10.0.0.0/24' },
      { tier: 'public', azIndex: 1, cidr: '10.0.1.0/24' },
      { tier: 'private', azIndex: 0, cidr: '10.0.2.0/24' },
      { tier: 'private', azIndex: 1, cidr: '10.0.3.0/24' },
      { tier: 'isolated', azIndex: 0, cidr: '10.0.4.0/24' },
      { tier: 'isolated', azIndex: 1, cidr: '10.0.5.0/24' },
    ]);
  });

  it('uses the canonical tier order whatever order the design lists them in', () => {
    const plan = planSubnets(
      vpc({ tiers: ['isolated', 'public'], azCount: 3, cidr: '172.16.0.0/20', subnetPrefix: 22 }),
    );
    expect(plan).toEqual([
      { tier: 'public', azIndex: 0, cidr: '172.16.0.0/22' },
      { tier: 'public', azIndex: 1, cidr: '172.16.4.0/22' },
      { tier: 'public', azIndex: 2, cidr: '172.16.8.0/22' },
      { tier: 'isolated', azIndex: 0, cidr: '172.16.12.0/22' },
    ]);
  });

  it('starts at the network address when the CIDR has host bits set', () => {
    expect(
      planSubnets(vpc({ cidr: '10.0.7.9/16', azCount: 2, tiers: ['public'] })).map((s) => s.cidr),
    ).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
  });

  it('never overlaps and stays inside the VPC for every prefix that fits', () => {
    for (let vpcPrefix = 16; vpcPrefix <= 24; vpcPrefix++) {
      for (let subnetPrefix = vpcPrefix + 4; subnetPrefix <= 28; subnetPrefix++) {
        const network = vpc({ cidr: `10.20.0.0/${vpcPrefix}`, azCount: 3, subnetPrefix });
        const plan = planSubnets(network);
        expect(plan).toHaveLength(9);
        for (const [i, subnet] of plan.entries()) {
          expect(cidrContains(network.cidr, subnet.cidr)).toBe(true);
          for (const other of plan.slice(i + 1)) expect(cidrsOverlap(subnet.cidr, other.cidr)).toBe(false);
        }
      }
    }
  });

  it('leaves out subnets that do not fit, and plans nothing for unusable input', () => {
    const plan = planSubnets(vpc({ cidr: '10.0.0.0/24', subnetPrefix: 26, azCount: 3 }));
    expect(plan.map((s) => `${s.tier}${s.azIndex}:${s.cidr}`)).toEqual([
      'public0:10.0.0.0/26',
      'public1:10.0.0.64/26',
      'public2:10.0.0.128/26',
      'private0:10.0.0.192/26',
    ]);
    expect(planSubnets(vpc({ cidr: 'bad' }))).toEqual([]);
    expect(planSubnets(vpc({ cidr: '10.0.0.0/24', subnetPrefix: 20 }))).toEqual([]);
  });
});

describe('cidrIssues', () => {
  const codes = (network: VpcNetwork & { id?: string }, others: { id: string; cidr: string }[] = []) =>
    cidrIssues(network, others).map((i) => i.code);

  it('finds nothing wrong with the default layout', () => {
    expect(cidrIssues(vpc())).toEqual([]);
    expect(cidrIssues(vpc({ cidr: '192.168.0.0/20', azCount: 3, subnetPrefix: 24 }))).toEqual([]);
  });

  it('reports an invalid CIDR and nothing else', () => {
    expect(cidrIssues(vpc({ cidr: '10.0.0.300/16' }))).toEqual([
      { code: 'invalid-cidr', message: '"10.0.0.300/16" is not an IPv4 CIDR like 10.0.0.0/16' },
    ]);
  });

  it('reports host bits with the corrected network address', () => {
    const [issue] = cidrIssues(vpc({ cidr: '10.0.3.1/16' }));
    expect(issue).toEqual({
      code: 'host-bits-set',
      message: '10.0.3.1/16 has host bits set; the network address is 10.0.0.0/16',
    });
  });

  it('reports VPC and subnet prefixes AWS refuses', () => {
    expect(codes(vpc({ cidr: '10.0.0.0/8' }))).toContain('vpc-prefix-out-of-range');
    expect(codes(vpc({ cidr: '10.0.0.0/29', subnetPrefix: 29 }))).toEqual(
      expect.arrayContaining(['vpc-prefix-out-of-range', 'subnet-prefix-out-of-range']),
    );
    expect(codes(vpc({ cidr: '10.0.0.0/20', subnetPrefix: 16 }))).toEqual(['subnet-prefix-out-of-range']);
  });

  it('reports subnets that do not fit, with the arithmetic', () => {
    const issues = cidrIssues(vpc({ cidr: '10.0.0.0/24', subnetPrefix: 26, azCount: 3 }));
    expect(issues).toEqual([
      {
        code: 'subnets-do-not-fit',
        message: '9 subnets of /26 (3 tiers x 3 AZs) need 576 addresses; 10.0.0.0/24 has room for 4',
      },
    ]);
    // Exactly full is fine.
    expect(
      codes(vpc({ cidr: '10.0.0.0/24', subnetPrefix: 27, azCount: 2, tiers: ['public', 'private'] })),
    ).toEqual([]);
  });

  it('warns about subnets too small for a load balancer', () => {
    expect(codes(vpc({ cidr: '10.0.0.0/24', subnetPrefix: 28 }))).toEqual(['small-subnets']);
    expect(codes(vpc({ cidr: '10.0.0.0/24', subnetPrefix: 27 }))).toEqual([]);
  });

  it('flags public ranges but accepts RFC 1918 and shared address space', () => {
    expect(codes(vpc({ cidr: '54.0.0.0/16' }))).toEqual(['public-range']);
    expect(codes(vpc({ cidr: '172.32.0.0/16' }))).toEqual(['public-range']);
    expect(codes(vpc({ cidr: '172.31.0.0/16' }))).toEqual([]);
    expect(codes(vpc({ cidr: '100.64.0.0/16' }))).toEqual([]);
  });

  it('reports overlaps with other VPCs but not with itself', () => {
    const self = { ...vpc(), id: 'main' };
    expect(
      codes(self, [
        { id: 'main', cidr: '10.0.0.0/16' },
        { id: 'b', cidr: '10.1.0.0/16' },
      ]),
    ).toEqual([]);
    expect(cidrIssues(self, [{ id: 'b', cidr: '10.0.128.0/17' }])).toEqual([
      {
        code: 'overlaps-vpc',
        message: '10.0.0.0/16 overlaps VPC "b" (10.0.128.0/17); overlapping VPCs cannot be peered',
      },
    ]);
  });
});

describe('availabilityZones', () => {
  it('uses the region plus a, b, c', () => {
    expect(availabilityZones('us-east-1', 3)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(availabilityZones('eu-west-1', 2)).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect(availabilityZones('us-gov-west-1', 2)).toEqual(['us-gov-west-1a', 'us-gov-west-1b']);
  });

  it('knows the regions whose zones are not a, b, c', () => {
    expect(availabilityZones('us-west-1', 2)).toEqual(['us-west-1a', 'us-west-1c']);
    expect(availabilityZones('ap-northeast-1', 3)).toEqual([
      'ap-northeast-1a',
      'ap-northeast-1c',
      'ap-northeast-1d',
    ]);
    expect(availabilityZones('ca-central-1', 3)).toEqual(['ca-central-1a', 'ca-central-1b', 'ca-central-1d']);
  });

  it('returns only the zones that exist, and none for a non-positive count', () => {
    expect(availabilityZones('us-west-1', 3)).toEqual(['us-west-1a', 'us-west-1c']);
    expect(availabilityZones('us-east-1', 0)).toEqual([]);
    expect(availabilityZones('us-east-1', -1)).toEqual([]);
  });

  it('does not read inherited keys as regions', () => {
    expect(availabilityZones('constructor', 1)).toEqual(['constructora']);
  });
});
