import { describe, expect, it } from 'vitest';
import { camelCase, pascalCase, words } from './naming.ts';

describe('naming', () => {
  it('splits words at case changes and non-alphanumerics', () => {
    expect(words('web-tier_ALB.v2')).toEqual(['web', 'tier', 'ALB', 'v2']);
    expect(words('orderApi2Handler')).toEqual(['order', 'Api2', 'Handler']);
    expect(words('  ')).toEqual([]);
    expect(pascalCase('orderApi2Handler')).toBe('OrderApi2Handler');
    expect(camelCase('Web tier ALB')).toBe('webTierALB');
  });
});
