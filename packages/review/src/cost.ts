/**
 * Monthly cost estimate per node and environment, from the dated us-east-1 price table and the
 * usage assumptions (usage.ts). Each node's bill is a list of lines (quantity x unit price), so
 * a reviewer can see where every dollar comes from. Amounts are rounded to cents per line, and
 * nodes and totals add the rounded lines, so the numbers on screen always add up.
 */
import {
  getService,
  isProductionEnvironment,
  resolveProperties,
  webAclProtections,
  type Design,
  type DesignNode,
  type Properties,
} from '@archgen/model';
import { HOURS_PER_MONTH, PRICES, PRICES_AS_OF, PRICE_REGION, type Price } from './prices/us-east-1.ts';
import { nodeUsage } from './usage.ts';

export interface CostLine {
  label: string;
  /** In `unit`s, e.g. 1460 (instance-hours). */
  quantity: number;
  unit: string;
  /** USD per unit. */
  unitPrice: number;
  /** USD, rounded to cents. */
  monthly: number;
  /** The pricing page the unit price comes from. */
  source: string;
}

export interface NodeCost {
  nodeId: string;
  name: string;
  type: string;
  /** Sum of the lines, USD. */
  monthly: number;
  lines: CostLine[];
  /** Why something is not priced or is priced elsewhere (e.g. an unknown instance type). */
  notes: string[];
}

export interface CostEstimate {
  environment: string;
  currency: 'USD';
  pricesAsOf: string;
  priceRegion: string;
  total: number;
  nodes: NodeCost[];
  warnings: string[];
}

/** A hypothetical change a suggestion prices: other property values, or a pricing option. */
export interface CostScenario {
  nodeId: string;
  properties?: Properties;
  /** Run the node's steady Fargate baseline under a Compute Savings Plan. */
  fargateSavingsPlan?: boolean;
}

interface NodeInput {
  design: Design;
  node: DesignNode;
  props: Properties;
  usage: Record<string, number>;
  scenario?: CostScenario;
  /** NAT gateways the lowering creates for the node's VPC in this environment (on its first NAT node). */
  natGateways: number;
  /** The environment is a production one (what "default" settings such as EFS backups follow). */
  production: boolean;
  notes: string[];
}

const cents = (usd: number): number => Math.round(usd * 100);
const toUsd = (centsValue: number): number => centsValue / 100;
// Quantities are shown, not summed: 6 decimals keep them readable and platform-independent.
const tidy = (n: number): number => Math.round(n * 1e6) / 1e6;

function line(label: string, quantity: number, price: Price, rate = price.usd): CostLine {
  // Discounted rates (spot, Savings Plans) drop float noise: 0.012144, not 0.012144000000000001.
  const unitPrice = Math.round(rate * 1e10) / 1e10;
  return {
    label,
    quantity: tidy(quantity),
    unit: price.unit,
    unitPrice,
    monthly: toUsd(cents(quantity * unitPrice)),
    source: price.source,
  };
}

const num = (props: Properties, key: string, fallback: number): number => {
  const value = props[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
};
const str = (props: Properties, key: string, fallback: string): string => {
  const value = props[key];
  return typeof value === 'string' ? value : fallback;
};
const flag = (props: Properties, key: string): boolean => props[key] === true;
const use = (input: NodeInput, key: string, fallback = 0): number => input.usage[key] ?? fallback;
const perMillion = (count: number): number => count / 1_000_000;

/**
 * Ingestion; with an OpenSearch destination in a VPC (the first domain it writes to, by id, as
 * the lowering picks it), VPC delivery: interfaces in each of the VPC's AZs and every GB.
 */
function firehoseLines(i: NodeInput): CostLine[] {
  const ingested = use(i, 'ingestedGb');
  const nodes = new Map(i.design.nodes.map((n) => [n.id, n]));
  const domain = i.design.connections
    .filter((c) => c.kind === 'write' && c.from === i.node.id && nodes.get(c.to)?.type === 'opensearch')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => nodes.get(c.to)!)[0];
  const vpc = i.design.vpcs.find((v) => v.id === domain?.placement?.vpcId);
  return [
    line('Data ingested', ingested, PRICES.firehose.ingestGb),
    ...(vpc
      ? [
          line(
            `VPC delivery (${vpc.azCount} AZs)`,
            vpc.azCount * HOURS_PER_MONTH,
            PRICES.firehose.vpcDeliveryAzHour,
          ),
          line('Data delivered into the VPC', ingested, PRICES.firehose.vpcDeliveryGb),
        ]
      : []),
  ];
}

/** Warm storage for each resource type the plan backs up ("back-up" connections), in catalog order. */
function backupPlanLines(i: NodeInput): CostLine[] {
  const types = new Map(i.design.nodes.map((n) => [n.id, n.type]));
  const counts = new Map<keyof typeof PRICES.backup, number>();
  for (const c of i.design.connections) {
    const type = c.kind === 'back-up' && c.from === i.node.id ? types.get(c.to) : undefined;
    if (type && type in PRICES.backup) {
      const key = type as keyof typeof PRICES.backup;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  if (str(i.props, 'selectionTag', '') !== '')
    i.notes.push('Resources it backs up by tag are not priced: add their storage to the usage.');
  if (num(i.props, 'coldStorageAfterDays', 0) > 0)
    i.notes.push('Recovery points moved to cold storage cost less than the warm rate priced here.');
  const gb = use(i, 'gbPerResource');
  if (counts.size === 0) i.notes.push('It backs up no drawn resource: plans themselves are free.');
  return (Object.keys(PRICES.backup) as (keyof typeof PRICES.backup)[])
    .filter((type) => counts.has(type))
    .map((type) => {
      const n = counts.get(type)!;
      return line(
        `Backup storage (${n} ${getService(type)?.displayName ?? type})`,
        n * gb,
        PRICES.backup[type],
      );
    });
}

function instancePrice(table: Record<string, Price>, type: string, input: NodeInput): Price | undefined {
  const price = Object.hasOwn(table, type) ? table[type] : undefined;
  if (!price)
    input.notes.push(`No list price for "${type}" in the table; its instance hours are not included.`);
  return price;
}

function wafLines(input: NodeInput): CostLine[] {
  // A drawn web ACL protecting the node replaces the switch's ACL and is priced on its own node.
  const drawn = webAclProtections(input.design).some((p) => !p.ignored && p.targetId === input.node.id);
  if (!flag(input.props, 'waf') || drawn) return [];
  return [
    line('WAF web ACL', 1, PRICES.waf.webAclMonth),
    // The generated web ACL uses five AWS managed rule groups.
    line('WAF rules', 5, PRICES.waf.ruleMonth),
    line('WAF requests', perMillion(use(input, 'requests')), PRICES.waf.requestsPerMillion),
  ];
}

function logLines(input: NodeInput): CostLine[] {
  const gb = use(input, 'logsIngestedGb');
  return gb > 0 ? [line('CloudWatch Logs ingestion', gb, PRICES.cloudwatch.logsIngestGb)] : [];
}

function fargateLines(input: NodeInput): CostLine[] {
  const { props } = input;
  const vcpu = Number(str(props, 'cpu', '512')) / 1024;
  const memoryGb = num(props, 'memoryMiB', 1024) / 1024;
  const hours = use(input, 'hoursPerMonth', HOURS_PER_MONTH);
  const tasks = input.usage.averageTasks ?? num(props, 'desiredCount', 2);
  const scaling = str(props, 'scaling', 'target-tracking');
  const minCount = num(props, 'minCount', 2);
  let taskHours = tasks * hours;
  if (scaling === 'scheduled') {
    const busy = Math.min(use(input, 'scheduledHoursPerMonth'), hours);
    taskHours = tasks * busy + Math.min(minCount, tasks) * (hours - busy);
  }
  const spot = flag(props, 'spot');
  const discount = spot ? 1 - PRICES.fargate.spotDiscount.usd : 1;
  const cpuRate = PRICES.fargate.x86VcpuHour.usd * discount;
  const memRate = PRICES.fargate.x86GbHour.usd * discount;
  const kind = spot ? 'Fargate Spot' : 'Fargate';
  const lines: CostLine[] = [];
  let onDemandHours = taskHours;
  if (!spot && input.scenario?.fargateSavingsPlan) {
    // The plan covers the steady baseline: the tasks that run every hour.
    const baseline = scaling === 'none' ? tasks : Math.min(minCount, tasks);
    const committed = Math.min(baseline * hours, taskHours);
    const planDiscount = 1 - PRICES.fargate.savingsPlanDiscount.usd;
    lines.push(
      line(
        'Fargate vCPU under a Savings Plan',
        committed * vcpu,
        PRICES.fargate.x86VcpuHour,
        cpuRate * planDiscount,
      ),
      line(
        'Fargate memory under a Savings Plan',
        committed * memoryGb,
        PRICES.fargate.x86GbHour,
        memRate * planDiscount,
      ),
    );
    onDemandHours = taskHours - committed;
  }
  if (onDemandHours > 0 || lines.length === 0)
    lines.push(
      line(`${kind} vCPU (${vcpu} vCPU per task)`, onDemandHours * vcpu, PRICES.fargate.x86VcpuHour, cpuRate),
      line(
        `${kind} memory (${memoryGb} GB per task)`,
        onDemandHours * memoryGb,
        PRICES.fargate.x86GbHour,
        memRate,
      ),
    );
  return [...lines, ...logLines(input)];
}

function lambdaLines(input: NodeInput): CostLine[] {
  const invocations = use(input, 'invocations');
  const memoryGb = num(input.props, 'memorySize', 512) / 1024;
  const gbSeconds = invocations * (use(input, 'averageDurationMs') / 1000) * memoryGb;
  const arm = str(input.props, 'architecture', 'arm64') === 'arm64';
  return [
    line('Lambda requests', perMillion(invocations), PRICES.lambda.requestsPerMillion),
    line(
      `Lambda compute (${arm ? 'arm64' : 'x86_64'}, ${memoryGb * 1024} MB)`,
      gbSeconds,
      arm ? PRICES.lambda.armGbSecond : PRICES.lambda.x86GbSecond,
    ),
    ...logLines(input),
  ];
}

function ec2Lines(
  input: NodeInput,
  typeKey: string,
  countKey: string,
  countProp: string,
  spotProp: string,
  volumeKey: string,
): CostLine[] {
  const type = str(input.props, typeKey, '');
  const count = input.usage[countKey] ?? num(input.props, countProp, 0);
  const hours = use(input, 'hoursPerMonth', HOURS_PER_MONTH);
  const spot = flag(input.props, spotProp);
  const lines: CostLine[] = [];
  const price = instancePrice(PRICES.ec2, type, input);
  if (price) {
    const rate = spot ? price.usd * (1 - PRICES.ec2SpotDiscount.usd) : price.usd;
    lines.push(line(`${type}${spot ? ' Spot' : ''} instances (${count})`, count * hours, price, rate));
  }
  lines.push(line('EBS gp3 volumes', count * use(input, volumeKey), PRICES.ebsGp3GbMonth));
  return lines;
}

/** The VPC whose gateways a NAT node stands for: it must sit in the public tier of a VPC with private subnets. */
function natVpc(design: Design, node: DesignNode): Design['vpcs'][number] | undefined {
  const vpc = design.vpcs.find((v) => v.id === node.placement?.vpcId);
  return vpc && node.placement?.tier === 'public' && vpc.tiers.includes('private') ? vpc : undefined;
}

function natLines(input: NodeInput): CostLine[] {
  if (!natVpc(input.design, input.node)) return [];
  const lines: CostLine[] = [];
  if (input.natGateways > 0)
    lines.push(
      line(
        `NAT gateways (${input.natGateways})`,
        input.natGateways * use(input, 'hoursPerMonth', HOURS_PER_MONTH),
        PRICES.nat.hour,
      ),
    );
  lines.push(line('NAT data processed', use(input, 'gbProcessed'), PRICES.nat.gbProcessed));
  return lines;
}

/** Share of data aged [from, to) days, for objects kept `lifetime` days and written steadily. */
function ageShare(from: number, to: number, lifetime: number): number {
  return Math.max(0, Math.min(to, lifetime) - Math.min(from, lifetime)) / lifetime;
}

function s3Lines(input: NodeInput): CostLine[] {
  const { props } = input;
  const stored = use(input, 'storedGb');
  const expiration = num(props, 'expirationDays', 0);
  const lifetime = Math.max(1, expiration > 0 ? expiration : use(input, 'objectLifetimeDays', 365));
  const days = (key: string): number => (num(props, key, 0) > 0 ? num(props, key, 0) : Infinity);
  const glacier = days('transitionToGlacierDays');
  const s3 = PRICES.s3;
  const bands: [string, number, number, Price][] = flag(props, 'intelligentTiering')
    ? [
        // Intelligent-Tiering moves objects not read for 30 days, then 90 days, to cheaper tiers.
        [
          'Intelligent-Tiering frequent access',
          0,
          Math.min(30, glacier),
          s3.intelligentTieringFrequentGbMonth,
        ],
        [
          'Intelligent-Tiering infrequent access',
          30,
          Math.min(90, glacier),
          s3.intelligentTieringInfrequentGbMonth,
        ],
        [
          'Intelligent-Tiering archive instant access',
          90,
          glacier,
          s3.intelligentTieringArchiveInstantGbMonth,
        ],
        ['Glacier Flexible Retrieval', glacier, Infinity, s3.glacierFlexibleGbMonth],
      ]
    : [
        ['S3 Standard', 0, Math.min(days('transitionToIaDays'), glacier), s3.standardGbMonth],
        ['S3 Standard-IA', days('transitionToIaDays'), glacier, s3.standardIaGbMonth],
        ['Glacier Flexible Retrieval', glacier, Infinity, s3.glacierFlexibleGbMonth],
      ];
  const lines: CostLine[] = [];
  for (const [label, from, to, price] of bands) {
    const share = ageShare(from, to, lifetime);
    if (share > 0) lines.push(line(`${label} storage`, stored * share, price));
  }
  if (flag(props, 'intelligentTiering'))
    lines.push(
      line(
        'Intelligent-Tiering monitoring',
        use(input, 'objectCount') / 1000,
        s3.intelligentTieringMonitoringPerThousandObjects,
      ),
    );
  lines.push(
    line('S3 write requests', use(input, 'putRequests') / 1000, s3.putPerThousand),
    line('S3 read requests', use(input, 'getRequests') / 1000, s3.getPerThousand),
  );
  return lines;
}

function rdsLines(input: NodeInput): CostLine[] {
  const { props } = input;
  const copies = flag(props, 'multiAz') ? 2 : 1;
  const type = str(props, 'instanceClass', '');
  const hours = use(input, 'hoursPerMonth', HOURS_PER_MONTH);
  const lines: CostLine[] = [];
  const price = instancePrice(PRICES.rds, type, input);
  if (price)
    lines.push(
      line(`${type} ${copies === 2 ? 'Multi-AZ (primary + standby)' : 'Single-AZ'}`, copies * hours, price),
    );
  lines.push(line('gp3 storage', copies * num(props, 'allocatedStorageGb', 20), PRICES.rdsGp3GbMonth));
  return lines;
}

function auroraLines(input: NodeInput): CostLine[] {
  const { props } = input;
  const instances = 1 + num(props, 'readers', 1);
  const hours = use(input, 'hoursPerMonth', HOURS_PER_MONTH);
  const lines: CostLine[] = [];
  if (str(props, 'capacity', 'serverless-v2') === 'serverless-v2') {
    const minAcu = num(props, 'minAcu', 0.5);
    const maxAcu = num(props, 'maxAcu', 4);
    const active = Math.min(use(input, 'activeHoursPerMonth', hours), hours);
    const busyAcu = Math.min(Math.max(use(input, 'averageAcu', 1), minAcu), maxAcu);
    // Idle hours run at the minimum; a minimum of 0 pauses the instance.
    const acuHours = instances * (active * busyAcu + (hours - active) * minAcu);
    lines.push(
      line(
        `Serverless v2 capacity (${instances} instance${instances > 1 ? 's' : ''}, min ${minAcu} ACU)`,
        acuHours,
        PRICES.auroraServerlessV2.acuHour,
      ),
    );
  } else {
    const type = str(props, 'instanceClass', '');
    const price = instancePrice(PRICES.aurora, type, input);
    if (price) lines.push(line(`${type} instances (${instances})`, instances * hours, price));
  }
  lines.push(
    line('Aurora storage', use(input, 'storedGb'), PRICES.auroraServerlessV2.storageGbMonth),
    line('Aurora I/O', perMillion(use(input, 'ioRequests')), PRICES.auroraServerlessV2.ioPerMillion),
  );
  return lines;
}

function dynamodbLines(input: NodeInput): CostLine[] {
  const { props } = input;
  const gsis = Array.isArray(props.gsis) ? props.gsis.length : 0;
  const d = PRICES.dynamodb;
  const lines: CostLine[] =
    str(props, 'billingMode', 'on-demand') === 'provisioned'
      ? [
          // Auto scaling moves capacity between the minimum and maximum; the estimate prices the minimum.
          line('Provisioned read capacity', num(props, 'readCapacity', 5) * HOURS_PER_MONTH, d.rcuHour),
          line(
            `Provisioned write capacity (table${gsis ? ` + ${gsis} GSI` : ''})`,
            num(props, 'writeCapacity', 5) * (1 + gsis) * HOURS_PER_MONTH,
            d.wcuHour,
          ),
        ]
      : [
          line('On-demand reads', perMillion(use(input, 'readRequestUnits')), d.onDemandReadPerMillion),
          line(
            `On-demand writes (table${gsis ? ` + ${gsis} GSI` : ''})`,
            perMillion(use(input, 'writeRequestUnits')) * (1 + gsis),
            d.onDemandWritePerMillion,
          ),
        ];
  lines.push(line('Table storage', use(input, 'storedGb'), d.storageGbMonth));
  if (flag(props, 'pointInTimeRecovery'))
    lines.push(line('Point-in-time recovery', use(input, 'storedGb'), d.pitrGbMonth));
  return lines;
}

function opensearchLines(input: NodeInput): CostLine[] {
  const { props } = input;
  const count = num(props, 'instanceCount', 2);
  const hours = use(input, 'hoursPerMonth', HOURS_PER_MONTH);
  const type = str(props, 'instanceType', '');
  const lines: CostLine[] = [];
  const price = instancePrice(PRICES.opensearch, type, input);
  if (price) lines.push(line(`${type} data nodes (${count})`, count * hours, price));
  if (flag(props, 'dedicatedMasters')) {
    const master = PRICES.opensearch[PRICES.opensearchMasterType]!;
    lines.push(line(`${PRICES.opensearchMasterType} dedicated masters (3)`, 3 * hours, master));
  }
  lines.push(line('gp3 storage', count * num(props, 'volumeSizeGb', 20), PRICES.opensearchGp3GbMonth));
  return lines;
}

function neptuneLines(input: NodeInput): CostLine[] {
  const count = num(input.props, 'instances', 2);
  const type = str(input.props, 'instanceClass', '');
  const lines: CostLine[] = [];
  const price = instancePrice(PRICES.neptune, type, input);
  if (price)
    lines.push(
      line(`${type} instances (${count})`, count * use(input, 'hoursPerMonth', HOURS_PER_MONTH), price),
    );
  lines.push(
    line('Neptune storage', use(input, 'storedGb'), PRICES.neptuneStorage.gbMonth),
    line('Neptune I/O', perMillion(use(input, 'ioRequests')), PRICES.neptuneStorage.ioPerMillion),
  );
  return lines;
}

function timestreamLines(input: NodeInput): CostLine[] {
  const ingested = use(input, 'ingestedGb');
  const t = PRICES.timestream;
  return [
    line('Writes', perMillion(use(input, 'writes')), t.writesPerMillion),
    // Steady state: the memory store holds the last N hours, the magnetic store the last N days.
    line('Memory store', ingested * num(input.props, 'memoryRetentionHours', 24), t.memoryGbHour),
    line(
      'Magnetic store',
      (ingested * num(input.props, 'magneticRetentionDays', 365)) / 30,
      t.magneticGbMonth,
    ),
    line('Queries', use(input, 'queryTcuHours'), t.queryTcuHour),
  ];
}

function elasticacheLines(input: NodeInput): CostLine[] {
  const count = num(input.props, 'nodes', 2);
  const type = str(input.props, 'nodeType', '');
  const price = instancePrice(PRICES.elasticache, type, input);
  return price
    ? [line(`${type} nodes (${count})`, count * use(input, 'hoursPerMonth', HOURS_PER_MONTH), price)]
    : [];
}

function kinesisLines(input: NodeInput): CostLine[] {
  const k = PRICES.kinesis;
  const ingested = use(input, 'ingestedGb');
  if (str(input.props, 'mode', 'on-demand') === 'on-demand')
    return [
      line('On-demand stream', HOURS_PER_MONTH, k.onDemandStreamHour),
      line('Data ingested', ingested, k.onDemandIngestGb),
      line('Data retrieved', ingested * use(input, 'consumers', 1), k.onDemandRetrievalGb),
    ];
  const shards = num(input.props, 'shards', 1);
  const lines = [
    line(`Shards (${shards})`, shards * HOURS_PER_MONTH, k.shardHour),
    line('PUT payload units', perMillion(use(input, 'records')), k.putPayloadUnitsPerMillion),
  ];
  if (num(input.props, 'retentionHours', 24) > 24)
    lines.push(line('Extended retention', shards * HOURS_PER_MONTH, k.extendedRetentionShardHour));
  return lines;
}

function stepFunctionsLines(input: NodeInput): CostLine[] {
  const runs = use(input, 'executions');
  const s = PRICES.stepFunctions;
  if (str(input.props, 'workflowType', 'STANDARD') === 'EXPRESS')
    return [
      line('Express requests', perMillion(runs), s.expressPerMillion),
      line(
        'Express duration (64 MB)',
        runs * (use(input, 'averageDurationMs') / 1000) * (64 / 1024),
        s.expressGbSecond,
      ),
    ];
  return [
    line(
      'State transitions',
      (runs * use(input, 'transitionsPerExecution')) / 1000,
      s.standardPerThousandTransitions,
    ),
  ];
}

function eventBusLines(input: NodeInput): CostLine[] {
  const events = use(input, 'events');
  const lines = [line('Custom events', perMillion(events), PRICES.eventbridge.customEventsPerMillion)];
  if (num(input.props, 'archiveDays', 0) > 0)
    lines.push(
      line(
        'Archived events',
        (events * use(input, 'averageEventKb')) / (1024 * 1024),
        PRICES.eventbridge.archiveGb,
      ),
    );
  return lines;
}

const COSTERS: Readonly<Record<string, (input: NodeInput) => CostLine[]>> = {
  users: () => [],
  'nat-gateway': natLines,
  alb: (i) => [
    line('Load balancer hours', use(i, 'hoursPerMonth', HOURS_PER_MONTH), PRICES.alb.hour),
    line(
      'Load balancer capacity units',
      use(i, 'averageLcu') * use(i, 'hoursPerMonth', HOURS_PER_MONTH),
      PRICES.alb.lcuHour,
    ),
    ...wafLines(i),
  ],
  cloudfront: (i) => [
    line('Data to viewers', use(i, 'gbTransferred'), PRICES.cloudfront.gbToInternet),
    line('HTTPS requests', perMillion(use(i, 'requests')), PRICES.cloudfront.httpsPerMillion),
    ...wafLines(i),
  ],
  'api-gateway': (i) => {
    const rest = str(i.props, 'apiType', 'http') === 'rest';
    return [
      line(
        `${rest ? 'REST' : 'HTTP'} API requests`,
        perMillion(use(i, 'requests')),
        rest ? PRICES.apiGateway.restPerMillion : PRICES.apiGateway.httpPerMillion,
      ),
    ];
  },
  lambda: lambdaLines,
  'ec2-asg': (i) =>
    ec2Lines(i, 'instanceType', 'instanceCount', 'desiredCapacity', 'useSpot', 'ebsGbPerInstance'),
  'ecs-fargate': fargateLines,
  // One instance, however many sessions: instance hours and its root volume.
  bastion: (i) => {
    const type = str(i.props, 'instanceType', '');
    const price = instancePrice(PRICES.ec2, type, i);
    return [
      ...(price ? [line(`${type} instance`, use(i, 'hoursPerMonth', HOURS_PER_MONTH), price)] : []),
      line('EBS gp3 root volume', num(i.props, 'volumeSizeGb', 8), PRICES.ebsGp3GbMonth),
    ];
  },
  eks: (i) => [
    line('EKS control plane', HOURS_PER_MONTH, PRICES.eks.clusterHour),
    ...ec2Lines(i, 'nodeInstanceType', 'nodeCount', 'nodeDesired', 'spot', 'ebsGbPerNode'),
  ],
  s3: s3Lines,
  rds: rdsLines,
  aurora: auroraLines,
  dynamodb: dynamodbLines,
  opensearch: opensearchLines,
  neptune: neptuneLines,
  timestream: timestreamLines,
  elasticache: elasticacheLines,
  sqs: (i) => {
    const fifo = flag(i.props, 'fifo');
    return [
      line(
        `${fifo ? 'FIFO' : 'Standard'} queue requests`,
        perMillion(use(i, 'requests')),
        fifo ? PRICES.sqs.fifoPerMillion : PRICES.sqs.standardPerMillion,
      ),
    ];
  },
  sns: (i) => [line('Publishes', perMillion(use(i, 'publishes')), PRICES.sns.publishPerMillion)],
  'eventbridge-bus': eventBusLines,
  'eventbridge-rule': (i) => {
    i.notes.push('Rules cost nothing; events are billed on the bus.');
    return [];
  },
  'step-functions': stepFunctionsLines,
  'kinesis-stream': kinesisLines,
  'msk-cluster': (i) => {
    // MSK puts the same number of brokers in every AZ of the VPC.
    const azs = i.design.vpcs.find((v) => v.id === i.node.placement?.vpcId)?.azCount ?? 2;
    const brokers = num(i.props, 'brokersPerAz', 1) * azs;
    const type = str(i.props, 'instanceType', 'kafka.m7g.large');
    const price = instancePrice(PRICES.mskBroker, type, i);
    return [
      ...(price ? [line(`Brokers (${brokers} × ${type})`, brokers * HOURS_PER_MONTH, price)] : []),
      line('Broker storage', brokers * num(i.props, 'storageGb', 100), PRICES.mskStorage.gbMonth),
      ...logLines(i),
    ];
  },
  firehose: firehoseLines,
  // The trail is the account's first copy of management events (free); its data events and its
  // files in S3 are paid.
  cloudtrail: (i) => [
    ...(i.props.s3DataEvents === true || i.props.lambdaDataEvents === true
      ? [line('Data events', use(i, 'dataEventsMillions') * 10, PRICES.cloudtrail.dataEventsPer100k)]
      : []),
    line('Log files in S3', use(i, 'logStorageGb'), PRICES.s3.standardGbMonth),
  ],
  'config-recorder': (i) => [
    line('Configuration items', use(i, 'configurationItems'), PRICES.config.configurationItem),
    ...(Array.isArray(i.props.rules) && i.props.rules.length > 0
      ? [line('Rule evaluations', use(i, 'ruleEvaluations'), PRICES.config.ruleEvaluation)]
      : []),
  ],
  'athena-workgroup': (i) => [line('Data scanned', use(i, 'tbScanned'), PRICES.athena.perTbScanned)],
  secret: (i) => [
    line('Secret', 1, PRICES.secretsManager.secretMonth),
    line('API calls', use(i, 'apiCalls') / 10_000, PRICES.secretsManager.apiCallsPerTenThousand),
  ],
  'ecr-repository': (i) => [line('Image storage', use(i, 'storedGb'), PRICES.ecr.storageGbMonth)],
  'backup-plan': backupPlanLines,
  efs: (i) => {
    const stored = use(i, 'storedGb');
    // Files not read for the transition period sit in Infrequent Access; without one, all in Standard.
    const iaShare =
      str(i.props, 'transitionToIa', 'AFTER_30_DAYS') === 'NONE'
        ? 0
        : Math.min(1, Math.max(0, use(i, 'iaPercent') / 100));
    const mode = str(i.props, 'throughputMode', 'elastic');
    const setting = str(i.props, 'automaticBackups', 'default');
    // As the lowering decides: 'default' backs up production environments only.
    const backups = setting === 'on' || (setting === 'default' && i.production);
    return [
      line('Standard storage', stored * (1 - iaShare), PRICES.efs.standardGbMonth),
      ...(iaShare > 0 ? [line('Infrequent Access storage', stored * iaShare, PRICES.efs.iaGbMonth)] : []),
      ...(iaShare > 0 ? [line('Infrequent Access reads', use(i, 'iaReadGb'), PRICES.efs.iaReadGb)] : []),
      ...(mode === 'elastic'
        ? [
            line('Elastic throughput reads', use(i, 'readGb'), PRICES.efs.elasticReadGb),
            line('Elastic throughput writes', use(i, 'writeGb'), PRICES.efs.elasticWriteGb),
          ]
        : []),
      ...(mode === 'provisioned'
        ? [
            line(
              'Provisioned throughput',
              num(i.props, 'provisionedThroughputMibps', 64),
              PRICES.efs.provisionedMibpsMonth,
            ),
          ]
        : []),
      ...(backups ? [line('Automatic backups (warm)', stored, PRICES.efs.backupGbMonth)] : []),
    ];
  },
  'vpc-endpoint': (i) => {
    if (str(i.props, 'endpointType', 'gateway') !== 'interface') {
      i.notes.push('Gateway endpoints cost nothing, and traffic through them skips NAT processing.');
      return [];
    }
    const vpcId = i.node.placement?.vpcId;
    const azs = i.design.vpcs.find((v) => v.id === vpcId)?.azCount ?? 2;
    return [
      line('Endpoint hours (one interface per AZ)', azs * HOURS_PER_MONTH, PRICES.interfaceEndpoint.azHour),
      line('Data processed', use(i, 'gbProcessed'), PRICES.interfaceEndpoint.gbProcessed),
    ];
  },
  'acm-certificate': (i) => {
    i.notes.push(
      'Public ACM certificates cost nothing; private certificates (AWS Private CA) are not in the catalog.',
    );
    return [line('Public certificate (free)', 1, PRICES.acm.publicCertificateMonth)];
  },
  'route53-zone': (i) => {
    i.notes.push('Queries to its alias records (the distributions and load balancers it names) are free.');
    return [
      line('Hosted zone', 1, PRICES.route53.hostedZoneMonth),
      line('Other queries', perMillion(use(i, 'queries')), PRICES.route53.standardQueriesPerMillion),
    ];
  },
  'waf-web-acl': (i) => {
    const groups = Array.isArray(i.props.ruleGroups) ? i.props.ruleGroups.length : 0;
    const rate = num(i.props, 'rateLimit', 0) > 0 ? 1 : 0;
    return [
      line('Web ACL', 1, PRICES.waf.webAclMonth),
      line('Rules (managed rule groups and the rate limit)', groups + rate, PRICES.waf.ruleMonth),
      line('Requests inspected', perMillion(use(i, 'requests')), PRICES.waf.requestsPerMillion),
    ];
  },
  'kms-key': (i) => {
    const rotates = flag(i.props, 'enableKeyRotation');
    if (rotates)
      i.notes.push(
        'Rotation adds $1 a month after each of the first two yearly rotations: the first year costs less.',
      );
    return [
      line('Key', 1, PRICES.kms.keyMonth),
      ...(rotates ? [line('Rotated key versions (from the third year)', 2, PRICES.kms.rotationMonth)] : []),
      line('Requests', use(i, 'requests') / 10_000, PRICES.kms.requestsPerTenThousand),
    ];
  },
  'cognito-user-pool': (i) => {
    const plus = flag(i.props, 'advancedSecurity');
    return [
      line(
        `${plus ? 'Plus' : 'Essentials'} tier users`,
        use(i, 'monthlyActiveUsers'),
        plus ? PRICES.cognito.plusMau : PRICES.cognito.essentialsMau,
      ),
    ];
  },
  'cloudwatch-alarm': () => [line('Standard alarm', 1, PRICES.cloudwatch.alarmMonth)],
  'other-resource': (i) => {
    const type = [i.props.cloudFormationType, i.props.terraformType].find(
      (t) => typeof t === 'string' && t !== '',
    );
    i.notes.push(
      `Not priced: a kept resource${type ? ` (${String(type)})` : ''} the designer does not model.`,
    );
    return [];
  },
  'log-group': (i) => {
    const ingested = use(i, 'ingestedGb');
    return [
      line('Logs ingested', ingested, PRICES.cloudwatch.logsIngestGb),
      line(
        'Logs stored (steady state)',
        (ingested * num(i.props, 'retentionDays', 30)) / 30,
        PRICES.cloudwatch.logsStorageGbMonth,
      ),
    ];
  },
};

/** NAT gateways per VPC and environment, as the lowering creates them; counted on the VPC's first NAT node. */
function natGatewaysByNode(design: Design, propsOf: (node: DesignNode) => Properties): Map<string, number> {
  const out = new Map<string, number>();
  for (const vpc of design.vpcs) {
    const natNodes = design.nodes.filter(
      (n) => n.type === 'nat-gateway' && n.placement?.vpcId === vpc.id && n.placement.tier === 'public',
    );
    if (natNodes.length === 0 || !vpc.tiers.includes('private')) continue;
    const count = Math.max(...natNodes.map((n) => (propsOf(n).mode === 'single' ? 1 : vpc.azCount)));
    out.set(natNodes[0]!.id, count);
  }
  return out;
}

function natNote(design: Design, node: DesignNode, counted: Map<string, number>): string | undefined {
  if (node.type !== 'nat-gateway' || counted.has(node.id)) return undefined;
  const vpc = natVpc(design, node);
  if (!vpc)
    return 'Creates no gateway: only a NAT node in the public tier of a VPC with private subnets does.';
  const first = design.nodes.find((n) => counted.has(n.id) && n.placement?.vpcId === vpc.id);
  return `The VPC's gateways are counted on ${first?.name ?? 'its first NAT node'}.`;
}

function checkEnvironment(design: Design, env: string): void {
  if (!design.environments.some((e) => e.name === env))
    throw new Error(
      `Unknown environment "${env}" (the design has ${design.environments.map((e) => e.name).join(', ')})`,
    );
}

/**
 * Prices `nodes` (a subset of the design's, in their order) in `env`, optionally under a scenario.
 * NAT gateways are counted per VPC over all its NAT nodes, so pricing a subset stays consistent.
 */
export function priceNodes(
  design: Design,
  env: string,
  nodes: readonly DesignNode[],
  scenario?: CostScenario,
): NodeCost[] {
  checkEnvironment(design, env);
  const production = isProductionEnvironment(design.environments.find((e) => e.name === env)!);
  const propsOf = (node: DesignNode): Properties => {
    const props = resolveProperties(design, node, env);
    return scenario?.nodeId === node.id && scenario.properties ? { ...props, ...scenario.properties } : props;
  };
  // Only NAT nodes need the per-VPC gateway count; a suggestion re-prices one node at a time.
  const natGateways = nodes.some((n) => n.type === 'nat-gateway')
    ? natGatewaysByNode(design, propsOf)
    : new Map<string, number>();
  return nodes.map((node) => {
    const notes: string[] = [];
    const note = natNote(design, node, natGateways);
    if (note) notes.push(note);
    const coster = COSTERS[node.type];
    if (!coster) notes.push(`No pricing for service type "${node.type}".`);
    const lines = coster
      ? coster({
          design,
          node,
          props: propsOf(node),
          usage: nodeUsage(design, node),
          scenario: scenario?.nodeId === node.id ? scenario : undefined,
          natGateways: natGateways.get(node.id) ?? 0,
          production,
          notes,
        })
      : [];
    const nodeCents = lines.reduce((sum, l) => sum + cents(l.monthly), 0);
    return { nodeId: node.id, name: node.name, type: node.type, monthly: toUsd(nodeCents), lines, notes };
  });
}

export function estimateCost(design: Design, env: string, scenario?: CostScenario): CostEstimate {
  const nodes = priceNodes(design, env, design.nodes, scenario);
  const warnings: string[] = [];
  if (design.region !== PRICE_REGION)
    warnings.push(`Prices are ${PRICE_REGION} list prices; ${design.region} prices differ.`);
  const total = toUsd(nodes.reduce((sum, n) => sum + cents(n.monthly), 0));
  return {
    environment: env,
    currency: 'USD',
    pricesAsOf: PRICES_AS_OF,
    priceRegion: PRICE_REGION,
    total,
    nodes,
    warnings,
  };
}

/** One estimate per environment, in the given order (default: the design's environments). */
export function estimateEnvironments(design: Design, environments?: readonly string[]): CostEstimate[] {
  return (environments ?? design.environments.map((e) => e.name)).map((env) => estimateCost(design, env));
}
