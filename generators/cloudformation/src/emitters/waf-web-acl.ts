/**
 * A drawn WAF web ACL (waf-web-acl) with the managed rule groups and the per-IP rate rule the
 * lowering decided, associated with the stage of each REST API it protects. Distributions and
 * load balancers attach it themselves (their webAcl names it). A CLOUDFRONT ACL for environments
 * outside us-east-1 is not created here: the distributions take its ARN as a parameter.
 */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, sub } from '../template/intrinsics.ts';

const visibility = (metric: string) => ({
  CloudWatchMetricsEnabled: true,
  MetricName: metric,
  SampledRequestsEnabled: true,
});

export const wafWebAclEmitter: ComponentEmitter = {
  references: { arn: (id) => getAtt(id, 'Arn'), id: (id) => getAtt(id, 'Id') },
  emit(component, ctx) {
    const acl = component.drawnWebAcl;
    if (!acl) throw new Error(`waf-web-acl "${component.id}" has no resolved web ACL`);
    if (acl.source !== 'stack') return;
    const id = component.names.logicalId;
    ctx.template.addResource(id, {
      Type: 'AWS::WAFv2::WebACL',
      Metadata: ctx.metadata(component.acknowledgements),
      Properties: {
        Scope: acl.scope,
        DefaultAction: { Allow: {} },
        VisibilityConfig: visibility(acl.metricName),
        Rules: [
          ...acl.ruleGroups.map((group, i) => ({
            Name: group.name,
            Priority: i,
            OverrideAction: { None: {} },
            Statement: { ManagedRuleGroupStatement: { VendorName: group.vendor, Name: group.name } },
            VisibilityConfig: visibility(group.name),
          })),
          ...(acl.rateLimit > 0
            ? [
                {
                  Name: 'RateLimitPerIp',
                  Priority: acl.ruleGroups.length,
                  Action: { Block: {} },
                  Statement: { RateBasedStatement: { Limit: acl.rateLimit, AggregateKeyType: 'IP' } },
                  VisibilityConfig: visibility('RateLimitPerIp'),
                },
              ]
            : []),
        ],
        Tags: ctx.tags(component.names.display),
      },
    });
    for (const apiId of acl.restApis) {
      const api = ctx.logicalId(apiId);
      ctx.template.addResource(`${id}${api}Association`, {
        Type: 'AWS::WAFv2::WebACLAssociation',
        // The stage is named in the ARN only: wait for it.
        DependsOn: [`${api}Stage`],
        Properties: {
          ResourceArn: sub(
            `arn:\${AWS::Partition}:apigateway:\${AWS::Region}::/restapis/\${${api}}/stages/\${${api}Stage}`,
          ),
          WebACLArn: getAtt(id, 'Arn'),
        },
      });
    }
  },
};
