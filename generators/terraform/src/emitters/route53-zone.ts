/**
 * A Route 53 hosted zone (route53-zone), private ones with a vpc block for each VPC of the
 * design, and its alias records (A, and AAAA for a distribution) to the target's DNS name and
 * alias zone (an API's: its custom domain's regional name and zone), as the lowering decided them.
 */
import { attr, block, literal, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';
import { apiDomainAliasTarget } from './api-domains.ts';

export const route53ZoneEmitter: ComponentEmitter = {
  references: {
    id: (name) => ref(`aws_route53_zone.${name}.zone_id`),
  },
  emit(c, ctx) {
    const zone = c.hostedZone;
    if (!zone) throw new Error(`route53-zone "${c.id}" has no resolved zone`);
    const t = c.names.tfName;
    ctx.add(
      'edge.tf',
      ctx.resource('aws_route53_zone', t, c, [
        attr('name', str(zone.zoneName)),
        attr('comment', str(c.names.display.slice(0, 256))),
        zone.vpcIds.map((id) => block('vpc', [], [attr('vpc_id', ctx.vpcIdOf(id))])),
        tags(c.names.display),
      ]),
    );
    for (const record of zone.records) {
      const target = ctx.component(record.targetId).names.tfName;
      const resource =
        record.targetType === 'cloudfront' ? `aws_cloudfront_distribution.${target}` : `aws_lb.${target}`;
      const alias =
        record.targetType === 'api-gateway'
          ? apiDomainAliasTarget(ctx, ctx.component(record.targetId), record.fqdn)
          : {
              name: ref(`${resource}.${record.targetType === 'cloudfront' ? 'domain_name' : 'dns_name'}`),
              zoneId:
                record.aliasZone === 'target' ? ref(`${resource}.zone_id`) : str(record.aliasZone.literal),
            };
      for (const type of record.recordTypes)
        ctx.add(
          'edge.tf',
          block(
            'resource',
            ['aws_route53_record', `${record.tfName}_${type.toLowerCase()}`],
            [
              attr('zone_id', ref(`aws_route53_zone.${t}.zone_id`)),
              attr('name', str(record.fqdn)),
              attr('type', str(type)),
              block(
                'alias',
                [],
                [
                  attr('name', alias.name),
                  attr('zone_id', alias.zoneId),
                  attr('evaluate_target_health', literal(record.evaluateTargetHealth)),
                ],
              ),
            ],
          ),
        );
    }
  },
};
