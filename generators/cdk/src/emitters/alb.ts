/** Application Load Balancers. */
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, comment, cond, ifStmt, lit, member, newExpr, obj } from '../ts/ast.ts';
import {
  accessLogBucket,
  acknowledgeDesignRisks,
  securityGroupOf,
  subnetSelection,
  vpcOf,
  resolvedFlag,
  webAcl,
} from './common.ts';

export const albEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: Application Load Balancer.`);
    const internetFacing = ctx.str(component, 'scheme') === 'internet-facing';
    const alb = ctx.declare(
      name,
      newExpr(
        ctx.api('elbv2', 'ApplicationLoadBalancer'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          vpc: vpcOf(ctx, component),
          vpcSubnets: subnetSelection(component),
          internetFacing: lit(internetFacing),
          securityGroup: securityGroupOf(ctx, component),
          idleTimeout: ctx.duration('seconds', ctx.value(component, 'idleTimeoutSeconds')),
          dropInvalidHeaderFields: ctx.value(component, 'dropInvalidHeaders'),
        }),
      ),
    );
    // The lowering's prefix; CDK grants the region's log-delivery principal itself.
    accessLogBucket(ctx, component)?.use((bucket) =>
      ctx.expr(call(member(alb, 'logAccessLogs'), bucket, lit(component.accessLogBucket!.prefix))),
    );
    const notFound = call(
      ctx.api('elbv2', 'ListenerAction.fixedResponse'),
      lit(404),
      obj({ contentType: lit('text/plain'), messageBody: lit('Not found') }),
    );
    // The listeners the lowering decided per environment: HTTPS where a certificate is set (port
    // 80 redirecting where httpRedirect is on), plain HTTP forwarding where none is.
    const plan = component.listeners;
    if (!plan) throw new Error(`ALB "${component.id}" has no listeners in the resolved graph`);
    const https = resolvedFlag(ctx, component, 'Https', plan.https, 'HTTPS listener (a certificate is set)');
    const certificates = ctx.graph.environments.map((env) => plan.certificateArn.byEnv[env] ?? '');
    const certificate = () =>
      certificates.every((arn) => arn === certificates[0])
        ? lit(certificates[0]!)
        : ctx.configMember(
            ctx.addConfigEntry(
              `${name}CertificateArn`,
              plan.certificateArn.byEnv,
              `${component.names.display}: ACM certificate of the HTTPS listener ('' where plain HTTP)`,
            ),
          );
    const httpsListener = () =>
      call(
        member(alb, 'addListener'),
        lit('HttpsListener'),
        obj({
          port: lit(443),
          protocol: ctx.api('elbv2', 'ApplicationProtocol.HTTPS'),
          // A drawn certificate (the same in every environment), else the certificateArn.
          certificates: arr([
            plan.certificateId
              ? call(
                  ctx.api('elbv2', 'ListenerCertificate.fromCertificateManager'),
                  ctx.handle(plan.certificateId).construct,
                )
              : call(ctx.api('elbv2', 'ListenerCertificate.fromArn'), certificate()),
          ]),
          sslPolicy: ctx.api('elbv2', 'SslPolicy.RECOMMENDED_TLS'),
          open: lit(false),
          defaultAction: notFound,
        }),
      );
    const httpListener = () =>
      call(
        member(alb, 'addListener'),
        lit('HttpListener'),
        obj({
          port: lit(80),
          protocol: ctx.api('elbv2', 'ApplicationProtocol.HTTP'),
          open: lit(false),
          defaultAction: notFound,
        }),
      );
    let listener: Expr;
    if (!https) {
      ctx.add(
        comment('No certificate in the design (certificateArn): plain HTTP until one is set (ALB-01).'),
      );
      listener = ctx.declare(`${name}HttpListener`, httpListener());
    } else if (https.test) {
      ctx.add(comment('HTTPS where the environment has a certificate, plain HTTP elsewhere (ALB-01).'));
      listener = ctx.declare(`${name}Listener`, cond(https.test, httpsListener(), httpListener()));
    } else listener = ctx.declare(`${name}HttpsListener`, httpsListener());
    const redirect = resolvedFlag(
      ctx,
      component,
      'HttpRedirect',
      plan.httpRedirect,
      'port 80 redirects to HTTPS',
    );
    if (redirect) {
      const addRedirect = () =>
        ctx.expr(
          call(
            member(alb, 'addRedirect'),
            obj({ sourcePort: lit(80), targetPort: lit(443), open: lit(false) }),
          ),
        );
      if (redirect.test) ctx.add(ifStmt(redirect.test, ctx.capture(addRedirect)));
      else addRedirect();
    }
    const waf = resolvedFlag(ctx, component, 'WebAcl', component.webAcl?.enabled, 'WAF web ACL attached');
    if (waf) {
      const attach = () => {
        const acl = webAcl(ctx, component);
        ctx.expr(
          newExpr(
            ctx.api('wafv2', 'CfnWebACLAssociation'),
            ctx.scope,
            lit(`${component.names.logicalId}WebAclAssociation`),
            obj({ resourceArn: member(alb, 'loadBalancerArn'), webAclArn: member(acl, 'attrArn') }),
          ),
        );
      };
      // Only in the environments whose config says so.
      if (waf.test) ctx.add(ifStmt(waf.test, ctx.capture(attach)));
      else attach();
    }
    acknowledgeDesignRisks(ctx, component, alb);
    ctx.register(component.id, {
      construct: alb,
      attributes: {
        arn: member(alb, 'loadBalancerArn'),
        name: member(alb, 'loadBalancerName'),
        fullName: member(alb, 'loadBalancerFullName'),
        domainName: member(alb, 'loadBalancerDnsName'),
        endpoint: member(alb, 'loadBalancerDnsName'),
      },
      extras: { listener },
    });
  },
};
