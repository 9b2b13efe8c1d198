/**
 * OpenSearch domain inside the VPC, encrypted at rest and node to node, HTTPS only with TLS 1.2
 * (OS-01), zone awareness across the VPC's AZs and dedicated masters as designed (OS-02). Access
 * is by IAM: the domain policy admits this account's principals, their own policies decide.
 */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref, sub, type TemplateValue } from '../template/intrinsics.ts';

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
    const zoneAware = ctx.flag(domain, 'zoneAwareness');
    const azCount = Math.min(3, subnets.length);
    const dedicated = ctx.flag(domain, 'dedicatedMasters');
    ctx.template.addResource(id, {
      Type: 'AWS::OpenSearchService::Domain',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Metadata: ctx.metadata(domain.acknowledgements),
      Properties: {
        EngineVersion: ctx.value(domain, 'engineVersion'),
        ClusterConfig: {
          InstanceType: ctx.value(domain, 'instanceType'),
          InstanceCount: ctx.value(domain, 'instanceCount'),
          ZoneAwarenessEnabled: ctx.value(domain, 'zoneAwareness'),
          ZoneAwarenessConfig: ctx.choose(zoneAware, { AvailabilityZoneCount: azCount }, undefined),
          DedicatedMasterEnabled: ctx.value(domain, 'dedicatedMasters'),
          DedicatedMasterType: ctx.choose(dedicated, ctx.value(domain, 'instanceType'), undefined),
          DedicatedMasterCount: ctx.choose(dedicated, 3, undefined),
        },
        EBSOptions: { EBSEnabled: true, VolumeType: 'gp3', VolumeSize: ctx.value(domain, 'volumeSizeGb') },
        EncryptionAtRestOptions: { Enabled: ctx.value(domain, 'encryptionAtRest') },
        NodeToNodeEncryptionOptions: { Enabled: ctx.value(domain, 'nodeToNodeEncryption') },
        DomainEndpointOptions: { EnforceHTTPS: ctx.value(domain, 'enforceHttps'), TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
        VPCOptions: {
          // Zone-aware domains need one subnet per zone; others exactly one.
          SubnetIds: ctx.choose(zoneAware, subnets.slice(0, azCount), subnets.slice(0, 1)) as TemplateValue,
          SecurityGroupIds: ctx.securityGroupIds(domain),
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
