import { FIREHOSE_OPENSEARCH_MAX_BUFFER_MB } from '@archgen/model';
import type { Rule } from '../../types.ts';
import { checkNodes, num, outgoingOf } from '../../rule-kit.ts';

/**
 * An OpenSearch destination buffers at most 100 MB (S3 takes 128): CloudFormation's resource
 * schema and the Firehose API (AmazonopensearchserviceBufferingHints.SizeInMBs, 1-100) refuse a
 * larger buffer, so the generated code would not deploy (terraform validate does not check it).
 */
export const FH_03: Rule = {
  id: 'FH-03',
  title: 'Firehose streams to OpenSearch buffer at most 100 MB',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  breaksGeneratedCode: {
    reason: 'Firehose and CloudFormation refuse an OpenSearch destination buffer above 100 MB at deploy',
  },
  check: (ctx) =>
    checkNodes(ctx, FH_03, ['firehose'], 'all', (node, props) => {
      const toDomain = outgoingOf(ctx, node.id, ['write']).some(
        (c) => ctx.nodesById.get(c.to)?.type === 'opensearch',
      );
      const size = num(props, 'bufferSizeMb') ?? 0;
      return toDomain && size > FIREHOSE_OPENSEARCH_MAX_BUFFER_MB
        ? {
            message: `${node.name} buffers ${size} MB for an OpenSearch domain, which takes at most ${FIREHOSE_OPENSEARCH_MAX_BUFFER_MB} MB`,
            why: 'OpenSearch destinations index each buffer as one bulk request; Firehose caps it at 100 MB and refuses the stream otherwise.',
            fixTitle: `Buffer ${FIREHOSE_OPENSEARCH_MAX_BUFFER_MB} MB`,
            set: { bufferSizeMb: FIREHOSE_OPENSEARCH_MAX_BUFFER_MB },
          }
        : undefined;
    }),
};
