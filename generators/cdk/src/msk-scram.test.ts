/** An MSK cluster with SASL/SCRAM as the lowering decided it (msk.ts): the CDK app's side. */
import { describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { scramClusterDesign } from '../../../test-support/scenarios.ts';
import { generateCdk } from './index.ts';

const squash = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/([({[]) /g, '$1')
    .replace(/ ([)}\]])/g, '$1');
const files = generateCdk(lowerDesign(scramClusterDesign()));
const stack = squash(files['lib/scram-stack.ts'] ?? '');

describe('the CDK app prints an MSK cluster with SASL/SCRAM', () => {
  it('enables SCRAM and associates the secret with the L1 construct', () => {
    expect(stack).toContain('clientAuthentication: {sasl: {scram: {enabled: true,},},}');
    expect(stack).toContain(
      "new msk.CfnBatchScramSecret(this, 'EventsScramSecrets', {clusterArn: eventsResource.attrArn, secretArnList: [eventsScramSecret.secretArn],})",
    );
  });

  it('names the secret AmazonMSK_..., under its own key', () => {
    expect(stack).toContain("secretName: Fn.join('', ['AmazonMSK_events-scram-secret-',");
    expect(stack).toContain('encryptionKey: eventsScramKey,');
  });

  it("signs the poller in with the secret; its role reads it from the lowering's statements", () => {
    expect(stack).toContain(
      "sourceAccessConfigurations: [{type: 'SASL_SCRAM_512_AUTH', uri: eventsScramSecret.secretArn,},]",
    );
    // grantRead would also write the reader into the key's policy.
    expect(stack).not.toContain('eventsScramSecret.grantRead');
    expect(stack).toContain(
      "sid: 'DecryptEventsScramKey', actions: ['kms:Decrypt'], resources: [eventsScramKey.keyArn],",
    );
  });
});
