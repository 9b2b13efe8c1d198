/**
 * A hand-written resolved graph with every component type, for unit tests that must not depend
 * on the lowering. Property defaults follow docs/catalog-contract.md.
 */
import type {
  EnvValue,
  ResolvedComponent,
  ResolvedGraph,
  ResolvedNames,
  ResolvedRole,
  ResolvedSecurityGroup,
} from '@archgen/infra';
import {
  ACCESS_LOG_LIFECYCLE,
  ALB_TLS_POLICY,
  DECIDED_PROPS,
  EVENT_TARGET_RETRY,
  FARGATE_SPOT_SPLIT,
  TARGET_TRACKING_COOLDOWNS,
  NONCURRENT_VERSION_DAYS,
  WEB_ACL_RULE_GROUPS,
  targetGroupSettings,
} from '@archgen/infra';
import { engineVersionProperty, type PropertyValue } from '@archgen/model';

export const FIXTURE_ENVS = ['dev', 'prod'];

export function same<T extends PropertyValue>(value: T): EnvValue<T> {
  return {
    byEnv: Object.fromEntries(FIXTURE_ENVS.map((e) => [e, value])) as Record<string, T>,
    varies: false,
  };
}

export function perEnv<T extends PropertyValue>(byEnv: Record<string, T>): EnvValue<T> {
  const values = Object.values(byEnv).map((v) => JSON.stringify(v));
  return { byEnv, varies: new Set(values).size > 1 };
}

/** The lowering's decision for a component encrypted with its own key in every environment. */
function customerManaged(
  description: string,
  viaService: 'sqs' | 's3' | 'sns' | 'logs',
): NonNullable<ResolvedComponent['encryption']> {
  return {
    kind: same('customer-managed'),
    key: { description, enableKeyRotation: true, deletionWindowDays: 30, viaService },
  };
}

export function names(logicalId: string, display = logicalId): ResolvedNames {
  const slug = logicalId.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return { display, logicalId, tfName: slug.replace(/-/g, '_'), slug };
}

type Props = Record<string, PropertyValue | EnvValue>;

function isEnvValue(v: unknown): v is EnvValue {
  return typeof v === 'object' && v !== null && 'byEnv' in v && 'varies' in v;
}

/** What decisions.ts would add, written out for the types that need it (same values everywhere). */
function decided(type: string, logicalId: string, props: Props): Partial<ResolvedComponent> {
  const out: Partial<ResolvedComponent> = {};
  if (['s3', 'alb', 'cloudfront'].includes(type) && props.accessLogs === true)
    out.accessLogBucket = {
      enabled: same(true),
      logicalId: `${logicalId}LogBucket`,
      deliveredBy: type as 's3' | 'alb' | 'cloudfront',
      prefix: `${names(logicalId).slug}/`,
      encryption: 'SSE-S3',
      objectOwnership: type === 'cloudfront' ? 'BucketOwnerPreferred' : 'BucketOwnerEnforced',
      versioned: true,
      lifecycle: { ...ACCESS_LOG_LIFECYCLE },
    };
  if (type === 'alb') {
    const certificate = typeof props.certificateArn === 'string' ? props.certificateArn : '';
    out.listeners = {
      https: same(certificate !== ''),
      certificateArn: same(certificate),
      httpRedirect: same(certificate !== '' && props.httpRedirect === true),
      httpForward: same(certificate === ''),
      tlsPolicy: ALB_TLS_POLICY,
    };
  }
  if (type === 'elasticache')
    out.cacheResource = props.engine === 'memcached' ? 'cache-cluster' : 'replication-group';
  if (type === 'eks') out.clusterName = { stem: names(logicalId).slug, maxLength: 100 };
  // versions.ts: the version property the engine uses, else the catalog default.
  const plain = Object.fromEntries(
    Object.entries(props).map(([k, v]) => [k, isEnvValue(v) ? v.byEnv[FIXTURE_ENVS[0]!] : v]),
  );
  const where = engineVersionProperty(type, plain);
  if (where) {
    const version = String(plain[where.key] ?? where.versions.default);
    out.engineVersion = { version: same(version), major: same(where.versions.majorOf(version)) };
  }
  // protection.ts: protected in prod (a snapshot for databases), deleted in dev.
  const snapshots = ['rds', 'aurora', 'neptune'].includes(type);
  if (snapshots || ['dynamodb', 's3', 'opensearch', 'timestream'].includes(type)) {
    const kept = snapshots ? 'snapshot' : 'retain';
    out.protection = { onDelete: perEnv({ dev: 'delete', prod: kept }), policy: kept };
    if (snapshots) out.protection.finalSnapshot = perEnv({ dev: false, prod: true });
    if (snapshots || type === 'dynamodb')
      out.deletionProtection = out.protection.deletionProtection = perEnv({ dev: false, prod: true });
  }
  // decisions.ts: zones of a zone-aware domain in a 2-AZ VPC; Athena results under the slug.
  if (type === 'opensearch') out.zoneCount = same(props.zoneAwareness === true ? 2 : 1);
  if (type === 'athena-workgroup') out.resultsPrefix = `athena-results/${names(logicalId, logicalId).slug}/`;
  if (type === 'ecs-fargate') {
    out.capacityProviders = {
      spot: same(props.spot === true),
      ...FARGATE_SPOT_SPLIT,
    };
    // task-scaling.ts: the fixture's services track CPU.
    if (props.scaling !== 'target-tracking') throw new Error('The graph fixture knows target tracking only');
    out.taskScaling = {
      mode: same('target-tracking'),
      targetTracking: {
        predefinedMetric: 'ECSServiceAverageCPUUtilization',
        targetValue: same(Number(props.targetCpuPercent)),
        ...TARGET_TRACKING_COOLDOWNS,
      },
    };
  }
  return out;
}

export function component(
  type: string,
  logicalId: string,
  props: Props,
  extra: Partial<ResolvedComponent> = {},
): ResolvedComponent {
  const decidedProps: Props =
    type === 's3'
      ? {
          [DECIDED_PROPS.noncurrentVersionExpirationDays]:
            props.versioned === true ? NONCURRENT_VERSION_DAYS : 0,
        }
      : type === 'athena-workgroup'
        ? { [DECIDED_PROPS.bytesScannedCutoffBytes]: Number(props.bytesScannedCutoffGb) * 1024 ** 3 }
        : type === 'step-functions'
          ? { [DECIDED_PROPS.includeExecutionData]: props.logLevel !== 'OFF' }
          : {};
  return {
    id: logicalId.charAt(0).toLowerCase() + logicalId.slice(1),
    type,
    names: names(logicalId, extra.names?.display ?? logicalId),
    props: Object.fromEntries(
      Object.entries({ ...props, ...decidedProps }).map(([k, v]) => [k, isEnvValue(v) ? v : same(v)]),
    ),
    placement: null,
    roleIds: [],
    environment: [],
    acknowledgements: [],
    ...decided(type, logicalId, props),
    ...extra,
  };
}

const VPC = 'mainVpc';
const placed = (tier: 'public' | 'private' | 'isolated') => ({ vpcId: VPC, tier });

function sg(
  componentId: string,
  logicalId: string,
  ingress: ResolvedSecurityGroup['ingress'],
  egress: ResolvedSecurityGroup['egress'] = [],
  allowHttpsEgress = false,
): ResolvedSecurityGroup {
  return {
    id: `${componentId}Sg`,
    componentId,
    vpcId: VPC,
    names: names(`${logicalId}SecurityGroup`),
    description: `Security group of ${logicalId}`,
    ingress,
    egress,
    allowHttpsEgress,
  };
}

function role(
  componentId: string,
  logicalId: string,
  assumedBy: string,
  purpose: ResolvedRole['purpose'],
  managedPolicies: string[] = [],
): ResolvedRole {
  return {
    id: `${componentId}${purpose === 'task-execution' ? 'Exec' : ''}Role`,
    componentId,
    names: names(`${logicalId}${purpose === 'task-execution' ? 'Execution' : ''}Role`),
    assumedBy,
    purpose,
    managedPolicies,
    statements: [],
  };
}

/** Every catalog type except "users", wired the way the lowering is specified to wire them. */
export function kitchenSinkGraph(): ResolvedGraph {
  const components: ResolvedComponent[] = [
    component(
      'nat-gateway',
      'Nat',
      { mode: perEnv({ dev: 'single', prod: 'per-az' }) },
      { placement: placed('public') },
    ),
    component(
      'alb',
      'WebAlb',
      {
        scheme: 'internet-facing',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
        httpRedirect: true,
        waf: true,
        accessLogs: true,
        idleTimeoutSeconds: 60,
        dropInvalidHeaders: true,
      },
      {
        placement: placed('public'),
        securityGroupId: 'webAlbSg',
        webAcl: {
          scope: 'REGIONAL',
          enabled: same(true),
          source: 'stack',
          ruleGroups: WEB_ACL_RULE_GROUPS.map((g) => ({ ...g })),
        },
      },
    ),
    component(
      'ecs-fargate',
      'Api',
      {
        image: 'public.ecr.aws/nginx/nginx:stable',
        cpu: '256',
        memoryMiB: 512,
        containerPort: 8080,
        desiredCount: perEnv({ dev: 1, prod: 2 }),
        minCount: 1,
        maxCount: 10,
        scaling: 'target-tracking',
        targetCpuPercent: 60,
        spot: false,
        readonlyRootFilesystem: true,
        containerInsights: true,
        circuitBreaker: true,
        logRetentionDays: 30,
      },
      {
        placement: placed('private'),
        securityGroupId: 'apiSg',
        roleIds: ['apiRole', 'apiExecRole'],
        environment: [
          { name: 'ORDERS_TABLE_NAME', value: { componentId: 'ordersTable', attribute: 'name' } },
        ],
      },
    ),
    component(
      'rds',
      'OrdersDb',
      {
        engine: 'postgres',
        engineVersion: '16.4',
        instanceClass: 'db.t4g.medium',
        allocatedStorageGb: 20,
        multiAz: perEnv({ dev: false, prod: true }),
        backupRetentionDays: 7,
        deletionProtection: true,
        storageEncrypted: true,
        iamAuth: true,
        publiclyAccessible: false,
        port: 5432,
      },
      {
        placement: placed('isolated'),
        securityGroupId: 'ordersDbSg',
        secretId: 'ordersDbSecret',
        publiclyAccessible: same(false),
      },
    ),
    component(
      'secret',
      'OrdersDbSecret',
      { description: 'Credentials of OrdersDb', rotationDays: 30 },
      {
        derived: { from: 'ordersDb', reason: 'database credentials' },
        generatedSecret: { username: 'dbadmin', passwordLength: 32, excludeCharacters: '"@/\\' },
        managedByDatabase: 'ordersDb',
      },
    ),
    component(
      'dynamodb',
      'OrdersTable',
      {
        partitionKey: 'pk',
        partitionKeyType: 'S',
        sortKey: 'sk',
        sortKeyType: 'S',
        billingMode: perEnv({ dev: 'on-demand', prod: 'provisioned' }),
        readCapacity: 5,
        writeCapacity: 5,
        autoScaling: true,
        maxReadCapacity: 100,
        maxWriteCapacity: 100,
        gsis: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
        pointInTimeRecovery: true,
        stream: 'new-image',
        ttlAttribute: 'expiresAt',
      },
      { encryption: { kind: same('aws-managed') } },
    ),
    component(
      'sqs',
      'OrdersQueueDlq',
      {
        fifo: false,
        visibilityTimeoutSeconds: 30,
        retentionSeconds: 1209600,
        encryption: 'sqs-managed',
        deadLetterQueue: false,
        maxReceiveCount: 5,
        isDeadLetterQueue: true,
      },
      { derived: { from: 'ordersQueue', reason: 'dead-letter queue' } },
    ),
    component(
      'sqs',
      'OrdersQueue',
      {
        fifo: false,
        visibilityTimeoutSeconds: 180,
        retentionSeconds: 345600,
        encryption: 'sqs-managed',
        deadLetterQueue: true,
        maxReceiveCount: 5,
        isDeadLetterQueue: false,
      },
      {
        deadLetterQueueId: 'ordersQueueDlq',
        maxReceiveCount: same(5),
        encryption: { kind: same('service') },
      },
    ),
    component(
      'log-group',
      'WorkerLogs',
      { retentionDays: 30, kmsEncryption: false },
      { derived: { from: 'worker', reason: 'function logs' } },
    ),
    component(
      'lambda',
      'Worker',
      {
        runtime: 'nodejs22.x',
        architecture: 'arm64',
        memorySize: perEnv({ dev: 256, prod: 1024 }),
        timeoutSeconds: 30,
        reservedConcurrency: 10,
        tracing: true,
        handler: 'index.handler',
        logRetentionDays: 30,
        structuredLogging: true,
      },
      {
        roleIds: ['workerRole'],
        logGroupId: 'workerLogs',
        environment: [
          { name: 'ORDERS_TABLE_NAME', value: { componentId: 'ordersTable', attribute: 'name' } },
          { name: 'LOG_FORMAT', value: { literal: 'json' } },
        ],
      },
    ),
    component(
      'lambda',
      'VpcFn',
      {
        runtime: 'python3.13',
        architecture: 'x86_64',
        memorySize: 512,
        timeoutSeconds: 30,
        reservedConcurrency: -1,
        tracing: true,
        handler: 'index.handler',
        logRetentionDays: 14,
        structuredLogging: true,
      },
      { placement: placed('private'), securityGroupId: 'vpcFnSg', roleIds: ['vpcFnRole'] },
    ),
    component(
      'sns',
      'AlarmTopic',
      { fifo: false, kmsEncryption: true },
      {
        derived: { from: 'ordersQueueDlq', reason: 'alarm notifications' },
        encryption: customerManaged('Encrypts AlarmTopic', 'sns'),
      },
    ),
    component('s3', 'Assets', {
      versioned: true,
      encryption: 's3-managed',
      blockPublicAccess: true,
      enforceTls: true,
      accessLogs: true,
      transitionToIaDays: 30,
      transitionToGlacierDays: 90,
      expirationDays: 0,
      intelligentTiering: false,
      abortIncompleteUploadDays: 7,
      eventNotifications: false,
    }),
    component(
      'cloudfront',
      'Cdn',
      {
        priceClass: 'PriceClass_100',
        defaultRootObject: 'index.html',
        minimumTls: 'TLSv1.2_2021',
        waf: false,
        accessLogs: true,
        certificateArn: '',
        aliases: '',
      },
      {
        acknowledgements: [
          {
            ruleId: 'CF-03',
            reason: 'WAF is applied by the edge team',
            equivalents: ['Sol-CFR2', 'CKV_AWS_68'],
          },
        ],
      },
    ),
    component('api-gateway', 'PublicApi', {
      apiType: 'http',
      authorizer: 'iam',
      throttleRateLimit: 1000,
      throttleBurstLimit: 500,
      accessLogs: true,
      tracing: true,
      requestValidation: true,
    }),
    component(
      'api-gateway',
      'RestApi',
      {
        apiType: 'rest',
        authorizer: 'cognito',
        throttleRateLimit: 1000,
        throttleBurstLimit: 500,
        accessLogs: true,
        tracing: true,
        requestValidation: true,
      },
      { userPoolId: 'users' },
    ),
    component('cognito-user-pool', 'Users', {
      mfa: 'required',
      passwordMinLength: 12,
      advancedSecurity: true,
    }),
    component(
      'ec2-asg',
      'Legacy',
      { instanceType: 't4g.small', minSize: 1, maxSize: 3, desiredCapacity: 2, useSpot: false, port: 8080 },
      { placement: placed('private'), securityGroupId: 'legacySg', roleIds: ['legacyRole'] },
    ),
    component(
      'eks',
      'Platform',
      {
        version: '1.31',
        nodeInstanceType: 'm7g.large',
        nodeMin: 2,
        nodeMax: 6,
        nodeDesired: 2,
        endpointPublicAccess: false,
        spot: false,
        logRetentionDays: 30,
      },
      {
        placement: placed('private'),
        securityGroupId: 'platformSg',
        roleIds: ['platformRole', 'platformNodeRole'],
      },
    ),
    component(
      'aurora',
      'Reports',
      {
        engine: 'aurora-postgresql',
        capacity: 'serverless-v2',
        instanceClass: 'db.r7g.large',
        readers: 1,
        minAcu: 0.5,
        maxAcu: 4,
        backupRetentionDays: 7,
        deletionProtection: true,
        storageEncrypted: true,
        iamAuth: true,
      },
      {
        placement: placed('isolated'),
        securityGroupId: 'reportsSg',
        secretId: 'reportsSecret',
        publiclyAccessible: same(false),
      },
    ),
    component(
      'secret',
      'ReportsSecret',
      { description: 'Credentials of Reports', rotationDays: 30 },
      {
        derived: { from: 'reports', reason: 'database credentials' },
        generatedSecret: { username: 'dbadmin', passwordLength: 32, excludeCharacters: '"@/\\' },
        managedByDatabase: 'reports',
      },
    ),
    component(
      'opensearch',
      'Search',
      {
        engineVersion: 'OpenSearch_2.15',
        instanceType: 'r7g.large.search',
        instanceCount: 2,
        dedicatedMasters: false,
        zoneAwareness: true,
        volumeSizeGb: 20,
        encryptionAtRest: true,
        nodeToNodeEncryption: true,
        enforceHttps: true,
      },
      {
        placement: placed('isolated'),
        securityGroupId: 'searchSg',
        logGroupId: 'searchLogs',
        acknowledgements: [
          {
            ruleId: 'OS-02',
            reason: 'Two data nodes suffice for the search load',
            equivalents: ['Sol-OS4', 'Sol-OS7'],
          },
        ],
      },
    ),
    component(
      'neptune',
      'Graph',
      {
        instanceClass: 'db.r6g.large',
        instances: 2,
        backupRetentionDays: 7,
        storageEncrypted: true,
        iamAuth: true,
        deletionProtection: true,
      },
      { placement: placed('isolated'), securityGroupId: 'graphSg' },
    ),
    component('timestream', 'Metrics', { memoryRetentionHours: 24, magneticRetentionDays: 365 }),
    component(
      'elasticache',
      'Cache',
      {
        engine: 'redis',
        nodeType: 'cache.t4g.small',
        nodes: 2,
        automaticFailover: true,
        atRestEncryption: true,
        transitEncryption: true,
        authToken: true,
        snapshotRetentionDays: 1,
      },
      { placement: placed('isolated'), securityGroupId: 'cacheSg' },
    ),
    component('eventbridge-bus', 'Bus', { archiveDays: 7 }),
    component(
      'eventbridge-rule',
      'OrderPlaced',
      {
        eventPattern: '{"source":["app.orders"],"detail-type":["OrderPlaced"]}',
        schedule: '',
        targetDlq: true,
      },
      { deadLetterQueueId: 'ordersQueueDlq' },
    ),
    component(
      'step-functions',
      'Fulfilment',
      { workflowType: 'STANDARD', logLevel: 'ALL', tracing: true },
      {
        roleIds: ['fulfilmentRole'],
        errorHandling: {
          retries: [
            {
              errors: ['Lambda.ServiceException', 'States.Timeout'],
              maxAttempts: 3,
              intervalSeconds: 2,
              backoffRate: 2,
            },
          ],
          catches: [{ error: 'States.ALL', then: 'fail', stateName: 'Failed1' }],
        },
      },
    ),
    component('kinesis-stream', 'Clicks', {
      mode: 'on-demand',
      shards: 1,
      retentionHours: 24,
      encryption: true,
    }),
    component(
      'athena-workgroup',
      'Analytics',
      { enforceConfiguration: true, bytesScannedCutoffGb: 10, resultsEncryption: true },
      { outputBucketId: 'assets' },
    ),
    component(
      'secret',
      'ApiKey',
      { description: 'Third-party API key', rotationDays: 0 },
      {
        acknowledgements: [
          {
            ruleId: 'SM-01',
            reason: 'Rotated by the vendor portal',
            equivalents: ['Sol-SMG4', 'CKV2_AWS_57'],
          },
        ],
      },
    ),
    component('cloudwatch-alarm', 'WorkerErrors', {
      metricName: 'Errors',
      statistic: 'Sum',
      threshold: 1,
      evaluationPeriods: 1,
      periodSeconds: 300,
      comparison: 'GreaterThanOrEqualToThreshold',
    }),
    component(
      'log-group',
      'SearchLogs',
      { retentionDays: 30, kmsEncryption: false },
      { derived: { from: 'search', reason: 'domain logs' }, encryption: { kind: same('service') } },
    ),
    component(
      'log-group',
      'AuditLogs',
      { retentionDays: 365, kmsEncryption: true },
      { encryption: customerManaged('Encrypts AuditLogs', 'logs') },
    ),
  ];
  return {
    design: {
      name: 'Kitchen "sink" ${x}',
      description: 'Every service \n once',
      region: 'us-east-1',
      slug: 'kitchen-sink',
    },
    environments: FIXTURE_ENVS,
    tags: { 'cost-center': 'shop', project: 'a"b ${x}' },
    vpcs: [
      {
        id: VPC,
        names: names('MainVpc', 'Main VPC'),
        cidr: '10.0.0.0/16',
        azCount: 2,
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        tiers: ['public', 'private', 'isolated'],
        subnets: ['public', 'private', 'isolated'].flatMap((tier, t) =>
          [0, 1].map((az) => ({
            tier: tier as 'public',
            azIndex: az,
            cidr: `10.0.${t * 2 + az}.0/24`,
            names: names(`MainVpc${tier}${az}`),
          })),
        ),
        explicitSubnetCidrs: false,
        natGatewayCount: perEnv({ dev: 1, prod: 2 }),
        flowLogs: { enabled: true, retentionDays: 30 },
      },
    ],
    components,
    securityGroups: [
      sg(
        'webAlb',
        'WebAlb',
        [
          { peer: { cidr: '0.0.0.0/0' }, port: 443, protocol: 'tcp', description: 'HTTPS from the internet' },
          { peer: { cidr: '0.0.0.0/0' }, port: 80, protocol: 'tcp', description: 'HTTP redirect' },
        ],
        [
          { peer: { componentId: 'api' }, port: 8080, protocol: 'tcp', description: 'To Api' },
          { peer: { componentId: 'legacy' }, port: 8080, protocol: 'tcp', description: 'To Legacy' },
        ],
      ),
      sg(
        'api',
        'Api',
        [{ peer: { componentId: 'webAlb' }, port: 8080, protocol: 'tcp', description: 'HTTP from WebAlb' }],
        [{ peer: { componentId: 'ordersDb' }, port: 5432, protocol: 'tcp', description: 'To OrdersDb' }],
        true,
      ),
      sg('ordersDb', 'OrdersDb', [
        { peer: { componentId: 'api' }, port: 5432, protocol: 'tcp', description: 'Postgres from Api' },
      ]),
      sg(
        'vpcFn',
        'VpcFn',
        [],
        [{ peer: { componentId: 'cache' }, port: 6379, protocol: 'tcp', description: 'To Cache' }],
        true,
      ),
      sg(
        'legacy',
        'Legacy',
        [{ peer: { componentId: 'webAlb' }, port: 8080, protocol: 'tcp', description: 'HTTP from WebAlb' }],
        [],
        true,
      ),
      sg('platform', 'Platform', [], [], true),
      sg('reports', 'Reports', []),
      sg('search', 'Search', []),
      sg('graph', 'Graph', []),
      sg('cache', 'Cache', [
        { peer: { componentId: 'vpcFn' }, port: 6379, protocol: 'tcp', description: 'Redis from VpcFn' },
      ]),
    ],
    roles: [
      role('api', 'Api', 'ecs-tasks.amazonaws.com', 'task'),
      role('api', 'Api', 'ecs-tasks.amazonaws.com', 'task-execution'),
      role('worker', 'Worker', 'lambda.amazonaws.com', 'function'),
      role('vpcFn', 'VpcFn', 'lambda.amazonaws.com', 'function', [
        'service-role/AWSLambdaVPCAccessExecutionRole',
      ]),
      role('legacy', 'Legacy', 'ec2.amazonaws.com', 'instance'),
      role('platform', 'Platform', 'eks.amazonaws.com', 'cluster', ['AmazonEKSClusterPolicy']),
      {
        ...role('platform', 'PlatformNodes', 'ec2.amazonaws.com', 'node-group', [
          'AmazonEKSWorkerNodePolicy',
          'AmazonEKS_CNI_Policy',
          'AmazonEC2ContainerRegistryReadOnly',
        ]),
        id: 'platformNodeRole',
      },
      role('fulfilment', 'Fulfilment', 'states.amazonaws.com', 'state-machine'),
    ],
    grants: [
      { granteeId: 'api', roleId: 'apiRole', targetId: 'ordersTable', access: 'read-write', statements: [] },
      {
        granteeId: 'api',
        roleId: 'apiRole',
        targetId: 'ordersDbSecret',
        access: 'read-secret',
        statements: [],
      },
      {
        granteeId: 'worker',
        roleId: 'workerRole',
        targetId: 'ordersTable',
        access: 'read-write',
        statements: [],
      },
      { granteeId: 'worker', roleId: 'workerRole', targetId: 'assets', access: 'read', statements: [] },
      { granteeId: 'worker', roleId: 'workerRole', targetId: 'bus', access: 'publish', statements: [] },
      {
        granteeId: 'vpcFn',
        roleId: 'vpcFnRole',
        targetId: 'fulfilment',
        access: 'start-execution',
        statements: [],
      },
      { granteeId: 'restApi', targetId: 'users', access: 'read', statements: [] },
      {
        granteeId: 'worker',
        roleId: 'workerRole',
        targetId: 'metrics',
        access: 'write',
        statements: [
          {
            sid: 'WriteRecords',
            actions: ['timestream:WriteRecords'],
            resources: [{ componentId: 'metrics', attribute: 'arn', suffix: '/table/*' }],
          },
          { sid: 'DescribeEndpoints', actions: ['timestream:DescribeEndpoints'], resources: [] },
        ],
      },
      {
        granteeId: 'fulfilment',
        roleId: 'fulfilmentRole',
        targetId: 'worker',
        access: 'invoke',
        statements: [],
      },
      { granteeId: 'legacy', roleId: 'legacyRole', targetId: 'clicks', access: 'write', statements: [] },
      { granteeId: 'vpcFn', roleId: 'vpcFnRole', targetId: 'apiKey', access: 'read-secret', statements: [] },
      {
        granteeId: 'vpcFn',
        roleId: 'vpcFnRole',
        targetId: 'auditLogs',
        access: 'write-logs',
        statements: [],
      },
    ],
    eventSources: [
      {
        id: 'ordersQueueToWorker',
        functionId: 'worker',
        sourceId: 'ordersQueue',
        sourceKind: 'sqs',
        batchSize: 10,
        maxBatchingWindowSeconds: 5,
      },
    ],
    subscriptions: [
      {
        id: 'alarmTopicToQueue',
        topicId: 'alarmTopic',
        subscriberId: 'ordersQueue',
        protocol: 'sqs',
        deadLetterQueueId: 'ordersQueueDlq',
      },
    ],
    ruleTargets: [
      {
        id: 'orderPlacedToFulfilment',
        ruleId: 'orderPlaced',
        targetId: 'fulfilment',
        targetKind: 'step-functions',
        deadLetterQueueId: 'ordersQueueDlq',
        retry: { ...EVENT_TARGET_RETRY },
        messageGroupId: 'order-placed',
      },
    ],
    routes: [
      {
        id: 'albToApi',
        frontDoorId: 'webAlb',
        targetId: 'api',
        kind: 'alb-target',
        port: 8080,
        targetSettings: targetGroupSettings(8080),
      },
      {
        id: 'albToLegacy',
        frontDoorId: 'webAlb',
        targetId: 'legacy',
        kind: 'alb-target',
        port: 8080,
        pathPattern: '/legacy/*',
        targetSettings: targetGroupSettings(8080),
      },
      { id: 'cdnToAssets', frontDoorId: 'cdn', targetId: 'assets', kind: 'cloudfront-origin' },
      {
        id: 'cdnToAlb',
        frontDoorId: 'cdn',
        targetId: 'webAlb',
        kind: 'cloudfront-origin',
        pathPattern: '/api/*',
      },
      { id: 'apiToWorker', frontDoorId: 'publicApi', targetId: 'worker', kind: 'api-integration' },
      {
        id: 'restToWorker',
        frontDoorId: 'restApi',
        targetId: 'worker',
        kind: 'api-integration',
        pathPattern: '/orders',
      },
      { id: 'busToRule', frontDoorId: 'bus', targetId: 'orderPlaced', kind: 'api-integration' },
    ],
    alarms: [
      {
        id: 'ordersQueueDlqAlarm',
        names: names('OrdersQueueDlqAlarm'),
        targetId: 'ordersQueueDlq',
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimension: { name: 'QueueName', ref: { componentId: 'ordersQueueDlq', attribute: 'name' } },
        statistic: 'Maximum',
        threshold: 0,
        comparison: 'GreaterThanThreshold',
        evaluationPeriods: 1,
        periodSeconds: 60,
        topicId: 'alarmTopic',
        description: 'Messages in the DLQ of OrdersQueue',
      },
      {
        id: 'workerErrors',
        names: names('WorkerErrors'),
        targetId: 'worker',
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        dimension: { name: 'FunctionName', ref: { componentId: 'worker', attribute: 'name' } },
        statistic: 'Sum',
        threshold: 1,
        comparison: 'GreaterThanOrEqualToThreshold',
        evaluationPeriods: 1,
        periodSeconds: 300,
        topicId: 'alarmTopic',
        description: 'Errors of Worker',
      },
    ],
  };
}
