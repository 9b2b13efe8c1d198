import { describe, expect, it } from 'vitest';
import { gravitonEquivalent, isGraviton, isPreviousGeneration } from './instance-types.ts';

describe('instance types', () => {
  it('recognises Graviton families in every naming style', () => {
    for (const type of [
      't4g.small',
      'm7g.large',
      'c7gn.xlarge',
      'db.r6g.large',
      'cache.t4g.micro',
      'r7g.large.search',
    ])
      expect(isGraviton(type), type).toBe(true);
    for (const type of ['t3.small', 'm5a.large', 'db.m5.large', 'cache.r5.large', 'm6i.large'])
      expect(isGraviton(type), type).toBe(false);
  });

  it('flags previous generations only', () => {
    expect(isPreviousGeneration('db.t2.micro')).toBe(true);
    expect(isPreviousGeneration('m4.large.search')).toBe(true);
    expect(isPreviousGeneration('db.m5.large')).toBe(false);
    expect(isPreviousGeneration('t3.small')).toBe(false);
  });

  it('maps to the Graviton type of the same family and size', () => {
    expect(gravitonEquivalent('m5.xlarge')).toBe('m7g.xlarge');
    expect(gravitonEquivalent('db.r4.2xlarge')).toBe('db.r7g.2xlarge');
    expect(gravitonEquivalent('cache.t2.micro')).toBe('cache.t4g.micro');
    expect(gravitonEquivalent('db.t2.nano')).toBe('db.t4g.micro');
    expect(gravitonEquivalent('t3.small.search')).toBeUndefined();
    expect(gravitonEquivalent('g5.xlarge')).toBeUndefined();
  });
});
