import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';

describe('lifecycle rules by key prefix', () => {
  it('resolves each prefix rule: Standard -> IA -> Glacier, Intelligent-Tiering, expiration', () => {
    const g = lowerDesign(
      design('Lake')
        .node('s3', {
          id: 'lake',
          properties: {
            lifecycleRules: [
              { prefix: 'raw/', transitionToIaDays: 30, transitionToGlacierDays: 90, expirationDays: 400 },
              { prefix: 'archive/', intelligentTiering: true },
              { prefix: 'tmp/', expirationDays: 7 },
            ],
          },
        })
        .build(),
    );
    expect(g.components.find((c) => c.id === 'lake')!.prefixLifecycleRules).toEqual([
      {
        id: 'prefix-1',
        prefix: 'raw/',
        transitions: [
          { storageClass: 'STANDARD_IA', days: 30 },
          { storageClass: 'GLACIER', days: 90 },
        ],
        expirationDays: 400,
      },
      { id: 'prefix-2', prefix: 'archive/', transitions: [{ storageClass: 'INTELLIGENT_TIERING', days: 0 }] },
      { id: 'prefix-3', prefix: 'tmp/', transitions: [], expirationDays: 7 },
    ]);
  });

  it('gives a bucket without prefix rules none', () => {
    const g = lowerDesign(design('Plain').node('s3', { id: 'b' }).build());
    expect(g.components.find((c) => c.id === 'b')!.prefixLifecycleRules).toBeUndefined();
  });
});
