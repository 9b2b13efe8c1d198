import { describe, expect, it } from 'vitest';
import { environmentPins } from './environment-rules.ts';

const rule = (env: string, pseudo: string, value: string) => ({
  RuleCondition: { 'Fn::Equals': [{ Ref: 'EnvironmentName' }, env] },
  Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: pseudo }, value] }, AssertDescription: 'x' }],
});

describe('environment pins from Rules', () => {
  it('reads the account and region each environment asserts', () => {
    const pins = environmentPins(
      {
        ProdAccount: rule('prod', 'AWS::AccountId', '333333333333'),
        ProdRegion: rule('prod', 'AWS::Region', 'eu-west-1'),
        // Reversed operands, as people write them too.
        DevRegion: {
          RuleCondition: { 'Fn::Equals': ['dev', { Ref: 'EnvironmentName' }] },
          Assertions: [{ Assert: { 'Fn::Equals': ['us-east-1', { Ref: 'AWS::Region' }] } }],
        },
      },
      'EnvironmentName',
    );
    expect(Object.fromEntries(pins)).toEqual({
      prod: { account: '333333333333', region: 'eu-west-1' },
      dev: { region: 'us-east-1' },
    });
  });

  it('pins nothing from rules of another shape or on another parameter', () => {
    const pins = environmentPins(
      {
        Other: rule('prod', 'AWS::StackName', 'x'),
        OtherParameter: {
          RuleCondition: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] },
          Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] } }],
        },
        NoCondition: { Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] } }] },
      },
      'EnvironmentName',
    );
    expect(pins.size).toBe(0);
    expect(environmentPins({ ProdRegion: rule('prod', 'AWS::Region', 'eu-west-1') }, undefined).size).toBe(0);
  });
});
