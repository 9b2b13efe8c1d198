/** Athena workgroup: enforced configuration, scan cutoff, results under its prefix in the design's bucket. */
import { ATHENA_RECURSIVE_DELETE, DECIDED_PROPS, requireResolved } from '@archgen/infra';
import { attr, block, cond, list, literal, num, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

export const athenaEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_athena_workgroup.${name}.arn`),
    name: (name) => ref(`aws_athena_workgroup.${name}.name`),
    id: (name) => ref(`aws_athena_workgroup.${name}.id`),
  },
  emit(c, ctx) {
    // The lowering always names the results bucket and prefix: the design's bucket or a derived one.
    const results = requireResolved(c.outputBucketId, c, 'results bucket');
    const prefix = requireResolved(c.resultsPrefix, c, 'results prefix');
    // Encrypted results per environment: a plain block where every environment encrypts.
    const sseS3 = [attr('encryption_option', str('SSE_S3'))];
    const encrypting = ctx.environments.filter((env) => ctx.flagIn(c, 'resultsEncryption', env));
    const encryptionBlock =
      encrypting.length === ctx.environments.length
        ? block('encryption_configuration', [], sseS3)
        : encrypting.length > 0
          ? block(
              'dynamic',
              ['encryption_configuration'],
              [
                attr('for_each', cond(ctx.prop(c, 'resultsEncryption'), list([num(1)]), list([]))),
                block('content', [], sseS3),
              ],
            )
          : undefined;
    ctx.add(
      'data.tf',
      ctx.resource('aws_athena_workgroup', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, 128)),
        attr('description', str(c.names.display.slice(0, 1024))),
        block(
          'configuration',
          [],
          [
            attr('enforce_workgroup_configuration', ctx.prop(c, 'enforceConfiguration')),
            attr('publish_cloudwatch_metrics_enabled', literal(true)),
            // The lowering's limit in bytes; null (no limit) leaves it unset.
            attr('bytes_scanned_cutoff_per_query', ctx.prop(c, DECIDED_PROPS.bytesScannedCutoffBytes)),
            block(
              'result_configuration',
              [],
              [
                attr('output_location', tpl('s3://', ctx.attribute(results, 'name'), `/${prefix}`)),
                encryptionBlock,
              ],
            ),
          ],
        ),
        attr('force_destroy', literal(ATHENA_RECURSIVE_DELETE)),
        tags(c.names.display),
      ]),
    );
  },
};
