import type { PropertyDefinition, PropertyIssue, ServiceDefinition } from '../types.ts';
import { bool, choice } from '../define.ts';

/**
 * The AWS managed Config rules a recorder may turn on, by source identifier, with what each
 * checks. A short list of common ones; the inspector offers only these.
 */
export const CONFIG_MANAGED_RULES: Readonly<Record<string, string>> = {
  S3_BUCKET_PUBLIC_READ_PROHIBITED: 'S3 buckets do not allow public read access',
  S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: 'S3 buckets encrypt objects by default',
  ENCRYPTED_VOLUMES: 'Attached EBS volumes are encrypted',
  RDS_STORAGE_ENCRYPTED: 'RDS storage is encrypted',
  CLOUD_TRAIL_ENABLED: 'A CloudTrail trail records the account',
  IAM_ROOT_ACCESS_KEY_CHECK: 'The root user has no access keys',
  ROOT_ACCOUNT_MFA_ENABLED: 'The root user signs in with MFA',
  VPC_FLOW_LOGS_ENABLED: 'VPCs have flow logs',
};

/** How often Config delivers configuration snapshots to the bucket (its DeliveryFrequency values). */
export const CONFIG_DELIVERY_FREQUENCIES = [
  'One_Hour',
  'Three_Hours',
  'Six_Hours',
  'Twelve_Hours',
  'TwentyFour_Hours',
] as const;

const properties: PropertyDefinition[] = [
  bool('allSupported', 'Record all supported resources', true, {
    help: 'Records every resource type Config supports, new ones included (CFG-01).',
  }),
  bool('includeGlobalResources', 'Include global resources', true, {
    help: 'Records IAM users, roles and policies. Turn it on in one region of the account only, or they are recorded (and paid for) twice.',
  }),
  choice(
    'deliveryFrequency',
    'Snapshot delivery',
    'TwentyFour_Hours',
    [
      ['One_Hour', 'Every hour'],
      ['Three_Hours', 'Every 3 hours'],
      ['Six_Hours', 'Every 6 hours'],
      ['Twelve_Hours', 'Every 12 hours'],
      ['TwentyFour_Hours', 'Every 24 hours'],
    ],
    { help: 'How often Config writes a snapshot of every recorded resource to the bucket.' },
  ),
  {
    kind: 'list',
    key: 'rules',
    label: 'Managed Config rules',
    default: [
      { rule: 'S3_BUCKET_PUBLIC_READ_PROHIBITED' },
      { rule: 'ENCRYPTED_VOLUMES' },
      { rule: 'RDS_STORAGE_ENCRYPTED' },
      { rule: 'CLOUD_TRAIL_ENABLED' },
      { rule: 'IAM_ROOT_ACCESS_KEY_CHECK' },
    ],
    maxItems: Object.keys(CONFIG_MANAGED_RULES).length,
    sameInEveryEnvironment: true,
    help: 'AWS managed rules evaluated against the recorded resources: $0.001 per evaluation.',
    item: [
      choice(
        'rule',
        'Rule',
        'S3_BUCKET_PUBLIC_READ_PROHIBITED',
        Object.entries(CONFIG_MANAGED_RULES).map(([id, what]) => [id, `${id} (${what})`] as const),
      ),
    ],
  },
];

export const configRecorder: ServiceDefinition = {
  type: 'config-recorder',
  displayName: 'Config recorder',
  abbreviations: ['config', 'aws config'],
  keywords: ['config rules', 'config recorder', 'compliance', 'configuration history', 'audit'],
  category: 'Management',
  icon: 'config-recorder',
  description:
    "AWS Config: records the configuration of the account's resources and checks them against AWS managed rules. Snapshots and history go to a connected bucket (its policy admits Config) or a private, versioned log bucket the lowering creates. One recorder per account and region.",
  placements: ['regional'],
  properties,
  validate(props) {
    const issues: PropertyIssue[] = [];
    const rules = Array.isArray(props.rules) ? props.rules : [];
    const ids = rules.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? String(r.rule) : ''));
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        issues.push({ path: `rules[${i}].rule`, message: 'Each rule can be listed once' });
    });
    return issues;
  },
  accepts: [],
  refusalHint:
    'the recorder is the source: connect it to the bucket it delivers snapshots to ("delivers to").',
  // Recorder, its role, delivery channel, recorder status (Terraform) and a rule each; without a
  // drawn bucket, a log bucket with its policy and access-log bucket and its policy.
  stackResources: ({ props, outgoing }) => ({
    count:
      3 +
      (Array.isArray(props.rules) ? props.rules.length : 0) +
      (outgoing.some((c) => c.kind === 'write' && c.toType === 's3') ? 0 : 4),
  }),
};
