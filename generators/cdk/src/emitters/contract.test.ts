/**
 * The emitter contract (test-support/emitter-contract.ts): one file per service named like its
 * type, exporting an object with emit(component, ctx) and optional dependencies and emitAfterComponents (CDK references go through the handles an emitter registers); no emitter file imported by another file of the folder.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emitterContractProblems } from '../../../../test-support/emitter-contract.ts';
import { EMITTERS } from './index.ts';

describe('cdk emitters', () => {
  it('keep the emitter contract', async () => {
    const folder = fileURLToPath(new URL('.', import.meta.url));
    expect(
      await emitterContractProblems(folder, EMITTERS, {
        required: [],
        optional: ['dependencies', 'emitAfterComponents'],
        resolvers: [],
      }),
    ).toEqual([]);
  });
});
