/** DynamoDB table: composite keys, GSIs, PITR (DDB-01), explicit billing with auto scaling (DDB-02). */
import type { ResolvedComponent } from '@archgen/infra';
import {
  type BodyItem,
  type Expr,
  attr,
  attrs,
  block,
  list,
  literal,
  num,
  ref,
  str,
  tpl,
} from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import { deletionProtectionValue, protectionLifecycle, tags } from './common.ts';

/** Whether the table is encrypted under the AWS managed aws/dynamodb key (the lowering's decision). */
const awsManagedKey = (c: ResolvedComponent): boolean =>
  Object.values(c.encryption?.kind.byEnv ?? {}).every((k) => k === 'aws-managed');

const address = (c: ResolvedComponent) => `aws_dynamodb_table.${c.names.tfName}`;

const STREAM_VIEW: Record<string, string> = {
  'new-image': 'NEW_IMAGE',
  'new-and-old-images': 'NEW_AND_OLD_IMAGES',
  'keys-only': 'KEYS_ONLY',
};

interface Gsi {
  name: string;
  partitionKey: string;
  sortKey: string;
}

function gsis(ctx: TfContext, c: ResolvedComponent): Gsi[] {
  const raw = ctx.value(c, 'gsis');
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return [];
    const name = typeof item['name'] === 'string' ? item['name'] : '';
    const partitionKey = typeof item['partitionKey'] === 'string' ? item['partitionKey'] : '';
    const sortKey = typeof item['sortKey'] === 'string' ? item['sortKey'] : '';
    return name && partitionKey ? [{ name, partitionKey, sortKey }] : [];
  });
}

function autoScaling(
  ctx: TfContext,
  c: ResolvedComponent,
  dimension: 'Read' | 'Write',
  count: Expr | undefined,
): void {
  const lower = dimension.toLowerCase();
  const name = `${c.names.tfName}_${lower}`;
  const scalable = {
    service_namespace: str('dynamodb'),
    resource_id: tpl('table/', ref(`${address(c)}.name`)),
    scalable_dimension: str(`dynamodb:table:${dimension}CapacityUnits`),
  };
  ctx.add(
    'data.tf',
    block(
      'resource',
      ['aws_appautoscaling_target', name],
      [
        attr('count', count),
        attrs(scalable),
        attr('min_capacity', ctx.prop(c, `${lower}Capacity`)),
        attr('max_capacity', ctx.prop(c, `max${dimension}Capacity`)),
      ],
    ),
    block(
      'resource',
      ['aws_appautoscaling_policy', name],
      [
        attr('count', count),
        attr('name', tpl(ref(`${address(c)}.name`), `-${lower}-utilization`)),
        attr('policy_type', str('TargetTrackingScaling')),
        attrs(scalable),
        block(
          'target_tracking_scaling_policy_configuration',
          [],
          [
            attr('target_value', num(70)),
            block(
              'predefined_metric_specification',
              [],
              [attr('predefined_metric_type', str(`DynamoDB${dimension}CapacityUtilization`))],
            ),
          ],
        ),
        attr('depends_on', list([ref(`aws_appautoscaling_target.${name}`)])),
      ],
    ),
  );
}

export const dynamodbEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_dynamodb_table.${name}.arn`),
    name: (name) => ref(`aws_dynamodb_table.${name}.name`),
    id: (name) => ref(`aws_dynamodb_table.${name}.id`),
    streamArn: (name) => ref(`aws_dynamodb_table.${name}.stream_arn`),
  },
  emit(c, ctx) {
    const pk = ctx.text(c, 'partitionKey');
    const sk = ctx.text(c, 'sortKey');
    const provisionedIn = (env: string) => ctx.textIn(c, 'billingMode', env) === 'provisioned';
    const provisioned = ctx.environments.some(provisionedIn);
    const scaledIn = (env: string) => provisionedIn(env) && ctx.flagIn(c, 'autoScaling', env);
    const scaled = ctx.environments.some(scaledIn);
    // Capacity exists only where the table is provisioned (null = on-demand there).
    const capacityIn = (key: string) => (env: string) => (provisionedIn(env) ? ctx.numIn(c, key, env) : null);
    const stream = ctx.text(c, 'stream');
    const ttl = ctx.text(c, 'ttlAttribute');
    const indexes = gsis(ctx, c);
    const attributes = new Map<string, string>([[pk, ctx.text(c, 'partitionKeyType')]]);
    if (sk) attributes.set(sk, ctx.text(c, 'sortKeyType'));
    for (const g of indexes) {
      if (!attributes.has(g.partitionKey)) attributes.set(g.partitionKey, 'S');
      if (g.sortKey && !attributes.has(g.sortKey)) attributes.set(g.sortKey, 'S');
    }
    const capacity: BodyItem[] = provisioned
      ? [
          attr(
            'read_capacity',
            ctx.derived(
              c,
              'provisioned_read_capacity',
              'Provisioned read capacity',
              capacityIn('readCapacity'),
            ),
          ),
          attr(
            'write_capacity',
            ctx.derived(
              c,
              'provisioned_write_capacity',
              'Provisioned write capacity',
              capacityIn('writeCapacity'),
            ),
          ),
        ]
      : [];
    ctx.add(
      'data.tf',
      ctx.resource('aws_dynamodb_table', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, 255)),
        attr(
          'billing_mode',
          ctx.prop(
            c,
            'billingMode',
            (v) => (v === 'provisioned' ? 'PROVISIONED' : 'PAY_PER_REQUEST'),
            `${c.names.tfName}_billing_mode`,
          ),
        ),
        capacity,
        attr('hash_key', str(pk)),
        sk && attr('range_key', str(sk)),
        stream !== 'none' && attr('stream_enabled', literal(true)),
        stream !== 'none' && attr('stream_view_type', str(STREAM_VIEW[stream] ?? 'NEW_AND_OLD_IMAGES')),
        [...attributes].map(([name, type]) =>
          block('attribute', [], [attr('name', str(name)), attr('type', str(type))]),
        ),
        indexes.map((g) =>
          block(
            'global_secondary_index',
            [],
            [
              attr('name', str(g.name)),
              attr('hash_key', str(g.partitionKey)),
              g.sortKey && attr('range_key', str(g.sortKey)),
              attr('projection_type', str('ALL')),
              capacity,
            ],
          ),
        ),
        block('point_in_time_recovery', [], [attr('enabled', ctx.prop(c, 'pointInTimeRecovery'))]),
        // aws-managed: the aws/dynamodb key (no kms_key_arn); the lowering decides.
        block('server_side_encryption', [], [attr('enabled', literal(awsManagedKey(c)))]),
        attr('deletion_protection_enabled', deletionProtectionValue(ctx, c)),
        ttl && block('ttl', [], [attr('attribute_name', str(ttl)), attr('enabled', literal(true))]),
        // Auto scaling owns the capacity once the table exists.
        protectionLifecycle(
          c,
          scaled ? [attr('ignore_changes', list([ref('read_capacity'), ref('write_capacity')]))] : [],
        ),
        tags(c.names.display),
      ]),
    );
    if (scaled) {
      const count = ctx.environments.every(scaledIn)
        ? undefined
        : ctx.derived(c, 'autoscaling_count', 'Capacity auto scaling (1 = on)', (env) =>
            scaledIn(env) ? 1 : 0,
          );
      autoScaling(ctx, c, 'Read', count);
      autoScaling(ctx, c, 'Write', count);
    }
    ctx.output(`${c.names.tfName}_name`, ref(`${address(c)}.name`), `Name of the table "${c.names.display}"`);
  },
};
