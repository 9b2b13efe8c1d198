/**
 * Application Load Balancer: TLS 1.2+ HTTPS listener when a certificate is set, port 80 only
 * redirects (ALB-01), invalid headers dropped, WAF and access logs per design (ALB-02/03),
 * one target group per route with listener rules for path patterns.
 */
import type { PropertyValue } from '@archgen/model';
import { requireResolved, type ResolvedComponent, type ResolvedRoute } from '@archgen/infra';
import { type BodyItem, attr, block, list, literal, num, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter, Presence, TfContext } from '../context.ts';
import { emitWebAcl, lambdaPermission, placementSubnets, skip, tags } from './common.ts';
import { accessLogPresence, bucketAttribute, emitBucket } from './buckets.ts';
import { albListeners, forwardingListenerArn, listenerPresence, targetGroupName } from './relationships.ts';

const address = (c: ResolvedComponent) => `aws_lb.${c.names.tfName}`;

const TARGET_TYPE: Record<string, string> = {
  'ecs-fargate': 'ip',
  eks: 'ip',
  'ec2-asg': 'instance',
  lambda: 'lambda',
};

function targetGroup(ctx: TfContext, alb: ResolvedComponent, r: ResolvedRoute): BodyItem[] {
  const target = ctx.component(r.targetId);
  const type = TARGET_TYPE[target.type] ?? 'ip';
  const name = targetGroupName(ctx, r);
  const settings =
    type === 'lambda' ? undefined : requireResolved(r.targetSettings, target, 'target group settings');
  const blocks: BodyItem[] = [
    block(
      'resource',
      ['aws_lb_target_group', name],
      [
        attr('name', ctx.physicalName(r.targetGroup!.stem, r.targetGroup!.maxLength)),
        attr('target_type', str(type)),
        type !== 'lambda' && attr('port', num(requireResolved(r.port, target, 'target port'))),
        settings && attr('protocol', str(settings.protocol)),
        type !== 'lambda' && attr('vpc_id', ctx.vpcIdOf(alb.placement!.vpcId)),
        settings && attr('deregistration_delay', num(settings.deregistrationDelaySeconds)),
        settings &&
          block(
            'health_check',
            [],
            [
              attr('path', str(settings.healthCheck.path)),
              attr('protocol', str(settings.protocol)),
              attr('matcher', str(settings.healthCheck.matcher)),
              attr('interval', num(settings.healthCheck.intervalSeconds)),
              attr('healthy_threshold', num(settings.healthCheck.healthyThreshold)),
              attr('unhealthy_threshold', num(settings.healthCheck.unhealthyThreshold)),
            ],
          ),
        tags(`${alb.names.display} to ${target.names.display}`),
      ],
    ),
  ];
  if (type === 'lambda') {
    lambdaPermission(
      ctx,
      `${name}_invoke`,
      target.id,
      'elasticloadbalancing.amazonaws.com',
      ref(`aws_lb_target_group.${name}.arn`),
    );
    blocks.push(
      block(
        'resource',
        ['aws_lb_target_group_attachment', name],
        [
          attr('target_group_arn', ref(`aws_lb_target_group.${name}.arn`)),
          attr('target_id', ctx.attribute(target.id, 'arn')),
          attr('depends_on', list([ref(`aws_lambda_permission.${name}_invoke`)])),
        ],
      ),
    );
  }
  return blocks;
}

function defaultAction(ctx: TfContext, first: ResolvedRoute | undefined): BodyItem {
  if (first)
    return block(
      'default_action',
      [],
      [
        attr('type', str('forward')),
        attr('target_group_arn', ref(`aws_lb_target_group.${targetGroupName(ctx, first)}.arn`)),
      ],
    );
  return block(
    'default_action',
    [],
    [
      attr('type', str('fixed-response')),
      block('fixed_response', [], [attr('content_type', str('text/plain')), attr('status_code', str('404'))]),
    ],
  );
}

function accessLogBucket(ctx: TfContext, alb: ResolvedComponent, presence: Presence): string {
  const name = `${alb.names.tfName}_access_logs`;
  const arn = bucketAttribute(name, 'arn', presence, 'within');
  const decided = requireResolved(alb.accessLogBucket, alb, 'access log bucket');
  // Who delivers in each environment's region (an ELB account in regions older than August
  // 2022, else the log-delivery service), as the lowering decided.
  const delivery = requireResolved(decided.albLogDelivery, alb, 'ALB log delivery');
  const principal = ctx.derived(
    alb,
    'log_delivery_principal',
    'Who delivers the access logs',
    (env): PropertyValue => {
      const by = delivery[env]!;
      return 'account' in by ? { AWS: `arn:aws:iam::${by.account}:root` } : { Service: by.service };
    },
  );
  emitBucket(ctx, name, `${alb.names.display} access logs`, {
    prefix: tpl(ctx.physicalName(`${alb.names.slug}-logs`, 36), '-'),
    kms: false,
    versioned: literal('Enabled'),
    logBucket: decided,
    presence,
    extraComments: [
      skip('CKV_AWS_18', 'this is the access log bucket; logging it would recurse'),
      skip('CKV_AWS_145', 'ALB access logs only support SSE-S3'),
    ],
    leading: ['trivy:ignore:AVD-AWS-0089', 'trivy:ignore:AVD-AWS-0132'],
    policyStatements: [
      {
        Sid: 'AllowAlbLogDelivery',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:PutObject',
        Resource: tpl(arn, `/${decided.prefix}/AWSLogs/*`),
      },
    ],
  });
  return name;
}

function webAcl(ctx: TfContext, alb: ResolvedComponent): void {
  const t = alb.names.tfName;
  const acl = emitWebAcl(ctx, alb);
  if (!acl) return;
  ctx.add(
    'edge.tf',
    block(
      'resource',
      ['aws_wafv2_web_acl_association', t],
      [
        acl.count && attr('count', acl.count),
        attr('resource_arn', ref(`${address(alb)}.arn`)),
        attr('web_acl_arn', acl.arn),
      ],
    ),
  );
}

export const albEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_lb.${name}.arn`),
    id: (name) => ref(`aws_lb.${name}.id`),
    name: (name) => ref(`aws_lb.${name}.name`),
    domainName: (name) => ref(`aws_lb.${name}.dns_name`),
    endpoint: (name) => ref(`aws_lb.${name}.dns_name`),
    fullName: (name) => ref(`aws_lb.${name}.arn_suffix`),
  },
  emit(c, ctx) {
    const t = c.names.tfName;
    const internal = ctx.text(c, 'scheme') === 'internal';
    const waf = c.webAcl !== undefined;
    const logs = accessLogPresence(ctx, c);
    const routes = ctx.graph.routes.filter((r) => r.kind === 'alb-target' && r.frontDoorId === c.id);
    const logBucket = logs ? accessLogBucket(ctx, c, logs) : undefined;
    ctx.add(
      'edge.tf',
      ctx.resource(
        'aws_lb',
        t,
        c,
        [
          !internal && skip('CKV2_AWS_76', 'the WAF rule groups are chosen per design (ALB-02)'),
          !waf && skip('CKV2_AWS_28', 'WAF is off in the design (ALB-02)'),
          (!logs || logs.count) && skip('CKV_AWS_91', 'access logs are off in the design (ALB-03)'),
          skip(
            'CKV_AWS_150',
            'deletion protection would block environment teardown; enable it for prod by hand',
          ),
          attr('name', ctx.physicalName(c.names.slug, 32)),
          attr('load_balancer_type', str('application')),
          attr('internal', literal(internal)),
          attr('security_groups', list([ctx.securityGroupOf(c)])),
          attr('subnets', placementSubnets(ctx, c)),
          attr('drop_invalid_header_fields', ctx.prop(c, 'dropInvalidHeaders')),
          attr('idle_timeout', ctx.prop(c, 'idleTimeoutSeconds')),
          logs &&
            logBucket &&
            ctx.presentBlock('access_logs', logs, [
              attr('bucket', bucketAttribute(logBucket, 'id', logs)),
              attr('prefix', str(requireResolved(c.accessLogBucket, c, 'access log bucket').prefix)),
              attr('enabled', literal(true)),
            ]),
          logBucket && attr('depends_on', list([ref(`aws_s3_bucket_policy.${logBucket}`)])),
          tags(c.names.display),
        ],
        internal ? [] : ['trivy:ignore:AVD-AWS-0053'],
      ),
    );
    for (const r of routes) ctx.add('edge.tf', ...(targetGroup(ctx, c, r) as never[]));
    const [first, ...rest] = routes;
    const plan = albListeners(c);
    const https = listenerPresence(ctx, c, 'https', plan.https);
    const redirect = listenerPresence(ctx, c, 'http_redirect', plan.httpRedirect);
    const http = listenerPresence(ctx, c, 'http', plan.httpForward);
    if (https) {
      ctx.add(
        'edge.tf',
        block(
          'resource',
          ['aws_lb_listener', `${t}_https`],
          [
            https.count && attr('count', https.count),
            attr('load_balancer_arn', ref(`${address(c)}.arn`)),
            attr('port', num(443)),
            attr('protocol', str('HTTPS')),
            attr('ssl_policy', str(plan.tlsPolicy)),
            // Where every environment has HTTPS, the design's value (a validated variable when it varies).
            attr(
              'certificate_arn',
              plan.certificateId
                ? ctx.attribute(plan.certificateId, 'arn')
                : https.count
                  ? ctx.derived(
                      c,
                      'certificate_arn',
                      'ACM certificate ARN',
                      (env) => plan.certificateArn.byEnv[env]!,
                    )
                  : ctx.prop(c, 'certificateArn'),
            ),
            defaultAction(ctx, first),
          ],
        ),
      );
    }
    if (redirect)
      ctx.add(
        'edge.tf',
        block(
          'resource',
          ['aws_lb_listener', `${t}_http_redirect`],
          [
            redirect.count && attr('count', redirect.count),
            attr('load_balancer_arn', ref(`${address(c)}.arn`)),
            attr('port', num(80)),
            attr('protocol', str('HTTP')),
            block(
              'default_action',
              [],
              [
                attr('type', str('redirect')),
                block(
                  'redirect',
                  [],
                  [
                    attr('port', str('443')),
                    attr('protocol', str('HTTPS')),
                    attr('status_code', str('HTTP_301')),
                  ],
                ),
              ],
            ),
          ],
        ),
      );
    if (http) {
      ctx.add(
        'edge.tf',
        block(
          'resource',
          ['aws_lb_listener', `${t}_http`],
          [
            skip(
              'CKV_AWS_2',
              'no certificate is set in the design yet (ALB-01): set certificateArn to serve HTTPS',
            ),
            skip('CKV_AWS_103', 'no certificate is set in the design yet (ALB-01)'),
            skip('CKV2_AWS_20', 'no certificate is set in the design yet (ALB-01)'),
            http.count && attr('count', http.count),
            attr('load_balancer_arn', ref(`${address(c)}.arn`)),
            attr('port', num(80)),
            attr('protocol', str('HTTP')),
            defaultAction(ctx, first),
          ],
          ['trivy:ignore:AVD-AWS-0054', 'Plain HTTP until the design sets a certificate (ALB-01).'],
        ),
      );
    }
    const listenerArn = forwardingListenerArn(ctx, c);
    rest.forEach((r, i) => {
      const target = ctx.component(r.targetId);
      ctx.add(
        'edge.tf',
        block(
          'resource',
          ['aws_lb_listener_rule', targetGroupName(ctx, r)],
          [
            attr('listener_arn', listenerArn),
            attr('priority', num(10 * (i + 1))),
            block(
              'action',
              [],
              [
                attr('type', str('forward')),
                attr('target_group_arn', ref(`aws_lb_target_group.${targetGroupName(ctx, r)}.arn`)),
              ],
            ),
            block(
              'condition',
              [],
              [
                block(
                  'path_pattern',
                  [],
                  [attr('values', list([str(r.pathPattern ?? `/${target.names.slug}/*`)]))],
                ),
              ],
            ),
          ],
        ),
      );
    });
    if (waf) webAcl(ctx, c);
    ctx.output(
      `${t}_dns_name`,
      ref(`${address(c)}.dns_name`),
      `DNS name of the load balancer "${c.names.display}"`,
    );
  },
};
