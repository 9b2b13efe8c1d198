/**
 * A drawn WAF web ACL (waf-web-acl) with the managed rule groups and the per-IP rate rule the
 * lowering decided, associated with the stage of each REST API it protects. Distributions and
 * load balancers attach it themselves (their webAcl names it). A CLOUDFRONT ACL for environments
 * outside us-east-1 is not created here: the distributions take its ARN as a variable.
 */
import { attr, block, num, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { managedRuleGroupRules, tags, wafVisibility } from './common.ts';

export const wafWebAclEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_wafv2_web_acl.${name}.arn`),
    id: (name) => ref(`aws_wafv2_web_acl.${name}.id`),
  },
  emit(c, ctx) {
    const acl = c.drawnWebAcl;
    if (!acl) throw new Error(`waf-web-acl "${c.id}" has no resolved web ACL`);
    if (acl.source !== 'stack') return;
    const t = c.names.tfName;
    ctx.add(
      'edge.tf',
      ctx.resource('aws_wafv2_web_acl', t, c, [
        attr('name', ctx.physicalName(c.names.slug, 128)),
        attr('scope', str(acl.scope)),
        block('default_action', [], [block('allow', [], [])]),
        managedRuleGroupRules(acl.ruleGroups),
        acl.rateLimit > 0 &&
          block(
            'rule',
            [],
            [
              attr('name', str('RateLimitPerIp')),
              attr('priority', num(acl.ruleGroups.length)),
              block('action', [], [block('block', [], [])]),
              block(
                'statement',
                [],
                [
                  block(
                    'rate_based_statement',
                    [],
                    [attr('limit', num(acl.rateLimit)), attr('aggregate_key_type', str('IP'))],
                  ),
                ],
              ),
              wafVisibility('RateLimitPerIp'),
            ],
          ),
        wafVisibility(acl.metricName),
        tags(c.names.display),
      ]),
    );
    for (const apiId of acl.restApis) {
      const api = ctx.component(apiId).names.tfName;
      ctx.add(
        'edge.tf',
        block(
          'resource',
          ['aws_wafv2_web_acl_association', `${t}_${api}`],
          [
            attr('resource_arn', ref(`aws_api_gateway_stage.${api}.arn`)),
            attr('web_acl_arn', ref(`aws_wafv2_web_acl.${t}.arn`)),
          ],
        ),
      );
    }
  },
};
