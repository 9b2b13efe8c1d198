/**
 * OpenSearch domain inside the VPC, encrypted at rest and node to node, HTTPS only with TLS 1.2
 * (OS-01), zone awareness across the VPC's AZs and dedicated masters as designed (OS-02). Access
 * is by IAM: the domain policy admits this account's principals, their own policies decide.
 */
import { requireResolved } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref, sub, type TemplateValue } from '../template/intrinsics.ts';
import { deletionPolicies, engineVersion } from './common.ts';

export const opensearchEmitter: ComponentEmitter = {
  references: {
    endpoint: (id) => getAtt(id, 'DomainEndpoint'),
    arn: (id) => getAtt(id, 'Arn'),
    name: (id) => ref(id),
    id: (id) => ref(id),
  },
  emit(domain, ctx) {
    const id = domain.names.logicalId;
    if (!domain.placement) throw new Error(`OpenSearch ${domain.id} has no subnet placement`);
    const vpc = ctx.vpc(domain.placement.vpcId);
    const subnets = ctx.subnetIds(vpc.id, domain.placement.tier);
    // The lowering's zones per environment (1: not zone aware).
    const zones = requireResolved(domain.zoneCount, domain, 'zone count').byEnv;
    const zoneValue = (
      pick: (zoneCount: number) => TemplateValue | undefined,
      parameter = `${id}Zones`,
      description = `availability zones of ${domain.names.display}`,
    ) =>
      ctx.byEnvironment(Object.fromEntries(Object.entries(zones).map(([env, n]) => [env, pick(n)])), {
        parameter,
        description,
        group: domain.names.display,
      });
    const dedicated = ctx.flag(domain, 'dedicatedMasters');
    // The lowering's log group receives slow search, slow index and application logs; OpenSearch
    // may write there only through a resource policy, which must exist first.
    const logGroupId = requireResolved(domain.logGroupId, domain, 'log group');
    const logGroupArn = ctx.attribute(logGroupId, 'arn');
    const logsPolicy = `${id}LogsPolicy`;
    ctx.template.addResource(logsPolicy, {
      Type: 'AWS::Logs::ResourcePolicy',
      Properties: {
        PolicyName: sub(`\${AWS::StackName}-${id}-logs`),
        PolicyDocument: sub(
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'es.amazonaws.com' },
                Action: ['logs:PutLogEvents', 'logs:CreateLogStream'],
                Resource: `\${${ctx.logicalId(logGroupId)}.Arn}`,
              },
            ],
          }),
        ),
      },
    });
    const publish = { CloudWatchLogsLogGroupArn: logGroupArn, Enabled: true };
    ctx.template.addResource(id, {
      Type: 'AWS::OpenSearchService::Domain',
      DependsOn: [logsPolicy],
      ...deletionPolicies(domain),
      Metadata: ctx.metadata(domain.acknowledgements),
      // A new version upgrades the domain in place (as Terraform does) instead of replacing it.
      UpdatePolicy: { EnableVersionUpgrade: true },
      Properties: {
        EngineVersion: engineVersion(ctx, domain),
        ClusterConfig: {
          InstanceType: ctx.value(domain, 'instanceType'),
          InstanceCount: ctx.value(domain, 'instanceCount'),
          ZoneAwarenessEnabled: zoneValue(
            (n) => n > 1,
            `${id}ZoneAware`,
            `zone awareness of ${domain.names.display}`,
          ),
          ZoneAwarenessConfig: zoneValue((n) => (n > 1 ? { AvailabilityZoneCount: n } : undefined)),
          DedicatedMasterEnabled: ctx.value(domain, 'dedicatedMasters'),
          DedicatedMasterType: ctx.choose(dedicated, ctx.value(domain, 'instanceType'), undefined),
          DedicatedMasterCount: ctx.choose(dedicated, 3, undefined),
        },
        EBSOptions: { EBSEnabled: true, VolumeType: 'gp3', VolumeSize: ctx.value(domain, 'volumeSizeGb') },
        EncryptionAtRestOptions: { Enabled: ctx.value(domain, 'encryptionAtRest') },
        NodeToNodeEncryptionOptions: { Enabled: ctx.value(domain, 'nodeToNodeEncryption') },
        DomainEndpointOptions: {
          EnforceHTTPS: ctx.value(domain, 'enforceHttps'),
          TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07',
        },
        VPCOptions: {
          // One subnet per zone.
          SubnetIds: zoneValue((n) => subnets.slice(0, n))!,
          SecurityGroupIds: ctx.securityGroupIds(domain),
        },
        LogPublishingOptions: {
          SEARCH_SLOW_LOGS: publish,
          INDEX_SLOW_LOGS: publish,
          ES_APPLICATION_LOGS: publish,
        },
        AccessPolicies: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
              Action: 'es:ESHttp*',
              Resource: sub(`arn:\${AWS::Partition}:es:\${AWS::Region}:\${AWS::AccountId}:domain/*`),
            },
          ],
        },
        Tags: ctx.tags(domain.names.display),
      },
    });
  },
};
