/** Athena workgroup: enforced configuration, scan cutoff, results in the design's bucket. */
import { attr, binary, block, literal, num, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

export const athenaEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_athena_workgroup.${name}.arn`),
    name: (name) => ref(`aws_athena_workgroup.${name}.name`),
    id: (name) => ref(`aws_athena_workgroup.${name}.id`),
  },
  emit(c, ctx) {
    const results = ctx.findComponent(c.outputBucketId);
    const encrypted = ctx.flag(c, 'resultsEncryption');
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
            attr(
              'bytes_scanned_cutoff_per_query',
              binary(ctx.prop(c, 'bytesScannedCutoffGb'), '*', num(1073741824)),
            ),
            (results || encrypted) &&
              block(
                'result_configuration',
                [],
                [
                  results &&
                    attr(
                      'output_location',
                      tpl('s3://', ctx.attribute(results.id, 'name'), '/athena-results/'),
                    ),
                  encrypted &&
                    block('encryption_configuration', [], [attr('encryption_option', str('SSE_S3'))]),
                ],
              ),
          ],
        ),
        tags(c.names.display),
      ]),
    );
  },
};
