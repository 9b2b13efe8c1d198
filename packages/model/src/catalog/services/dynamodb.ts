import type { Properties } from '../../design/schema.ts';
import type { PropertyDefinition, PropertyIssue, ServiceDefinition } from '../types.ts';
import {
  DATA_CLIENTS,
  WATCHED_BY_ALARM,
  bool,
  choice,
  dataAccess,
  num,
  onDeleteProperty,
  reader,
  text,
  BACKED_UP_BY_PLAN,
} from '../define.ts';

const ATTRIBUTE_NAME = {
  maxLength: 255,
  pattern: '^[A-Za-z0-9_.-]+$',
  patternHint: 'must use only letters, digits, "_", "-" and "."',
};
const KEY_TYPES = [
  ['S', 'String'],
  ['N', 'Number'],
  ['B', 'Binary'],
] as const;
const provisioned = { key: 'billingMode', equals: 'provisioned' };
const capacity = (key: string, label: string, value: number, help: string) =>
  num(key, label, value, {
    unit: 'units',
    integer: true,
    min: 1,
    max: 40000,
    help,
    visibleWhen: provisioned,
  });

const properties: readonly PropertyDefinition[] = [
  text('partitionKey', 'Partition key', 'pk', {
    sameInEveryEnvironment: true,
    ...ATTRIBUTE_NAME,
    help: 'Attribute that spreads items over partitions. In a single-table design use a generic name (pk) holding prefixed ids like USER#42.',
  }),
  choice('partitionKeyType', 'Partition key type', 'S', KEY_TYPES, { sameInEveryEnvironment: true }),
  text('sortKey', 'Sort key', 'sk', {
    sameInEveryEnvironment: true,
    ...ATTRIBUTE_NAME,
    help: 'Empty = no sort key. A generic sort key (sk) lets one partition hold several item types, read in one Query.',
  }),
  choice('sortKeyType', 'Sort key type', 'S', KEY_TYPES, {
    sameInEveryEnvironment: true,
    help: 'Ignored when there is no sort key.',
  }),
  choice(
    'billingMode',
    'Billing mode',
    'on-demand',
    [
      ['on-demand', 'On-demand (pay per request)'],
      ['provisioned', 'Provisioned capacity'],
    ],
    {
      help: 'On-demand needs no capacity planning and scales to zero cost when idle; provisioned with auto scaling is cheaper for steady, predictable traffic.',
    },
  ),
  capacity(
    'readCapacity',
    'Read capacity',
    5,
    'Read capacity units: one strongly consistent 4 KB read per second each.',
  ),
  capacity('writeCapacity', 'Write capacity', 5, 'Write capacity units: one 1 KB write per second each.'),
  bool('autoScaling', 'Capacity auto scaling', true, {
    help: 'Target tracking at 70% utilisation between the set capacity and the maximum.',
    visibleWhen: provisioned,
  }),
  capacity('maxReadCapacity', 'Maximum read capacity', 100, 'Upper bound for read auto scaling.'),
  capacity('maxWriteCapacity', 'Maximum write capacity', 100, 'Upper bound for write auto scaling.'),
  {
    kind: 'list',
    key: 'gsis',
    label: 'Global secondary indexes',
    default: [],
    maxItems: 20,
    // Indexes are the table's schema: the code that queries them is the same in every environment.
    sameInEveryEnvironment: true,
    help: 'Alternative access patterns. Overloaded indexes (gsi1pk/gsi1sk holding different entity keys) serve many queries with few indexes. Index keys are strings; all attributes are projected.',
    item: [
      text('name', 'Index name', 'gsi1', {
        maxLength: 255,
        pattern: '^[A-Za-z0-9_.-]{3,255}$',
        patternHint: 'must be 3-255 letters, digits, "_", "-" or "."',
      }),
      text('partitionKey', 'Partition key', 'gsi1pk', ATTRIBUTE_NAME),
      text('sortKey', 'Sort key', 'gsi1sk', { ...ATTRIBUTE_NAME, help: 'Empty = no sort key.' }),
    ],
  },
  bool('pointInTimeRecovery', 'Point-in-time recovery', true, {
    help: 'Continuous backups: restore the table to any second in the last 35 days.',
  }),
  choice(
    'stream',
    'Stream',
    'none',
    [
      ['none', 'Off'],
      ['new-image', 'New image'],
      ['new-and-old-images', 'New and old images'],
      ['keys-only', 'Keys only'],
    ],
    {
      sameInEveryEnvironment: true,
      help: 'Change stream read by connected Lambda functions (event source). Needed for an event-source connection from this table.',
    },
  ),
  text('ttlAttribute', 'TTL attribute', '', {
    sameInEveryEnvironment: true,
    ...ATTRIBUTE_NAME,
    help: 'Empty = off. Items whose attribute (epoch seconds) is in the past are deleted for free, within a few days.',
  }),
  onDeleteProperty(false),
];

/** `tableKeys` maps the table's key attributes to their types: GSI keys are strings and may reuse them only as strings. */
function gsiIssues(gsis: Properties[string] | undefined, tableKeys: Map<string, string>): PropertyIssue[] {
  if (!Array.isArray(gsis)) return [];
  const issues: PropertyIssue[] = [];
  const seen = new Set<string>();
  gsis.forEach((gsi, i) => {
    if (gsi === null || typeof gsi !== 'object' || Array.isArray(gsi)) return;
    const name = gsi.name ?? 'gsi1';
    if (seen.has(String(name)))
      issues.push({ path: `gsis[${i}].name`, message: `Index name "${String(name)}" is used twice` });
    seen.add(String(name));
    if (gsi.partitionKey === '')
      issues.push({ path: `gsis[${i}].partitionKey`, message: 'An index needs a partition key' });
    for (const field of ['partitionKey', 'sortKey'] as const) {
      const attribute = gsi[field];
      const tableType = typeof attribute === 'string' ? tableKeys.get(attribute) : undefined;
      if (tableType !== undefined && tableType !== 'S')
        issues.push({
          path: `gsis[${i}].${field}`,
          message: `Index keys are strings, but "${String(attribute)}" is a ${tableType === 'N' ? 'number' : 'binary'} key of the table`,
        });
    }
  });
  return issues;
}

export const dynamodb: ServiceDefinition = {
  type: 'dynamodb',
  displayName: 'DynamoDB table',
  abbreviations: ['ddb'],
  keywords: ['dynamo', 'nosql', 'key value', 'table', 'database', 'db'],
  category: 'Database',
  icon: 'dynamodb',
  description:
    'Serverless key-value and document database with single-digit millisecond reads at any scale. Model access patterns first: composite keys and overloaded GSIs let one table serve a whole service.',
  placements: ['regional'],
  properties,
  validate(props) {
    const p = reader(properties, props);
    const issues: PropertyIssue[] = [];
    if (p.str('partitionKey') === '')
      issues.push({ path: 'partitionKey', message: 'A table needs a partition key' });
    if (p.str('sortKey') !== '' && p.str('sortKey') === p.str('partitionKey'))
      issues.push({ path: 'sortKey', message: 'The sort key must differ from the partition key' });
    if (
      p.str('ttlAttribute') !== '' &&
      [p.str('partitionKey'), p.str('sortKey')].includes(p.str('ttlAttribute'))
    )
      issues.push({ path: 'ttlAttribute', message: 'The TTL attribute cannot be a key attribute' });
    if (p.str('billingMode') === 'provisioned' && p.bool('autoScaling')) {
      if (p.num('readCapacity') > p.num('maxReadCapacity'))
        issues.push({ path: 'maxReadCapacity', message: 'Maximum read capacity is below the read capacity' });
      if (p.num('writeCapacity') > p.num('maxWriteCapacity'))
        issues.push({
          path: 'maxWriteCapacity',
          message: 'Maximum write capacity is below the write capacity',
        });
    }
    const tableKeys = new Map([[p.str('partitionKey'), p.str('partitionKeyType')]]);
    if (p.str('sortKey') !== '') tableKeys.set(p.str('sortKey'), p.str('sortKeyType'));
    issues.push(...gsiIssues(props.gsis, tableKeys));
    return issues;
  },
  accepts: [
    ...dataAccess(DATA_CLIENTS, {
      read: 'reads items from',
      write: 'writes items to',
      readWrite: 'reads and writes items in',
    }),
    WATCHED_BY_ALARM,
    BACKED_UP_BY_PLAN,
  ],
  // The table; provisioned with auto scaling, a scalable target and policy for reads and writes.
  stackResources: ({ props }) => ({
    count: 1 + (props.billingMode === 'provisioned' && props.autoScaling === true ? 4 : 0),
  }),
};
