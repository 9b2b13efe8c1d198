import { describe, expect, it } from 'vitest';
import { DesignSchema } from './schema.ts';
import { MAX_ENVIRONMENTS, MAX_VPCS } from './limits.ts';

const minimal = { schemaVersion: 2, name: 'x', region: 'us-east-1', environments: [{ name: 'dev' }] };

/** The longest list the schema accepts at `key` (up to 100), found by trying lengths. */
function schemaMaxLength(key: 'vpcs' | 'environments', item: unknown): number {
  const accepts = (length: number) => {
    const issues =
      DesignSchema.safeParse({ ...minimal, [key]: Array.from({ length }, () => item) }).error?.issues ?? [];
    return !issues.some((issue) => issue.path[0] === key);
  };
  let length = 1;
  while (length < 100 && accepts(length + 1)) length++;
  return length;
}

describe('limits', () => {
  it('agree with the maxima the zod schema enforces', () => {
    const vpc = { id: 'v', name: 'V', cidr: '10.0.0.0/16', azCount: 2, tiers: ['public'] };
    expect(schemaMaxLength('vpcs', vpc)).toBe(MAX_VPCS);
    expect(schemaMaxLength('environments', { name: 'dev' })).toBe(MAX_ENVIRONMENTS);
  });
});
