/**
 * An ACM certificate (acm-certificate): aws_acm_certificate and, validated by DNS in a connected
 * hosted zone, one aws_route53_record per validation option and aws_acm_certificate_validation,
 * which front doors wait for through the certificate's ARN. Validated by hand or by email, the
 * ARN is the certificate's own.
 */
import { attr, block, list, literal, raw, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

export const acmCertificateEmitter: ComponentEmitter = {
  references: {
    // The validated ARN: a listener or distribution never takes a certificate still pending.
    arn: (name, c) =>
      c.acmCertificate?.zoneId
        ? ref(`aws_acm_certificate_validation.${name}.certificate_arn`)
        : ref(`aws_acm_certificate.${name}.arn`),
  },
  emit(c, ctx) {
    const decided = c.acmCertificate;
    if (!decided) throw new Error(`acm-certificate "${c.id}" has no resolved certificate`);
    const t = c.names.tfName;
    ctx.add(
      'edge.tf',
      ctx.resource('aws_acm_certificate', t, c, [
        attr('domain_name', str(decided.domainName)),
        decided.subjectAlternativeNames.length > 0 &&
          attr('subject_alternative_names', list(decided.subjectAlternativeNames.map((n) => str(n)))),
        attr('validation_method', str(decided.validation)),
        attr('key_algorithm', str(decided.keyAlgorithm)),
        block(
          'options',
          [],
          [
            attr(
              'certificate_transparency_logging_preference',
              str(decided.transparencyLogging ? 'ENABLED' : 'DISABLED'),
            ),
          ],
        ),
        // A listener keeps the old certificate until the new one exists.
        block('lifecycle', [], [attr('create_before_destroy', literal(true))]),
        tags(c.names.display),
      ]),
    );
    if (!decided.zoneId) return;
    const zone = ctx.attribute(decided.zoneId, 'id');
    // One record per validation option; a wildcard and its apex share one, hence allow_overwrite.
    ctx.add(
      'edge.tf',
      block(
        'resource',
        ['aws_route53_record', `${t}_validation`],
        [
          attr(
            'for_each',
            raw(
              `{ for option in aws_acm_certificate.${t}.domain_validation_options : option.domain_name => { name = option.resource_record_name, record = option.resource_record_value, type = option.resource_record_type } }`,
            ),
          ),
          attr('allow_overwrite', literal(true)),
          attr('zone_id', zone),
          attr('name', ref('each.value.name')),
          attr('type', ref('each.value.type')),
          attr('ttl', literal(60)),
          attr('records', list([ref('each.value.record')])),
        ],
      ),
    );
    ctx.add(
      'edge.tf',
      block(
        'resource',
        ['aws_acm_certificate_validation', t],
        [
          attr('certificate_arn', ref(`aws_acm_certificate.${t}.arn`)),
          attr(
            'validation_record_fqdns',
            raw(`[for record in aws_route53_record.${t}_validation : record.fqdn]`),
          ),
        ],
      ),
    );
  },
};
