/** Explicit subnet CIDRs (issue 12 item 6): every aws_subnet gets the CIDR the lowering planned. */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateTerraform } from './index.ts';

describe('explicit subnet CIDRs in Terraform', () => {
  it("are each tier's cidr_block list, automatic tiers carved around them", () => {
    const files = generateTerraform(
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
    const all = Object.values(files).join('\n');
    expect(all).toMatch(/main_vpc_public_subnet_cidrs\s+= \["10\.0\.1\.0\/24", "10\.0\.2\.0\/24"\]/);
    expect(all).toMatch(/main_vpc_private_subnet_cidrs\s+= \["10\.0\.0\.0\/24", "10\.0\.3\.0\/24"\]/);
    expect(all).toMatch(/main_vpc_isolated_subnet_cidrs\s+= \["10\.0\.100\.0\/24", "10\.0\.200\.0\/24"\]/);
    expect(files['network.tf']).toContain(
      'cidr_block              = local.main_vpc_public_subnet_cidrs[count.index]',
    );
  });
});
