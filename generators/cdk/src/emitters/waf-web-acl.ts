/**
 * A drawn WAF web ACL (waf-web-acl): wafv2.CfnWebACL (no L2 exists) with the managed rule groups
 * and the per-IP rate rule the lowering decided, associated with the stage of each REST API it
 * protects. Distributions and load balancers attach it themselves (their webAcl names it).
 */
import type { ComponentEmitter } from './types.ts';
import { arr, comment, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks } from './common.ts';

const visibility = (metricName: string) =>
  obj({
    cloudWatchMetricsEnabled: lit(true),
    metricName: lit(metricName),
    sampledRequestsEnabled: lit(true),
  });

export const wafWebAclEmitter: ComponentEmitter = {
  dependencies: (component) => component.drawnWebAcl?.restApis ?? [],
  emit(component, ctx) {
    const decided = component.drawnWebAcl;
    if (!decided) throw new Error(`waf-web-acl "${component.id}" has no resolved web ACL`);
    if (decided.source === 'external') {
      // Only us-east-1 can hold a CLOUDFRONT ACL: the distributions take its ARN from config.
      ctx.add(
        comment(
          `${component.names.logicalId}: CLOUDFRONT-scope web ACL, created in us-east-1 outside this stack (some environments deploy elsewhere).`,
        ),
      );
      return;
    }
    ctx.section(`${component.names.logicalId}: WAF web ACL (${decided.scope}).`);
    const managed = decided.ruleGroups.map((group, priority) =>
      obj({
        name: lit(group.name),
        priority: lit(priority),
        overrideAction: obj({ none: obj({}) }),
        statement: obj({
          managedRuleGroupStatement: obj({ vendorName: lit(group.vendor), name: lit(group.name) }),
        }),
        visibilityConfig: visibility(group.name),
      }),
    );
    const rate = decided.rateLimit
      ? [
          obj({
            name: lit('RateLimitPerIp'),
            priority: lit(decided.ruleGroups.length),
            action: obj({ block: obj({}) }),
            statement: obj({
              rateBasedStatement: obj({ limit: lit(decided.rateLimit), aggregateKeyType: lit('IP') }),
            }),
            visibilityConfig: visibility('RateLimitPerIp'),
          }),
        ]
      : [];
    const acl = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('wafv2', 'CfnWebACL'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          scope: lit(decided.scope),
          defaultAction: obj({ allow: obj({}) }),
          visibilityConfig: visibility(decided.metricName),
          rules: arr([...managed, ...rate]),
        }),
      ),
    );
    for (const apiId of decided.restApis) {
      const api = ctx.component(apiId);
      ctx.expr(
        newExpr(
          ctx.api('wafv2', 'CfnWebACLAssociation'),
          ctx.scope,
          lit(`${component.names.logicalId}${api.names.logicalId}Association`),
          obj({
            resourceArn: member(member(ctx.handle(apiId).construct, 'deploymentStage'), 'stageArn'),
            webAclArn: member(acl, 'attrArn'),
          }),
        ),
      );
    }
    acknowledgeDesignRisks(ctx, component, acl);
    ctx.register(component.id, {
      construct: acl,
      attributes: { arn: member(acl, 'attrArn'), id: member(acl, 'attrId') },
    });
  },
};
