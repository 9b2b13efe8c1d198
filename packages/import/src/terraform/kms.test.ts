import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { importTerraform } from './index.ts';

const HCL = `
resource "aws_kms_key" "shared" {
  description             = "shared key"
  enable_key_rotation     = true
  deletion_window_in_days = 14
}

resource "aws_kms_alias" "shared" {
  name          = "alias/shared-data"
  target_key_id = aws_kms_key.shared.key_id
}

resource "aws_kms_key" "bucket" {}

resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.bucket.arn
    }
  }
}
`;

describe('importTerraform: KMS keys', () => {
  it('reads a key no node uses as a kms-key node with its alias; a bucket keeps its own key as a part', async () => {
    const r = await importTerraform([{ path: 'main.tf', text: HCL }], { parseHcl: parse });
    const outcome = (address: string) => r.report.resources.find((e) => e.sourceId === address)!.outcome;
    expect(outcome('aws_kms_key.shared')).toMatchObject({ kind: 'node' });
    const key = r.design.nodes.find((n) => n.type === 'kms-key')!;
    expect(key.properties).toEqual({ enableKeyRotation: true, pendingWindowDays: 14, alias: 'shared-data' });
    expect(outcome('aws_kms_alias.shared')).toMatchObject({ kind: 'part-of', nodeId: key.id });
    expect(outcome('aws_kms_key.bucket')).toMatchObject({ kind: 'part-of' });
    expect(r.design.nodes.filter((n) => n.type === 'kms-key')).toHaveLength(1);
  });
});
