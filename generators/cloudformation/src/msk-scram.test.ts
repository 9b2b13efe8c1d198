/** An MSK cluster with SASL/SCRAM as the lowering decided it (msk.ts): the template's side. */
import { describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { scramClusterDesign } from '../../../test-support/scenarios.ts';
import { generateCloudFormation } from './generate.ts';
import { parseTemplate } from './template/yaml.ts';

// Templates are free-form JSON: tests index into them at will.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const files = generateCloudFormation(lowerDesign(scramClusterDesign()));
const resources = (parseTemplate(files['template.yaml']!) as unknown as { Resources: Record<string, Json> })
  .Resources;

describe('CloudFormation prints an MSK cluster with SASL/SCRAM', () => {
  it('enables SCRAM and associates the secret with the cluster', () => {
    expect(resources.Events.Properties.ClientAuthentication).toEqual({ Sasl: { Scram: { Enabled: true } } });
    expect(resources.EventsScramSecrets).toEqual({
      Type: 'AWS::MSK::BatchScramSecret',
      Properties: {
        ClusterArn: { 'Fn::GetAtt': 'Events.Arn' },
        SecretArnList: [{ Ref: 'EventsScramSecret' }],
      },
    });
  });

  it('names the secret AmazonMSK_..., under its own key, with a generated password', () => {
    const secret = resources.EventsScramSecret.Properties;
    expect(secret.Name['Fn::Join'][1][0]).toBe('AmazonMSK_');
    expect(secret.KmsKeyId).toEqual({ 'Fn::GetAtt': 'EventsScramKey.Arn' });
    expect(resources.EventsScramKey.Type).toBe('AWS::KMS::Key');
    expect(secret.GenerateSecretString).toMatchObject({
      SecretStringTemplate: '{"username":"app-client"}',
      GenerateStringKey: 'password',
    });
  });

  it("signs the function's poller in with the secret", () => {
    expect(resources.ConsumerFromEvents.Properties.SourceAccessConfigurations).toEqual([
      { Type: 'SASL_SCRAM_512_AUTH', URI: { Ref: 'EventsScramSecret' } },
    ]);
  });
});
