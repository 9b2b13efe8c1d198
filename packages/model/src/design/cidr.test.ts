import { describe, expect, it } from 'vitest';
import {
  addressCount,
  availabilityZones,
  cidrContains,
  cidrIssues,
  cidrsOverlap,
  formatCidr,
  parseCidr,
  hasExplicitSubnetCidrs,
  planSubnets,
  subnetCidrsForAzCount,
  usableSubnetAddresses,
  withAzCount,
  withSubnetCidrs,
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

/** The seed's reference VPC: every tier explicit, in /24s spread over 10.0.0.0/16. */
const REFERENCE = {
  public: ['10.0.1.0/24', '10.0.2.0/24'],
  private: ['10.0.10.0/24', '10.0.20.0/24'],
  isolated: ['10.0.100.0/24', '10.0.200.0/24'],
};
const short = (network: VpcNetwork) =>
  planSubnets(network).map((s) => `${s.tier}${s.azIndex}:${s.cidr}${s.explicit ? '!' : ''}`);

describe('planSubnets with explicit CIDRs', () => {
  it('uses every explicit CIDR as written, in tier and AZ order', () => {
    expect(planSubnets(vpc({ subnetCidrs: REFERENCE }))).toEqual([
      { tier: 'public', azIndex: 0, cidr: '10.0.1.0/24', explicit: true },
      { tier: 'public', azIndex: 1, cidr: '10.0.2.0/24', explicit: true },
      { tier: 'private', azIndex: 0, cidr: '10.0.10.0/24', explicit: true },
      { tier: 'private', azIndex: 1, cidr: '10.0.20.0/24', explicit: true },
      { tier: 'isolated', azIndex: 0, cidr: '10.0.100.0/24', explicit: true },
      { tier: 'isolated', azIndex: 1, cidr: '10.0.200.0/24', explicit: true },
    ]);
  });

  it('carves automatic tiers around the explicit ones, never on top of them', () => {
    expect(short(vpc({ subnetCidrs: { public: ['10.0.0.0/23', '10.0.3.0/24'] } }))).toEqual([
      'public0:10.0.0.0/23!',
      'public1:10.0.3.0/24!',
      'private0:10.0.2.0/24',
      'private1:10.0.4.0/24',
      'isolated0:10.0.5.0/24',
      'isolated1:10.0.6.0/24',
    ]);
    // Explicit subnets of different sizes; automatic /26s fill the gaps in order.
    expect(
      short(
        vpc({
          cidr: '10.0.0.0/24',
          subnetPrefix: 26,
          subnetCidrs: { private: ['10.0.0.64/26', '10.0.0.128/27'] },
        }),
      ),
    ).toEqual([
      'public0:10.0.0.0/26',
      'public1:10.0.0.192/26',
      'private0:10.0.0.64/26!',
      'private1:10.0.0.128/27!',
    ]);
  });

  it('gives the same plan when a tier is made explicit with the CIDRs it had', () => {
    for (const tier of ['public', 'private', 'isolated'] as const) {
      const automatic = planSubnets(vpc({ azCount: 3 }));
      const cidrs = automatic.filter((s) => s.tier === tier).map((s) => s.cidr);
      const explicit = planSubnets(vpc({ azCount: 3, subnetCidrs: { [tier]: cidrs } }));
      expect(explicit.map((s) => s.cidr)).toEqual(automatic.map((s) => s.cidr));
    }
  });

  it('ignores a tier the VPC lacks, carves the AZs an explicit list misses, and unparsable entries', () => {
    expect(
      short(
        vpc({
          tiers: ['public', 'private'],
          subnetCidrs: { public: ['10.0.1.0/24'], isolated: ['10.0.0.0/24', '10.0.2.0/24'] },
        }),
      ),
    ).toEqual([
      'public0:10.0.1.0/24!',
      'public1:10.0.0.0/24',
      'private0:10.0.2.0/24',
      'private1:10.0.3.0/24',
    ]);
    expect(short(vpc({ tiers: ['public'], subnetCidrs: { public: ['10.0.1.0/24', 'nonsense'] } }))).toEqual([
      'public0:10.0.1.0/24!',
      'public1:10.0.0.0/24',
    ]);
  });

  it('keeps explicit subnets when no automatic one fits, and jumps over large explicit blocks', () => {
    expect(
      short(
        vpc({
          cidr: '10.0.0.0/24',
          tiers: ['public', 'private'],
          subnetCidrs: { private: ['10.0.0.0/25', '10.0.0.128/25'] },
        }),
      ),
    ).toEqual(['private0:10.0.0.0/25!', 'private1:10.0.0.128/25!']);
    // A /28 plan beside a /17: the carver skips the /17 in one step, not 2048 slots one by one.
    expect(
      short(vpc({ tiers: ['public'], subnetPrefix: 28, subnetCidrs: undefined, cidr: '10.0.0.0/16' })).length,
    ).toBe(2);
    expect(
      short(vpc({ subnetPrefix: 28, subnetCidrs: { isolated: ['10.0.0.0/17', '10.0.128.0/28'] } })),
    ).toEqual([
      'public0:10.0.128.16/28',
      'public1:10.0.128.32/28',
      'private0:10.0.128.48/28',
      'private1:10.0.128.64/28',
      'isolated0:10.0.0.0/17!',
      'isolated1:10.0.128.0/28!',
    ]);
  });

  it('hasExplicitSubnetCidrs: only for tiers the VPC has', () => {
    expect(hasExplicitSubnetCidrs(vpc())).toBe(false);
    expect(hasExplicitSubnetCidrs(vpc({ subnetCidrs: {} }))).toBe(false);
    expect(hasExplicitSubnetCidrs(vpc({ subnetCidrs: { private: ['10.0.1.0/24'] } }))).toBe(true);
    expect(
      hasExplicitSubnetCidrs(vpc({ tiers: ['public'], subnetCidrs: { private: ['10.0.1.0/24'] } })),
    ).toBe(false);
  });
});

describe('withSubnetCidrs', () => {
  it('sets one tier, and drops subnetCidrs once every tier is automatic again', () => {
    const base = { ...vpc(), id: 'main' };
    const one = withSubnetCidrs(base, 'private', ['10.0.10.0/24', '10.0.20.0/24']);
    expect(one).toEqual({ ...base, subnetCidrs: { private: ['10.0.10.0/24', '10.0.20.0/24'] } });
    const two = withSubnetCidrs(one, 'public', REFERENCE.public);
    expect(two.subnetCidrs).toEqual({ public: REFERENCE.public, private: ['10.0.10.0/24', '10.0.20.0/24'] });
    expect(withSubnetCidrs(withSubnetCidrs(two, 'public', null), 'private', null)).toEqual(base);
    expect('subnetCidrs' in withSubnetCidrs(one, 'private', [])).toBe(false);
    expect(base).toEqual({ ...vpc(), id: 'main' });
  });
});

describe('withAzCount', () => {
  it('changes the AZ count and keeps explicit tiers at one CIDR per AZ', () => {
    expect(withAzCount(vpc(), 3)).toEqual(vpc({ azCount: 3 }));
    expect('subnetCidrs' in withAzCount(vpc(), 3)).toBe(false);
    const three = withAzCount(vpc({ subnetCidrs: { public: REFERENCE.public } }), 3);
    expect(three).toEqual(vpc({ azCount: 3, subnetCidrs: { public: [...REFERENCE.public, '10.0.3.0/24'] } }));
    expect(withAzCount(three, 2)).toEqual(vpc({ subnetCidrs: { public: REFERENCE.public } }));
  });
});

describe('subnetCidrsForAzCount', () => {
  it('drops the last CIDRs when AZs go away', () => {
    expect(
      subnetCidrsForAzCount(
        vpc({ azCount: 3, subnetCidrs: { public: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'] } }),
        2,
      ),
    ).toEqual({
      public: ['10.0.1.0/24', '10.0.2.0/24'],
    });
    expect(subnetCidrsForAzCount(vpc(), 3)).toBeUndefined();
  });

  it('adds the next free block of the same size after the last one, clear of the explicit subnets', () => {
    expect(subnetCidrsForAzCount(vpc({ subnetCidrs: REFERENCE }), 3)).toEqual({
      public: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'],
      private: ['10.0.10.0/24', '10.0.20.0/24', '10.0.21.0/24'],
      isolated: ['10.0.100.0/24', '10.0.200.0/24', '10.0.201.0/24'],
    });
    // The block after the last one is another tier's: the next free one.
    expect(
      subnetCidrsForAzCount(
        vpc({
          subnetCidrs: { public: ['10.0.1.0/24', '10.0.2.0/24'], private: ['10.0.3.0/24', '10.0.4.0/24'] },
        }),
        3,
      ),
    ).toEqual({
      public: ['10.0.1.0/24', '10.0.2.0/24', '10.0.5.0/24'],
      private: ['10.0.3.0/24', '10.0.4.0/24', '10.0.6.0/24'],
    });
    // Automatic tiers are carved around the new block.
    const mixed = vpc({ subnetCidrs: { private: ['10.0.4.0/23', '10.0.6.0/23'] } });
    const next = subnetCidrsForAzCount(mixed, 3)!;
    expect(next).toEqual({ private: ['10.0.4.0/23', '10.0.6.0/23', '10.0.8.0/23'] });
    const plan = planSubnets({ ...mixed, azCount: 3, subnetCidrs: next });
    expect(plan).toHaveLength(9);
    expect(cidrIssues({ ...mixed, azCount: 3, subnetCidrs: next })).toEqual([]);
  });

  it('starts inside the VPC when the last subnet lies outside it', () => {
    expect(subnetCidrsForAzCount(vpc({ subnetCidrs: { public: ['10.0.1.0/24', '9.0.0.0/24'] } }), 3)).toEqual(
      {
        public: ['10.0.1.0/24', '9.0.0.0/24', '10.0.0.0/24'],
      },
    );
  });

  it('wraps to the start of the VPC when nothing is free after the last subnet', () => {
    const network = vpc({
      cidr: '10.0.0.0/24',
      subnetPrefix: 27,
      subnetCidrs: { isolated: ['10.0.0.192/27', '10.0.0.224/27'] },
    });
    expect(subnetCidrsForAzCount(network, 3)?.isolated).toEqual([
      '10.0.0.192/27',
      '10.0.0.224/27',
      '10.0.0.0/27',
    ]);
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

describe('cidrIssues with explicit subnet CIDRs', () => {
  const issues = (subnetCidrs: VpcNetwork['subnetCidrs'], overrides: Partial<VpcNetwork> = {}) =>
    cidrIssues(vpc({ subnetCidrs, ...overrides }));

  it('finds nothing wrong with the reference VPC, even with a subnet prefix it does not use', () => {
    expect(issues(REFERENCE)).toEqual([]);
    expect(issues(REFERENCE, { subnetPrefix: 16, cidr: '10.0.0.0/16' })).toEqual([]);
  });

  it('reports each malformed, misplaced or overlapping subnet, naming it', () => {
    expect(
      issues({
        public: ['10.0.1.0/24', '10.0.1.9/24'],
        private: ['10.1.0.0/24', '10.0.10.0/29'],
        isolated: ['10.0.2.0/24', 'nope'],
      }),
    ).toEqual([
      {
        code: 'subnet-cidr-host-bits',
        subnet: { tier: 'public', azIndex: 1 },
        message: 'public subnet 2: 10.0.1.9/24 has host bits set; the network address is 10.0.1.0/24',
      },
      {
        code: 'subnets-overlap',
        subnet: { tier: 'public', azIndex: 1 },
        message: 'public subnet 2: 10.0.1.9/24 overlaps public subnet 1 (10.0.1.0/24)',
      },
      {
        code: 'subnet-outside-vpc',
        subnet: { tier: 'private', azIndex: 0 },
        message: "private subnet 1: 10.1.0.0/24 is not inside the VPC's 10.0.0.0/16",
      },
      {
        code: 'subnet-cidr-prefix-out-of-range',
        subnet: { tier: 'private', azIndex: 1 },
        message: 'private subnet 2: a subnet must be between /16 and /28, not /29',
      },
      {
        code: 'subnet-cidr-invalid',
        subnet: { tier: 'isolated', azIndex: 1 },
        message: 'isolated subnet 2: "nope" is not an IPv4 CIDR like 10.0.1.0/24',
      },
    ]);
  });

  it('reports an overlap across tiers once, on the later subnet', () => {
    expect(
      issues({ public: ['10.0.0.0/22', '10.0.4.0/24'], isolated: ['10.0.2.0/24', '10.0.5.0/24'] }),
    ).toEqual([
      {
        code: 'subnets-overlap',
        subnet: { tier: 'isolated', azIndex: 0 },
        message: 'isolated subnet 1: 10.0.2.0/24 overlaps public subnet 1 (10.0.0.0/22)',
      },
    ]);
  });

  it('never reports an overlap with an automatic subnet: those are carved around', () => {
    for (const explicit of ['10.0.0.0/24', '10.0.2.0/23', '10.0.5.0/24']) {
      const network = vpc({ subnetCidrs: { isolated: [explicit, '10.0.9.0/24'] } });
      expect(cidrIssues(network)).toEqual([]);
      const plan = planSubnets(network);
      for (const [i, a] of plan.entries())
        for (const b of plan.slice(i + 1))
          expect(cidrsOverlap(a.cidr, b.cidr), `${a.cidr} ${b.cidr}`).toBe(false);
    }
  });

  it('reports a list that is not one CIDR per AZ', () => {
    expect(issues({ public: ['10.0.1.0/24'] }).map((i) => [i.code, i.subnet, i.message])).toEqual([
      [
        'subnet-cidr-count',
        { tier: 'public' },
        'the public subnets list 1 CIDR for 2 AZs; give one per AZ (until then the rest are carved automatically)',
      ],
    ]);
    expect(issues({ private: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'] }).map((i) => i.message)).toEqual([
      'the private subnets list 3 CIDRs for 2 AZs; give one per AZ (the extra ones are not used)',
    ]);
  });

  it('reports automatic subnets that no longer fit beside the explicit ones', () => {
    expect(
      issues(
        { public: ['10.0.0.0/25', '10.0.0.128/26'] },
        { cidr: '10.0.0.0/24', subnetPrefix: 26, azCount: 2 },
      ),
    ).toEqual([
      {
        code: 'subnets-do-not-fit',
        message: '3 of the 4 automatic subnets of /26 do not fit in 10.0.0.0/24 beside the explicit ones',
      },
    ]);
  });

  it('warns about explicit subnets too small for a load balancer', () => {
    expect(issues({ public: ['10.0.0.0/28', '10.0.0.32/27'] }).map((i) => [i.code, i.message])).toEqual([
      [
        'small-subnets',
        'public subnet 1: 10.0.0.0/28 has only 11 usable addresses (AWS reserves 5); load balancers need at least /27',
      ],
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
