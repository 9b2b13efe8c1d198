/** OpenSearch domain in the VPC: encrypted, node-to-node TLS, HTTPS only, zone aware (OS-01/02). */
import { requireResolved, type ResolvedComponent } from '@archgen/infra';
import { attr, binary, block, call, cond, list, literal, num, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { engineVersion, jsonencode, placementSubnets, protectionLifecycle, skip, tags } from './common.ts';

const address = (c: ResolvedComponent) => `aws_opensearch_domain.${c.names.tfName}`;

export const opensearchEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_opensearch_domain.${name}.arn`),
    id: (name) => ref(`aws_opensearch_domain.${name}.domain_id`),
    name: (name) => ref(`aws_opensearch_domain.${name}.domain_name`),
    endpoint: (name) => ref(`aws_opensearch_domain.${name}.endpoint`),
  },
  emit(c, ctx) {
    // The lowering's zones per environment (1: not zone aware); one subnet per zone.
    const zoneCount = requireResolved(c.zoneCount, c, 'zone count');
    const zones = ctx.derived(c, 'zone_count', 'Availability zones', (env) => zoneCount.byEnv[env]!);
    const counts = new Set(ctx.environments.map((env) => zoneCount.byEnv[env]!));
    const zoneAware = [...counts].some((n) => n > 1);
    // Zone awareness where the zone count says so: literal when every environment agrees.
    const awareness =
      counts.size === 1
        ? [
            attr('zone_awareness_enabled', literal(zoneAware)),
            zoneAware && block('zone_awareness_config', [], [attr('availability_zone_count', zones)]),
          ]
        : [
            attr('zone_awareness_enabled', binary(zones, '>', num(1))),
            block(
              'dynamic',
              ['zone_awareness_config'],
              [
                attr('for_each', cond(binary(zones, '>', num(1)), list([num(1)]), list([]))),
                block('content', [], [attr('availability_zone_count', zones)]),
              ],
            ),
          ];
    const dedicatedIn = (env: string) => ctx.flagIn(c, 'dedicatedMasters', env) === true;
    const dedicated = ctx.environments.some(dedicatedIn);
    // The lowering's log group receives slow search, slow index and application logs; OpenSearch
    // may write there only through a resource policy, which must exist first.
    const logGroupArn = ctx.attribute(requireResolved(c.logGroupId, c, 'log group'), 'arn');
    const policy = `${c.names.tfName}_logs`;
    ctx.add(
      'data.tf',
      block(
        'resource',
        ['aws_cloudwatch_log_resource_policy', policy],
        [
          attr('policy_name', tpl(ctx.physicalName(c.names.slug, 200), '-logs')),
          attr(
            'policy_document',
            jsonencode({
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Service: 'es.amazonaws.com' },
                  Action: ['logs:PutLogEvents', 'logs:CreateLogStream'],
                  Resource: tpl(logGroupArn, ':*'),
                },
              ],
            }),
          ),
        ],
      ),
    );
    const publish = (type: string) =>
      block(
        'log_publishing_options',
        [],
        [
          attr('log_type', str(type)),
          attr('cloudwatch_log_group_arn', logGroupArn),
          attr('enabled', literal(true)),
        ],
      );
    ctx.add(
      'data.tf',
      ctx.resource('aws_opensearch_domain', c.names.tfName, c, [
        skip(
          'CKV_AWS_317',
          'audit logs need a resource policy on the log group; enable them with fine-grained access control',
        ),
        skip('CKV_AWS_318', 'dedicated masters follow the design (OS-02 recommends them for prod)'),
        skip('CKV2_AWS_59', 'dedicated masters follow the design (OS-02 recommends them for prod)'),
        attr('domain_name', ctx.physicalName(c.names.slug, 28)),
        attr('engine_version', engineVersion(ctx, c)),
        block(
          'cluster_config',
          [],
          [
            attr('instance_type', ctx.prop(c, 'instanceType')),
            attr('instance_count', ctx.prop(c, 'instanceCount')),
            ...awareness,
            attr('dedicated_master_enabled', ctx.prop(c, 'dedicatedMasters')),
            dedicated &&
              attr(
                'dedicated_master_type',
                ctx.derived(c, 'dedicated_master_type', 'Dedicated master type', (env) =>
                  dedicatedIn(env) ? ctx.textIn(c, 'instanceType', env) : null,
                ),
              ),
            dedicated &&
              attr(
                'dedicated_master_count',
                ctx.derived(c, 'dedicated_master_count', 'Dedicated masters', (env) =>
                  dedicatedIn(env) ? 3 : null,
                ),
              ),
          ],
        ),
        block(
          'ebs_options',
          [],
          [
            attr('ebs_enabled', literal(true)),
            attr('volume_type', str('gp3')),
            attr('volume_size', ctx.prop(c, 'volumeSizeGb')),
          ],
        ),
        block('encrypt_at_rest', [], [attr('enabled', ctx.prop(c, 'encryptionAtRest'))]),
        block('node_to_node_encryption', [], [attr('enabled', ctx.prop(c, 'nodeToNodeEncryption'))]),
        block(
          'domain_endpoint_options',
          [],
          [
            attr('enforce_https', ctx.prop(c, 'enforceHttps')),
            attr('tls_security_policy', str('Policy-Min-TLS-1-2-2019-07')),
          ],
        ),
        block(
          'vpc_options',
          [],
          [
            attr('subnet_ids', call('slice', placementSubnets(ctx, c), num(0), zones)),
            attr('security_group_ids', literal([ctx.securityGroupOf(c)])),
          ],
        ),
        publish('SEARCH_SLOW_LOGS'),
        publish('INDEX_SLOW_LOGS'),
        publish('ES_APPLICATION_LOGS'),
        attr('depends_on', list([ref(`aws_cloudwatch_log_resource_policy.${policy}`)])),
        tags(c.names.display),
        protectionLifecycle(c),
      ]),
    );
    ctx.output(
      `${c.names.tfName}_endpoint`,
      ref(`${address(c)}.endpoint`),
      `Endpoint of "${c.names.display}"`,
    );
  },
};
