/**
 * Vpc.logicalIds (the network's kept CloudFormation ids, from import) is additive and optional:
 * files written before it open unchanged and gain nothing; files with it keep it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign } from './parse.ts';

// A design file from before the field existed, as committed (examples/seed-vpc.json has a VPC).
const OLDER = fileURLToPath(new URL('../../../../examples/seed-vpc.json', import.meta.url));

describe('Vpc.logicalIds', () => {
  it('opens a design file written before the field, warning-free and without adding it', () => {
    const text = readFileSync(OLDER, 'utf8');
    expect(text).not.toContain('logicalIds');
    const parsed = parseDesign(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.design.vpcs.length).toBeGreaterThan(0);
    for (const vpc of parsed.design.vpcs) expect(vpc).not.toHaveProperty('logicalIds');
    expect(serializeDesign(parsed.design)).not.toContain('logicalIds');
  });

  it('keeps the ids an imported network has, and refuses ids CloudFormation would not take', () => {
    const base = JSON.parse(readFileSync(OLDER, 'utf8'));
    base.vpcs[0].logicalIds = { vpc: 'Vpc', subnet: 'PubA', 'subnet:1': 'PubB', natGateway: 'Nat' };
    const parsed = parseDesign(JSON.stringify(base));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.design.vpcs[0]!.logicalIds).toEqual(base.vpcs[0].logicalIds);
    const again = parseDesign(serializeDesign(parsed.design));
    expect(again.ok && again.design.vpcs[0]!.logicalIds).toEqual(base.vpcs[0].logicalIds);

    base.vpcs[0].logicalIds = { subnet: 'Pub-A' };
    expect(parseDesign(JSON.stringify(base)).ok).toBe(false);
  });
});
