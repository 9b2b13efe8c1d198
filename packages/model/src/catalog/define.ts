/**
 * Small builders shared by the service files in `services/`, so each service reads as a list of
 * its settings rather than a wall of object literals, plus the property and source lists several
 * services repeat (log retention, database safety switches, "compute that can call this").
 */
import type { Properties, PropertyValue } from '../design/schema.ts';
import type {
  AcceptedConnection,
  BooleanProperty,
  EnumProperty,
  NumberProperty,
  PropertyDefinition,
  PropertyIssue,
  SharedStackResource,
  StackEstimateInput,
  StackResources,
  StringProperty,
} from './types.ts';

type Extra<P> = Partial<Omit<P, 'kind' | 'key' | 'label' | 'default'>>;

export function text(
  key: string,
  label: string,
  value: string,
  extra: Extra<StringProperty> = {},
): StringProperty {
  return { kind: 'string', key, label, default: value, ...extra };
}

export function num(
  key: string,
  label: string,
  value: number,
  extra: Extra<NumberProperty> = {},
): NumberProperty {
  return { kind: 'number', key, label, default: value, ...extra };
}

export function bool(
  key: string,
  label: string,
  value: boolean,
  extra: Extra<BooleanProperty> = {},
): BooleanProperty {
  return { kind: 'boolean', key, label, default: value, ...extra };
}

/** An enum; `options` are `[value, label]` pairs in the order the inspector lists them. */
export function choice(
  key: string,
  label: string,
  value: string,
  options: readonly (readonly [string, string])[],
  extra: Extra<EnumProperty> = {},
): EnumProperty {
  return {
    kind: 'enum',
    key,
    label,
    default: value,
    options: options.map(([v, l]) => ({ value: v, label: l })),
    ...extra,
  };
}

/** The retention periods CloudWatch Logs accepts (a subset of AWS's list; see the contract). */
export const LOG_RETENTION_DAYS: readonly number[] = [1, 3, 7, 14, 30, 60, 90, 180, 365, 731, 1827, 3653];

/**
 * Log retention as a number of days. CloudWatch only accepts fixed periods, which the property
 * kinds cannot express for numbers, so `checkLogRetention` enforces the list in `validate`.
 */
export function logRetentionDaysProperty(key = 'logRetentionDays', value = 30): NumberProperty {
  return num(key, 'Log retention', value, {
    unit: 'days',
    integer: true,
    min: 1,
    max: 3653,
    help: `How long CloudWatch keeps the logs. One of ${LOG_RETENTION_DAYS.join(', ')} days; never "forever", which costs money for logs no one reads.`,
  });
}

export function checkLogRetention(props: Properties, key = 'logRetentionDays'): PropertyIssue[] {
  const days = props[key];
  if (days === undefined || (typeof days === 'number' && LOG_RETENTION_DAYS.includes(days))) return [];
  return [{ path: key, message: `Log retention must be one of ${LOG_RETENTION_DAYS.join(', ')} days` }];
}

export function deletionProtectionProperty(): BooleanProperty {
  return bool('deletionProtection', 'Deletion protection', true, {
    help: 'Blocks deleting the database until it is switched off; a stack update or `terraform destroy` cannot remove it by accident.',
  });
}

/** What a stack or configuration does with a stateful resource it deletes (see onDeleteProperty). */
export const ON_DELETE_OPTIONS = [
  ['default', 'Default (protect in production)'],
  ['retain', 'Retain'],
  ['snapshot', 'Final snapshot'],
  ['delete', 'Delete'],
] as const;

/**
 * The per-resource override of deletion protection for stateful services, per environment like
 * any property. `snapshot` is offered only where the service takes a final snapshot (databases).
 */
export function onDeleteProperty(snapshots: boolean): EnumProperty {
  return choice(
    'onDelete',
    'When deleted',
    'default',
    ON_DELETE_OPTIONS.filter(([v]) => snapshots || v !== 'snapshot'),
    {
      help: snapshots
        ? 'What removing it from the stack or configuration does. Default: a final snapshot and deletion protection in production environments, delete elsewhere.'
        : 'What removing it from the stack or configuration does. Default: retain it (and turn on deletion protection where the service has it) in production environments, delete elsewhere.',
    },
  );
}

export function storageEncryptedProperty(): BooleanProperty {
  return bool('storageEncrypted', 'Storage encrypted', true, {
    help: 'Encrypts storage, snapshots and backups with KMS. It can only be set when the database is created.',
  });
}

export function iamAuthProperty(): BooleanProperty {
  return bool('iamAuth', 'IAM database authentication', true, {
    help: 'Lets roles connect with short-lived IAM tokens instead of long-lived passwords.',
  });
}

export function backupRetentionDaysProperty(min: number, value = 7): NumberProperty {
  return num('backupRetentionDays', 'Backup retention', value, {
    unit: 'days',
    integer: true,
    min,
    max: 35,
    help: 'Days of automated backups kept for point-in-time restore (AWS allows up to 35).',
  });
}

/** Resolve a value: the node's own, else the catalog default, so `validate` sees complete props. */
export function reader(definitions: readonly PropertyDefinition[], props: Properties) {
  const get = (key: string): PropertyValue | undefined =>
    props[key] ?? definitions.find((d) => d.key === key)?.default;
  return {
    num: (key: string): number => get(key) as number,
    str: (key: string): string => get(key) as string,
    bool: (key: string): boolean => get(key) as boolean,
  };
}

/** min <= desired <= max, reported on the property that breaks the order. */
export function checkMinDesiredMax(
  values: { min: number; desired: number; max: number },
  keys: { min: string; desired: string; max: string },
  noun: string,
): PropertyIssue[] {
  const issues: PropertyIssue[] = [];
  if (values.min > values.max)
    issues.push({
      path: keys.min,
      message: `Minimum ${noun} (${values.min}) is above the maximum (${values.max})`,
    });
  if (values.desired < values.min)
    issues.push({
      path: keys.desired,
      message: `Desired ${noun} (${values.desired}) is below the minimum (${values.min})`,
    });
  if (values.desired > values.max)
    issues.push({
      path: keys.desired,
      message: `Desired ${noun} (${values.desired}) is above the maximum (${values.max})`,
    });
  return issues;
}

/** Compute that runs application code: the sources of traffic to databases and of writes to logs. */
export const APP_COMPUTE = ['lambda', 'ecs-fargate', 'ec2-asg', 'eks'] as const;

/** What may read and write data stores (S3, DynamoDB, Timestream, Kinesis). */
export const DATA_CLIENTS = [...APP_COMPUTE, 'step-functions'] as const;

/** What may publish messages and events (SQS, SNS, EventBridge, Kinesis). */
export const PUBLISHERS = [...APP_COMPUTE, 'step-functions'] as const;

/** Every service a CloudWatch alarm can watch accepts this ("cloudwatch-alarm -> any"). */
export const WATCHED_BY_ALARM: AcceptedConnection = {
  kind: 'read',
  from: ['cloudwatch-alarm'],
  meaning: 'watches',
  // One alarm per watched service (the alarm node counts the topic it notifies).
  stackResources: { count: 1 },
};

/**
 * What a drawn AWS Backup plan can select ("backs up"): the plan's one selection lists the ARNs,
 * so a connection adds no resource of its own. ElastiCache is not an AWS Backup resource type.
 */
export const BACKED_UP_BY_PLAN: AcceptedConnection = {
  kind: 'back-up',
  from: ['backup-plan'],
  meaning: 'backs up',
  stackResources: { count: 0 },
};

/** A security group rule at each end of a traffic connection: the source's egress, the target's ingress. */
export const SECURITY_GROUP_RULES: StackResources = { count: 2 };

/** Traffic from application compute (or a bastion's port forwarding) into a VPC data service on its listener port. */
export function trafficFromCompute(meaning: string): AcceptedConnection {
  return {
    kind: 'traffic',
    from: [...APP_COMPUTE, 'bastion'],
    meaning,
    stackResources: SECURITY_GROUP_RULES,
  };
}

/** Traffic from a load balancer to its targets: the security group rules and a target group. */
export const ALB_TARGET: StackResources = { count: 3 };

/** A dead-letter queue the lowering derives: the queue, its policy and an alarm on the alarm topic. */
export const DERIVED_DLQ: StackResources = { count: 3, shared: ['alarm-topic'] };

/** A derived DLQ whose alarm notifies a topic of the design ("notify"): no shared alarm topic. */
export const DERIVED_DLQ_NOTIFYING: StackResources = { count: 3 };

/** Whether the node sends its dead-letter alarms to a topic of the design. */
export function notifiesTopic(input: Pick<StackEstimateInput, 'outgoing'>): boolean {
  return input.outgoing.some((c) => c.kind === 'notify' && c.toType === 'sns');
}

/** The derived DLQ of a node: its alarm notifies the node's topic, else the shared alarm topic. */
export function derivedDlq(input: Pick<StackEstimateInput, 'outgoing'>): StackResources {
  return notifiesTopic(input) ? DERIVED_DLQ_NOTIFYING : DERIVED_DLQ;
}

/** The security group a service placed in a VPC subnet gets (none outside a VPC). */
export function securityGroup(input: StackEstimateInput): number {
  return input.inVpc ? 1 : 0;
}

/** A whole-number property as a count (0 when unset or not a number). */
export function countOf(props: Properties, key: string): number {
  const value = props[key];
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

/** `count` resources, plus the shared ones any of `parts` needs. */
export function stackResources(count: number, ...parts: (StackResources | false)[]): StackResources {
  let total = count;
  const shared = new Set<SharedStackResource>();
  for (const part of parts) {
    if (!part) continue;
    total += part.count;
    for (const s of part.shared ?? []) shared.add(s);
  }
  return shared.size > 0 ? { count: total, shared: [...shared] } : { count: total };
}

/** Read, write and read-write from `from`, each with its own meaning. */
export function dataAccess(
  from: readonly string[],
  meanings: { read: string; write: string; readWrite: string },
): AcceptedConnection[] {
  return [
    { kind: 'read', from, meaning: meanings.read },
    { kind: 'write', from, meaning: meanings.write },
    { kind: 'read-write', from, meaning: meanings.readWrite },
  ];
}

/**
 * The service makes its own KMS key when its property asks for one (`wantsOwn`) and it is not
 * connected to a drawn key (encrypt-with -> kms-key), which then replaces it.
 */
export function ownKeyCount(wantsOwn: boolean, input: Pick<StackEstimateInput, 'outgoing'>): number {
  return wantsOwn && !input.outgoing.some((c) => c.kind === 'encrypt-with') ? 1 : 0;
}
