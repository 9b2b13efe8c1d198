/** RDS instances, Aurora clusters, ElastiCache, OpenSearch and Neptune, all in isolated subnets. */
import type { ResolvedComponent } from '@archgen/infra';
import type { PropertyValue } from '@archgen/model';
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, asType, assign, call, lit, member, newExpr, obj, thisExpr } from '../ts/ast.ts';
import { SUBNET_GROUP, acknowledgeDesignRisks, acknowledgeWhere, removalPolicy, securityGroupOf, subnetSelection, vpcOf } from './common.ts';
import { plainText } from '../naming.ts';

function selectSubnetIds(ctx: StackContext, component: ResolvedComponent): Expr {
  return member(call(member(vpcOf(ctx, component), 'selectSubnets'), subnetSelection(component)), 'subnetIds');
}

function securityGroupIds(ctx: StackContext, component: ResolvedComponent): Expr | undefined {
  const sg = securityGroupOf(ctx, component);
  return sg ? arr([member(sg, 'securityGroupId')]) : undefined;
}

/** The credentials secret: the lowering's secret component, or one created here so it can rotate. */
function credentialsSecret(ctx: StackContext, component: ResolvedComponent): Expr {
  if (component.secretId) return ctx.handle(component.secretId).construct;
  return ctx.declare(
    `${ctx.variableName(component)}Secret`,
    newExpr(
      ctx.api('secretsmanager', 'Secret'),
      thisExpr,
      lit(`${component.names.logicalId}Secret`),
      obj({
        description: lit(`Credentials of ${component.names.logicalId}`),
        generateSecretString: obj({
          secretStringTemplate: lit(JSON.stringify({ username: 'dbadmin' })),
          generateStringKey: lit('password'),
          excludePunctuation: lit(true),
          passwordLength: lit(32),
        }),
      }),
    ),
  );
}

/**
 * Hosted rotation for the credentials secret, in the subnets and security group the lowering
 * chose for it (the database admits that group on its port through the graph's rules).
 */
function addRotation(ctx: StackContext, component: ResolvedComponent, secret: Expr, engine: 'postgres' | 'mysql'): void {
  const secretComponent = component.secretId ? ctx.component(component.secretId) : undefined;
  const rotation = secretComponent?.rotation;
  const days = secretComponent && ctx.has(secretComponent, 'rotationDays') ? ctx.num(secretComponent, 'rotationDays') : 30;
  if (!rotation || days <= 0) return;
  const vpc = ctx.vpcs.get(rotation.vpcId);
  const sg = ctx.securityGroups.get(rotation.securityGroupId);
  if (!vpc || !sg) throw new Error(`Rotation of "${component.id}" names an unknown VPC or security group`);
  const hosted = engine === 'postgres' ? 'HostedRotation.postgreSqlSingleUser' : 'HostedRotation.mysqlSingleUser';
  ctx.expr(
    call(
      member(secret, 'addRotationSchedule'),
      lit('Rotation'),
      obj({
        automaticallyAfter: ctx.duration('days', lit(days)),
        hostedRotation: call(
          ctx.api('secretsmanager', hosted),
          obj({ vpc, vpcSubnets: obj({ subnetGroupName: lit(SUBNET_GROUP[rotation.tier]) }), securityGroups: arr([sg]) }),
        ),
      }),
    ),
  );
}

/** RDS/Aurora keep the engine's default port: ack cdk-nag's "non-default port" rule with why. */
function acknowledgeDefaultPort(ctx: StackContext, target: Expr, rule: string): void {
  ctx.acknowledge(target, rule, 'The engine\'s default port is kept: security groups, not port obscurity, restrict access.');
}

const PER_ENVIRONMENT = 'Off in this environment only, by the design\'s per-environment setting (on in production).';

export const rdsEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: RDS ${ctx.str(component, 'engine')} instance.`);
    const engine = ctx.str(component, 'engine') === 'mysql' ? 'mysql' : 'postgres';
    const version = ctx.str(component, 'engineVersion') || (engine === 'mysql' ? '8.0.39' : '16.4');
    const major = engine === 'mysql' ? version.split('.').slice(0, 2).join('.') : version.split('.')[0] ?? version;
    const engineExpr =
      engine === 'mysql'
        ? call(ctx.api('rds', 'DatabaseInstanceEngine.mysql'), obj({ version: call(ctx.api('rds', 'MysqlEngineVersion.of'), lit(version), lit(major)) }))
        : call(ctx.api('rds', 'DatabaseInstanceEngine.postgres'), obj({ version: call(ctx.api('rds', 'PostgresEngineVersion.of'), lit(version), lit(major)) }));
    const instanceClass = ctx.choose(component, 'instanceClass', (v) => newExpr(ctx.api('ec2', 'InstanceType'), lit(String(v).replace(/^db\./, ''))));
    const port = ctx.value(component, 'port');
    const secret = credentialsSecret(ctx, component);
    const db = ctx.declare(
      name,
      newExpr(
        ctx.api('rds', 'DatabaseInstance'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          engine: engineExpr,
          instanceType: instanceClass,
          vpc: vpcOf(ctx, component),
          vpcSubnets: subnetSelection(component),
          securityGroups: securityGroupOf(ctx, component) ? arr([securityGroupOf(ctx, component) as Expr]) : undefined,
          credentials: call(ctx.api('rds', 'Credentials.fromSecret'), secret),
          port,
          multiAz: ctx.value(component, 'multiAz'),
          allocatedStorage: ctx.value(component, 'allocatedStorageGb'),
          storageType: ctx.api('rds', 'StorageType.GP3'),
          storageEncrypted: ctx.value(component, 'storageEncrypted'),
          backupRetention: ctx.duration('days', ctx.value(component, 'backupRetentionDays')),
          deletionProtection: ctx.value(component, 'deletionProtection'),
          iamAuthentication: ctx.value(component, 'iamAuth'),
          publiclyAccessible: ctx.value(component, 'publiclyAccessible'),
          cloudwatchLogsExports: arr((engine === 'mysql' ? ['error', 'general', 'slowquery'] : ['postgresql', 'upgrade']).map((l) => lit(l))),
          enablePerformanceInsights: lit(true),
          autoMinorVersionUpgrade: lit(true),
          removalPolicy: removalPolicy(ctx, 'SNAPSHOT'),
        }),
      ),
    );
    addRotation(ctx, component, secret, engine);
    acknowledgeDefaultPort(ctx, db, 'AwsSolutions-RDS11');
    const isFalse = (v: PropertyValue) => v === false;
    acknowledgeWhere(ctx, component, 'multiAz', isFalse, db, 'AwsSolutions-RDS3', PER_ENVIRONMENT);
    acknowledgeWhere(ctx, component, 'deletionProtection', isFalse, db, 'AwsSolutions-RDS10', PER_ENVIRONMENT);
    acknowledgeDesignRisks(ctx, component, db);
    ctx.register(component.id, {
      construct: db,
      attributes: {
        arn: member(db, 'instanceArn'),
        id: member(db, 'instanceIdentifier'),
        endpoint: member(db, 'dbInstanceEndpointAddress'),
        port: member(db, 'dbInstanceEndpointPort'),
      },
    });
  },
};

export const auroraEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    const mysql = ctx.str(component, 'engine') === 'aurora-mysql';
    ctx.section(`${component.names.logicalId}: Aurora ${mysql ? 'MySQL' : 'PostgreSQL'} cluster.`);
    const engine = mysql
      ? call(ctx.api('rds', 'DatabaseClusterEngine.auroraMysql'), obj({ version: ctx.api('rds', 'AuroraMysqlEngineVersion.VER_3_08_0') }))
      : call(ctx.api('rds', 'DatabaseClusterEngine.auroraPostgres'), obj({ version: ctx.api('rds', 'AuroraPostgresEngineVersion.VER_16_4') }));
    const instance = (capacity: string, instanceId: string, reader: boolean): Expr =>
      capacity === 'serverless-v2'
        ? reader
          ? call(ctx.api('rds', 'ClusterInstance.serverlessV2'), lit(instanceId), obj({ scaleWithWriter: lit(true) }))
          : call(ctx.api('rds', 'ClusterInstance.serverlessV2'), lit(instanceId))
        : call(
            ctx.api('rds', 'ClusterInstance.provisioned'),
            lit(instanceId),
            obj({ instanceType: newExpr(ctx.api('ec2', 'InstanceType'), lit(ctx.str(component, 'instanceClass').replace(/^db\./, ''))) }),
          );
    const capacity = ctx.str(component, 'capacity');
    const secret = credentialsSecret(ctx, component);
    const readers = ctx.choose(component, 'readers', (count) =>
      arr(Array.from({ length: typeof count === 'number' ? count : 0 }, (_, i) => instance(capacity, `reader${i + 1}`, true))),
    );
    const cluster = ctx.declare(
      name,
      newExpr(
        ctx.api('rds', 'DatabaseCluster'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          engine,
          writer: instance(capacity, 'writer', false),
          readers,
          serverlessV2MinCapacity: capacity === 'serverless-v2' ? ctx.value(component, 'minAcu') : undefined,
          serverlessV2MaxCapacity: capacity === 'serverless-v2' ? ctx.value(component, 'maxAcu') : undefined,
          vpc: vpcOf(ctx, component),
          vpcSubnets: subnetSelection(component),
          securityGroups: securityGroupOf(ctx, component) ? arr([securityGroupOf(ctx, component) as Expr]) : undefined,
          credentials: call(ctx.api('rds', 'Credentials.fromSecret'), secret),
          storageEncrypted: ctx.value(component, 'storageEncrypted'),
          backup: obj({ retention: ctx.duration('days', ctx.value(component, 'backupRetentionDays')) }),
          deletionProtection: ctx.value(component, 'deletionProtection'),
          iamAuthentication: ctx.value(component, 'iamAuth'),
          cloudwatchLogsExports: arr((mysql ? ['audit', 'error', 'general', 'slowquery'] : ['postgresql']).map((l) => lit(l))),
          backtrackWindow: mysql && capacity !== 'serverless-v2' ? ctx.duration('hours', lit(24)) : undefined,
          removalPolicy: removalPolicy(ctx, 'SNAPSHOT'),
        }),
      ),
    );
    addRotation(ctx, component, secret, mysql ? 'mysql' : 'postgres');
    acknowledgeDefaultPort(ctx, cluster, 'AwsSolutions-RDS11');
    acknowledgeWhere(ctx, component, 'deletionProtection', (v) => v === false, cluster, 'AwsSolutions-RDS10', PER_ENVIRONMENT);
    if (mysql && capacity === 'serverless-v2')
      ctx.acknowledge(cluster, 'AwsSolutions-RDS14', 'Aurora Serverless v2 does not support Backtrack; point-in-time restore covers recovery.');
    acknowledgeDesignRisks(ctx, component, cluster);
    ctx.register(component.id, {
      construct: cluster,
      attributes: {
        arn: member(cluster, 'clusterArn'),
        id: member(cluster, 'clusterIdentifier'),
        endpoint: member(member(cluster, 'clusterEndpoint'), 'hostname'),
        port: ctx.asString(member(member(cluster, 'clusterEndpoint'), 'port')),
      },
    });
  },
};

export const elasticacheEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    const redis = ctx.str(component, 'engine') !== 'memcached';
    ctx.section(`${component.names.logicalId}: ElastiCache ${redis ? 'Redis' : 'Memcached'} — no L2 construct exists, so L1 (Cfn*) resources.`);
    const subnetGroup = ctx.declare(
      `${name}SubnetGroup`,
      newExpr(
        ctx.api('elasticache', 'CfnSubnetGroup'),
        thisExpr,
        lit(`${component.names.logicalId}SubnetGroup`),
        obj({ description: lit(`Subnets of ${component.names.logicalId}`), subnetIds: selectSubnetIds(ctx, component) }),
      ),
    );
    let construct: Expr;
    let attributes: Record<string, Expr>;
    if (redis) {
      const useAuth = ctx.bool(component, 'authToken') && ctx.bool(component, 'transitEncryption');
      let authSecret: Expr | undefined;
      if (useAuth) {
        authSecret = component.secretId
          ? ctx.handle(component.secretId).construct
          : ctx.declare(
              `${name}AuthToken`,
              newExpr(
                ctx.api('secretsmanager', 'Secret'),
                thisExpr,
                lit(`${component.names.logicalId}AuthToken`),
                obj({ description: lit(`AUTH token of ${component.names.logicalId}`), generateSecretString: obj({ excludePunctuation: lit(true), passwordLength: lit(64) }) }),
              ),
            );
        if (!component.secretId)
          ctx.acknowledge(authSecret, 'AwsSolutions-SMG4', 'ElastiCache AUTH tokens rotate through modify-replication-group, which has no hosted rotation.');
      }
      // Failover and Multi-AZ need a replica: off where an environment runs a single node.
      const whenReplicated = () =>
        ctx.choose(component, 'nodes', (n) => (typeof n === 'number' && n > 1 ? ctx.value(component, 'automaticFailover') : lit(false)));
      construct = ctx.declare(
        name,
        newExpr(
          ctx.api('elasticache', 'CfnReplicationGroup'),
          thisExpr,
          lit(component.names.logicalId),
          obj({
            replicationGroupDescription: lit(plainText(component.names.display, 255) || component.names.logicalId),
            engine: lit('redis'),
            engineVersion: lit('7.1'),
            cacheNodeType: ctx.value(component, 'nodeType'),
            numCacheClusters: ctx.value(component, 'nodes'),
            automaticFailoverEnabled: whenReplicated(),
            multiAzEnabled: whenReplicated(),
            atRestEncryptionEnabled: ctx.value(component, 'atRestEncryption'),
            transitEncryptionEnabled: ctx.value(component, 'transitEncryption'),
            authToken: authSecret ? call(member(member(authSecret, 'secretValue'), 'unsafeUnwrap')) : undefined,
            cacheSubnetGroupName: member(subnetGroup, 'ref'),
            securityGroupIds: securityGroupIds(ctx, component),
            snapshotRetentionLimit: ctx.value(component, 'snapshotRetentionDays'),
            port: lit(6379),
          }),
        ),
      );
      attributes = { id: member(construct, 'ref'), endpoint: member(construct, 'attrPrimaryEndPointAddress'), port: member(construct, 'attrPrimaryEndPointPort') };
    } else {
      construct = ctx.declare(
        name,
        newExpr(
          ctx.api('elasticache', 'CfnCacheCluster'),
          thisExpr,
          lit(component.names.logicalId),
          obj({
            engine: lit('memcached'),
            cacheNodeType: ctx.value(component, 'nodeType'),
            numCacheNodes: ctx.value(component, 'nodes'),
            azMode: ctx.choose(component, 'nodes', (n) => lit(typeof n === 'number' && n > 1 ? 'cross-az' : 'single-az')),
            transitEncryptionEnabled: ctx.value(component, 'transitEncryption'),
            cacheSubnetGroupName: member(subnetGroup, 'ref'),
            vpcSecurityGroupIds: securityGroupIds(ctx, component),
            port: lit(11211),
          }),
        ),
      );
      attributes = { id: member(construct, 'ref'), endpoint: member(construct, 'attrConfigurationEndpointAddress'), port: member(construct, 'attrConfigurationEndpointPort') };
    }
    if (redis) acknowledgeWhere(ctx, component, 'nodes', (n) => typeof n === 'number' && n < 2, construct, 'AwsSolutions-AEC4', PER_ENVIRONMENT);
    ctx.acknowledge(construct, 'AwsSolutions-AEC5', 'The engine\'s default port is kept: security groups, not port obscurity, restrict access.');
    acknowledgeDesignRisks(ctx, component, construct);
    ctx.register(component.id, { construct, attributes });
  },
};

export const opensearchEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: OpenSearch domain.`);
    const version = ctx.str(component, 'engineVersion').replace(/^OpenSearch_/, '') || '2.15';
    const count = ctx.num(component, 'instanceCount');
    const vpcDef = ctx.graph.vpcs.find((v) => v.id === component.placement?.vpcId);
    const zoneAware = ctx.bool(component, 'zoneAwareness') && count >= 2;
    // Data nodes must divide evenly across the zones; use 3 AZs only when the count allows it.
    const azCount = zoneAware ? ((vpcDef?.azCount ?? 2) >= 3 && count % 3 === 0 ? 3 : 2) : 1;
    const vpc = vpcOf(ctx, component);
    const logGroup = ctx.declare(
      `${name}Logs`,
      newExpr(ctx.api('logs', 'LogGroup'), thisExpr, lit(`${component.names.logicalId}Logs`), obj({ retention: ctx.api('logs', 'RetentionDays.ONE_MONTH') })),
    );
    const domain = ctx.declare(
      name,
      newExpr(
        ctx.api('opensearch', 'Domain'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          version: call(ctx.api('opensearch', 'EngineVersion.openSearch'), lit(version)),
          capacity: obj({
            dataNodes: ctx.value(component, 'instanceCount'),
            dataNodeInstanceType: ctx.value(component, 'instanceType'),
            masterNodes: ctx.choose(component, 'dedicatedMasters', (v) => (v === true ? lit(3) : lit(undefined))),
            masterNodeInstanceType: ctx.choose(component, 'dedicatedMasters', (v) => (v === true ? ctx.value(component, 'instanceType') : lit(undefined))),
            multiAzWithStandbyEnabled: lit(false),
          }),
          ebs: obj({ volumeSize: ctx.value(component, 'volumeSizeGb'), volumeType: ctx.api('ec2', 'EbsDeviceVolumeType.GP3') }),
          zoneAwareness: zoneAware ? obj({ enabled: lit(true), availabilityZoneCount: lit(azCount) }) : undefined,
          vpc,
          vpcSubnets: arr([
            obj({
              subnetGroupName: lit(SUBNET_GROUP[component.placement?.tier ?? 'isolated']),
              availabilityZones: call(member(member(vpc, 'availabilityZones'), 'slice'), lit(0), lit(azCount)),
            }),
          ]),
          securityGroups: securityGroupOf(ctx, component) ? arr([securityGroupOf(ctx, component) as Expr]) : undefined,
          encryptionAtRest: obj({ enabled: ctx.value(component, 'encryptionAtRest') }),
          nodeToNodeEncryption: ctx.value(component, 'nodeToNodeEncryption'),
          enforceHttps: ctx.value(component, 'enforceHttps'),
          tlsSecurityPolicy: ctx.api('opensearch', 'TLSSecurityPolicy.TLS_1_2'),
          logging: obj({
            slowSearchLogEnabled: lit(true),
            slowSearchLogGroup: logGroup,
            slowIndexLogEnabled: lit(true),
            slowIndexLogGroup: logGroup,
            appLogEnabled: lit(true),
            appLogGroup: logGroup,
          }),
          // The log-group resource policy is written below instead of by a custom resource Lambda.
          suppressLogsResourcePolicy: lit(true),
          removalPolicy: removalPolicy(ctx, 'RETAIN'),
        }),
      ),
    );
    ctx.expr(
      newExpr(
        ctx.api('logs', 'ResourcePolicy'),
        thisExpr,
        lit(`${component.names.logicalId}LogsPolicy`),
        obj({
          policyStatements: arr([
            newExpr(
              ctx.api('iam', 'PolicyStatement'),
              obj({
                principals: arr([newExpr(ctx.api('iam', 'ServicePrincipal'), lit('es.amazonaws.com'))]),
                actions: arr([lit('logs:PutLogEvents'), lit('logs:CreateLogStream')]),
                resources: arr([member(logGroup, 'logGroupArn')]),
              }),
            ),
          ]),
        }),
      ),
    );
    // Signed requests from this account's IAM principals only (set on the L1: the L2's
    // accessPolicies prop would add a custom resource Lambda).
    const cfnDomain = ctx.declare(`${name}Cfn`, asType(member(member(domain, 'node'), 'defaultChild'), ctx.typeOf('opensearch', 'CfnDomain')));
    ctx.add(
      assign(
        member(cfnDomain, 'accessPolicies'),
        call(
          member(
            newExpr(
              ctx.api('iam', 'PolicyDocument'),
              obj({
                statements: arr([
                  newExpr(
                    ctx.api('iam', 'PolicyStatement'),
                    obj({
                      principals: arr([newExpr(ctx.api('iam', 'AccountRootPrincipal'))]),
                      actions: arr([lit('es:ESHttp*')]),
                      resources: arr([call(member(thisExpr, 'formatArn'), obj({ service: lit('es'), resource: lit('domain'), resourceName: lit('*') }))]),
                    }),
                  ),
                ]),
              }),
            ),
            'toJSON',
          ),
        ),
      ),
    );
    acknowledgeWhere(ctx, component, 'dedicatedMasters', (v) => v === false, domain, 'AwsSolutions-OS4', PER_ENVIRONMENT);
    acknowledgeWhere(ctx, component, 'zoneAwareness', (v) => v === false, domain, 'AwsSolutions-OS7', PER_ENVIRONMENT);
    ctx.acknowledge(domain, 'AwsSolutions-OS3', 'A VPC domain: security groups limit the network path; the access policy names this account\'s IAM principals.');
    acknowledgeDesignRisks(ctx, component, domain);
    ctx.register(component.id, {
      construct: domain,
      attributes: { arn: member(domain, 'domainArn'), name: member(domain, 'domainName'), endpoint: member(domain, 'domainEndpoint') },
      grantee: undefined,
    });
  },
};

export const neptuneEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: Neptune — only an alpha L2 exists, so L1 (Cfn*) resources keep synth stable.`);
    const subnetGroup = ctx.declare(
      `${name}SubnetGroup`,
      newExpr(
        ctx.api('neptune', 'CfnDBSubnetGroup'),
        thisExpr,
        lit(`${component.names.logicalId}SubnetGroup`),
        obj({ dbSubnetGroupDescription: lit(`Subnets of ${component.names.logicalId}`), subnetIds: selectSubnetIds(ctx, component) }),
      ),
    );
    const cluster = ctx.declare(
      name,
      newExpr(
        ctx.api('neptune', 'CfnDBCluster'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          dbSubnetGroupName: member(subnetGroup, 'ref'),
          vpcSecurityGroupIds: securityGroupIds(ctx, component),
          storageEncrypted: ctx.value(component, 'storageEncrypted'),
          iamAuthEnabled: ctx.value(component, 'iamAuth'),
          backupRetentionPeriod: ctx.value(component, 'backupRetentionDays'),
          deletionProtection: ctx.value(component, 'deletionProtection'),
          enableCloudwatchLogsExports: arr([lit('audit')]),
        }),
      ),
    );
    ctx.expr(call(member(cluster, 'applyRemovalPolicy'), removalPolicy(ctx, 'SNAPSHOT')));
    const instances = Math.max(1, ctx.num(component, 'instances'));
    for (let i = 1; i <= instances; i++) {
      const instance = newExpr(
        ctx.api('neptune', 'CfnDBInstance'),
        thisExpr,
        lit(`${component.names.logicalId}Instance${i}`),
        obj({
          dbClusterIdentifier: member(cluster, 'ref'),
          dbInstanceClass: ctx.value(component, 'instanceClass'),
          autoMinorVersionUpgrade: lit(true),
        }),
      );
      ctx.expr(instance);
    }
    acknowledgeDesignRisks(ctx, component, cluster);
    ctx.register(component.id, {
      construct: cluster,
      attributes: { id: member(cluster, 'ref'), endpoint: member(cluster, 'attrEndpoint'), port: member(cluster, 'attrPort'), arn: call(member(thisExpr, 'formatArn'), obj({ service: lit('rds'), resource: lit('cluster'), resourceName: member(cluster, 'ref'), arnFormat: member(ctx.core('ArnFormat'), 'COLON_RESOURCE_NAME') })) },
    });
  },
};

