/** OpenSearch domains, in isolated subnets. */
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, asType, assign, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { onlyWhere } from '../context.ts';
import {
  PER_ENVIRONMENT,
  SUBNET_GROUP,
  acknowledgeDesignRisks,
  acknowledgeWhere,
  engineVersion,
  protectionPolicy,
  requireResolved,
  securityGroupOf,
  vpcOf,
} from './common.ts';

export const opensearchEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: OpenSearch domain.`);
    // The lowering's zones per environment: a single-node dev domain and a zone-aware prod one.
    const zoneCount = requireResolved(component.zoneCount, component, 'zone count');
    const zonesIn = (env: string) => zoneCount.byEnv[env]!;
    const zones = ctx.graph.environments.map(zonesIn);
    const azCount = ctx.derive(component, 'availabilityZones', 'AZs the domain spans', zonesIn);
    const zoneAware = zones.some((z) => z > 1)
      ? ctx.derive(component, 'zoneAware', 'zone awareness (2+ nodes)', (env) => zonesIn(env) > 1)
      : undefined;
    const vpc = vpcOf(ctx, component);
    // The lowering's log group: slow search, slow index and application logs.
    const logGroup = ctx.handle(requireResolved(component.logGroupId, component, 'log group')).construct;
    const domain = ctx.declare(
      name,
      newExpr(
        ctx.api('opensearch', 'Domain'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          // "OpenSearch_2.19" -> EngineVersion.openSearch('2.19'), "Elasticsearch_7.10" -> .elasticsearch('7.10').
          version: engineVersion(ctx, component, (version) => {
            const [family, number] = version.split('_');
            return call(
              ctx.api(
                'opensearch',
                family === 'Elasticsearch' ? 'EngineVersion.elasticsearch' : 'EngineVersion.openSearch',
              ),
              lit(number ?? version),
            );
          }),
          // A new version upgrades the domain in place (UpdatePolicy EnableVersionUpgrade), as
          // Terraform does, instead of replacing it.
          enableVersionUpgrade: lit(true),
          capacity: obj({
            dataNodes: ctx.value(component, 'instanceCount'),
            dataNodeInstanceType: ctx.value(component, 'instanceType'),
            masterNodes: ctx.choose(component, 'dedicatedMasters', (v) =>
              v === true ? lit(3) : lit(undefined),
            ),
            masterNodeInstanceType: ctx.choose(component, 'dedicatedMasters', (v) =>
              v === true ? ctx.value(component, 'instanceType') : lit(undefined),
            ),
            multiAzWithStandbyEnabled: lit(false),
          }),
          ebs: obj({
            volumeSize: ctx.value(component, 'volumeSizeGb'),
            volumeType: ctx.api('ec2', 'EbsDeviceVolumeType.GP3'),
          }),
          zoneAwareness: zoneAware
            ? onlyWhere(
                zoneAware.kind === 'literal' ? undefined : zoneAware,
                obj({ enabled: lit(true), availabilityZoneCount: azCount }),
              )
            : undefined,
          vpc,
          vpcSubnets: arr([
            obj({
              subnetGroupName: lit(SUBNET_GROUP[component.placement?.tier ?? 'isolated']),
              availabilityZones: call(member(member(vpc, 'availabilityZones'), 'slice'), lit(0), azCount),
            }),
          ]),
          securityGroups: securityGroupOf(ctx, component)
            ? arr([securityGroupOf(ctx, component) as Expr])
            : undefined,
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
          removalPolicy: protectionPolicy(ctx, component),
        }),
      ),
    );
    ctx.expr(
      newExpr(
        ctx.api('logs', 'ResourcePolicy'),
        ctx.scope,
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
    const cfnDomain = ctx.declare(
      `${name}Cfn`,
      asType(member(member(domain, 'node'), 'defaultChild'), ctx.typeOf('opensearch', 'CfnDomain')),
    );
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
                      resources: arr([
                        call(
                          member(ctx.scope, 'formatArn'),
                          obj({ service: lit('es'), resource: lit('domain'), resourceName: lit('*') }),
                        ),
                      ]),
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
    acknowledgeWhere(
      ctx,
      component,
      'dedicatedMasters',
      (v) => v === false,
      domain,
      'AwsSolutions-OS4',
      PER_ENVIRONMENT,
    );
    acknowledgeWhere(
      ctx,
      component,
      'zoneAwareness',
      (v) => v === false,
      domain,
      'AwsSolutions-OS7',
      PER_ENVIRONMENT,
    );
    ctx.acknowledge(
      domain,
      'AwsSolutions-OS3',
      "A VPC domain: security groups limit the network path; the access policy names this account's IAM principals.",
    );
    acknowledgeDesignRisks(ctx, component, domain);
    ctx.register(component.id, {
      construct: domain,
      attributes: {
        arn: member(domain, 'domainArn'),
        name: member(domain, 'domainName'),
        endpoint: member(domain, 'domainEndpoint'),
      },
      grantee: undefined,
    });
  },
};
