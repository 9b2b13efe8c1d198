/** An MSK cluster with SASL/SCRAM as the lowering decided it (msk.ts): the Terraform side. */
import { describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { scramClusterDesign } from '../../../test-support/scenarios.ts';
import { generateTerraform } from './index.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const files = generateTerraform(lowerDesign(scramClusterDesign()));
const all = squash(Object.values(files).join('\n'));

describe('Terraform prints an MSK cluster with SASL/SCRAM', () => {
  it('enables SCRAM and associates the secret once its value exists', () => {
    expect(all).toContain('client_authentication { sasl { scram = true } }');
    expect(all).toContain(
      squash(`resource "aws_msk_scram_secret_association" "events_scram_secrets" {
        cluster_arn = aws_msk_cluster.events.arn
        secret_arn_list = [aws_secretsmanager_secret.events_scram_secret.arn]
        depends_on = [aws_secretsmanager_secret_version.events_scram_secret]`),
    );
  });

  it('names the secret AmazonMSK_..., under its own key, with a password made once', () => {
    expect(all).toContain('name = "AmazonMSK_${local.name_prefix}-events-scram-secret"');
    expect(all).toContain('kms_key_id = aws_kms_key.events_scram_key.arn');
    expect(all).toContain(
      squash(`secret_string = jsonencode({
        username = "app-client"
        password = "\${replace(uuid(), "-", "")}\${replace(uuid(), "-", "")}"
      })
      lifecycle { ignore_changes = [secret_string] }`),
    );
  });

  it("signs the function's poller in with the secret", () => {
    expect(all).toContain(
      'source_access_configuration { type = "SASL_SCRAM_512_AUTH" uri = aws_secretsmanager_secret.events_scram_secret.arn }',
    );
  });
});
