/**
 * Application Load Balancer: HTTPS listener with TLS 1.2+ where an environment has a certificate,
 * port 80 redirecting to it (or forwarding where there is no certificate), one target group per
 * route with path rules (ALB-01/02), dropped invalid headers, access logs and WAF as designed
 * (ALB-02/03). Lambda targets get an invoke permission.
 */
import { requireResolved, type ResolvedComponent, type ResolvedRoute } from '@archgen/infra';
import type { ComponentEmitter, EmitContext, Flag, Suppression } from '../context.ts';
import { getAtt, ref, type TemplateValue } from '../template/intrinsics.ts';
import { dependencyOn, webAcl } from './common.ts';
import { logBucket } from './log-bucket.ts';
import { lambdaPermission, listenerPlan, targetGroupId } from './relationships.ts';

/** The HTTPS listener's certificate in the environments that have one (left out elsewhere). */
function certificateArn(alb: ResolvedComponent, ctx: EmitContext): TemplateValue | undefined {
  // A drawn certificate serves every environment.
  if (alb.listeners!.certificateId) return ctx.attribute(alb.listeners!.certificateId, 'arn');
  const byEnv = ctx.byEnvironmentOf(alb.listeners!.certificateArn);
  const values: Record<string, TemplateValue | undefined> = {};
  for (const env of ctx.environments) values[env] = byEnv[env] === '' ? undefined : byEnv[env];
  return ctx.byEnvironment(values, {
    parameter: `${alb.names.logicalId}CertificateArn`,
    description: `certificateArn of ${alb.names.display}`,
    group: alb.names.display,
  });
}

function emitTargetGroup(alb: ResolvedComponent, route: ResolvedRoute, ctx: EmitContext): string {
  const target = ctx.component(route.targetId);
  const id = targetGroupId(ctx, route);
  const vpcId = alb.placement ? ref(ctx.vpc(alb.placement.vpcId).names.logicalId) : undefined;
  if (target.type === 'lambda') {
    const permission = lambdaPermission(
      ctx,
      target.id,
      `${target.names.logicalId}InvokeFrom${alb.names.logicalId}`,
      'elasticloadbalancing.amazonaws.com',
      {
        account: true,
      },
    );
    ctx.template.addResource(id, {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      DependsOn: [permission],
      Properties: {
        TargetType: 'lambda',
        Targets: [{ Id: getAtt(target.names.logicalId, 'Arn') }],
        Tags: ctx.tags(),
      },
    });
    return id;
  }
  const settings = requireResolved(route.targetSettings, target, 'target group settings');
  ctx.template.addResource(
    id,
    {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: {
        TargetType: target.type === 'ec2-asg' ? 'instance' : 'ip',
        Protocol: settings.protocol,
        Port: requireResolved(route.port, target, 'target port'),
        VpcId: vpcId,
        HealthCheckPath: settings.healthCheck.path,
        HealthCheckIntervalSeconds: settings.healthCheck.intervalSeconds,
        HealthyThresholdCount: settings.healthCheck.healthyThreshold,
        UnhealthyThresholdCount: settings.healthCheck.unhealthyThreshold,
        Matcher: { HttpCode: settings.healthCheck.matcher },
        TargetGroupAttributes: [
          {
            Key: 'deregistration_delay.timeout_seconds',
            Value: String(settings.deregistrationDelaySeconds),
          },
        ],
        Tags: ctx.tags(),
      },
    },
    target.type === 'eks'
      ? 'Pods register through the AWS Load Balancer Controller (a TargetGroupBinding for this target group).'
      : undefined,
  );
  return id;
}

export const albEmitter: ComponentEmitter = {
  references: {
    arn: (id) => ref(id),
    domainName: (id) => getAtt(id, 'DNSName'),
    fullName: (id) => getAtt(id, 'LoadBalancerFullName'),
    name: (id) => getAtt(id, 'LoadBalancerName'),
  },
  emit(alb, ctx) {
    const id = alb.names.logicalId;
    if (!alb.placement) throw new Error(`ALB ${alb.id} has no subnet placement`);
    const internetFacing = ctx.constant(alb, 'scheme') !== 'internal';
    const accessLogs = ctx.flag(alb, 'accessLogs');
    const logs = logBucket(ctx, alb, accessLogs);
    const attributes: TemplateValue[] = [
      { Key: 'idle_timeout.timeout_seconds', Value: ctx.value(alb, 'idleTimeoutSeconds', (s) => String(s))! },
      {
        Key: 'routing.http.drop_invalid_header_fields.enabled',
        Value: ctx.value(alb, 'dropInvalidHeaders', (on) => String(on === true))!,
      },
      { Key: 'access_logs.s3.enabled', Value: ctx.choose(accessLogs, 'true', 'false')! },
    ];
    if (logs) {
      attributes.push(ctx.choose(accessLogs, { Key: 'access_logs.s3.bucket', Value: ref(logs) }, undefined)!);
      attributes.push(
        ctx.choose(
          accessLogs,
          {
            Key: 'access_logs.s3.prefix',
            Value: requireResolved(alb.accessLogBucket, alb, 'access log bucket').prefix,
          },
          undefined,
        )!,
      );
    }
    const suppressions: Suppression[] = internetFacing
      ? [{ id: 'CNAG W52', reason: 'Access logging follows the design property accessLogs (ALB-03)' }]
      : [];
    ctx.template.addResource(id, {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      // ALB checks that it may write to the log bucket when logging is switched on.
      DependsOn: logs
        ? dependencyOn(
            ctx,
            `${id}LogBucketReady`,
            [[accessLogs, `${logs}Policy`]],
            'Depends on the log bucket policy where access logs are on.',
          )
        : undefined,
      Metadata: ctx.metadata(alb.acknowledgements, suppressions),
      Properties: {
        Type: 'application',
        Scheme: internetFacing ? 'internet-facing' : 'internal',
        Subnets: ctx.subnetIds(alb.placement.vpcId, alb.placement.tier),
        SecurityGroups: ctx.securityGroupIds(alb),
        LoadBalancerAttributes: attributes,
        Tags: ctx.tags(alb.names.display),
      },
    });

    const routes = ctx.graph.routes.filter((r) => r.kind === 'alb-target' && r.frontDoorId === alb.id);
    const targetGroups = routes.map((route) => emitTargetGroup(alb, route, ctx));
    const forward: TemplateValue =
      targetGroups.length > 0
        ? [{ Type: 'forward', TargetGroupArn: ref(targetGroups[0]!) }]
        : [
            {
              Type: 'fixed-response',
              FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not found' },
            },
          ];
    const redirect: TemplateValue = [
      { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
    ];
    const plan = listenerPlan(alb, ctx);
    const condition = (flag: Flag) => (typeof flag === 'string' ? flag : undefined);

    if (plan.https !== false) {
      ctx.template.addResource(`${id}HttpsListener`, {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Condition: condition(plan.https),
        Properties: {
          LoadBalancerArn: ref(id),
          Port: 443,
          Protocol: 'HTTPS',
          SslPolicy: alb.listeners!.tlsPolicy,
          Certificates: [{ CertificateArn: certificateArn(alb, ctx) }],
          DefaultActions: forward,
        },
      });
    }
    if (plan.http !== false) {
      ctx.template.addResource(`${id}HttpListener`, {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Condition: condition(plan.http),
        Metadata: ctx.metadata(
          [],
          [
            {
              id: 'CKV_AWS_2',
              reason: 'Port 80 redirects to HTTPS wherever the environment has a certificate',
            },
            {
              id: 'CKV_AWS_103',
              reason: 'Port 80 redirects to HTTPS wherever the environment has a certificate',
            },
          ],
        ),
        Properties: {
          LoadBalancerArn: ref(id),
          Port: 80,
          Protocol: 'HTTP',
          DefaultActions: ctx.choose(plan.httpForwards, forward, redirect),
        },
      });
    }
    // Further routes by path, on whichever listener forwards in each environment.
    routes.forEach((route, i) => {
      if (i === 0) return;
      const conditions = [
        {
          Field: 'path-pattern',
          PathPatternConfig: {
            Values: [route.pathPattern ?? `/${ctx.component(route.targetId).names.slug}/*`],
          },
        },
      ];
      const actions = [{ Type: 'forward', TargetGroupArn: ref(targetGroups[i]!) }];
      for (const [flag, listener] of [
        [plan.https, `${id}HttpsListener`],
        [plan.httpForwards, `${id}HttpListener`],
      ] as const) {
        if (flag === false) continue;
        ctx.template.addResource(`${listener}Rule${i}`, {
          Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
          Condition: condition(flag),
          Properties: { ListenerArn: ref(listener), Priority: i, Conditions: conditions, Actions: actions },
        });
      }
    });

    const acl = webAcl(ctx, alb);
    if (acl)
      ctx.template.addResource(`${id}WebAclAssociation`, {
        Type: 'AWS::WAFv2::WebACLAssociation',
        Condition: condition(acl.flag),
        Properties: { ResourceArn: ref(id), WebACLArn: getAtt(acl.id, 'Arn') },
      });

    ctx.template.addOutput(`${id}DnsName`, {
      Description: `DNS name of ${alb.names.display}`,
      Value: getAtt(id, 'DNSName'),
      exportName: `${id}DnsName`,
    });
  },
};
