/**
 * A Route 53 hosted zone (route53-zone), a private one associated with each VPC of the design,
 * and its alias records (A, and AAAA for a distribution) to the target's DNS name and alias
 * zone, as the lowering decided them.
 */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';

export const route53ZoneEmitter: ComponentEmitter = {
  references: { id: (id) => ref(id) },
  emit(component, ctx) {
    const zone = component.hostedZone;
    if (!zone) throw new Error(`route53-zone "${component.id}" has no resolved zone`);
    const id = component.names.logicalId;
    ctx.template.addResource(id, {
      Type: 'AWS::Route53::HostedZone',
      Metadata: ctx.metadata(component.acknowledgements),
      Properties: {
        Name: zone.zoneName,
        HostedZoneConfig: { Comment: component.names.display.slice(0, 256) },
        VPCs: zone.private
          ? zone.vpcIds.map((vpc) => ({
              VPCId: ref(ctx.vpc(vpc).names.logicalId),
              VPCRegion: ref('AWS::Region'),
            }))
          : undefined,
        HostedZoneTags: ctx.tags(component.names.display),
      },
    });
    for (const record of zone.records) {
      const target = ctx.logicalId(record.targetId);
      const cloudfront = record.targetType === 'cloudfront';
      for (const type of record.recordTypes)
        ctx.template.addResource(`${record.logicalId}${type}`, {
          Type: 'AWS::Route53::RecordSet',
          Properties: {
            HostedZoneId: ref(id),
            Name: record.fqdn,
            Type: type,
            AliasTarget: {
              DNSName: getAtt(target, cloudfront ? 'DomainName' : 'DNSName'),
              HostedZoneId:
                record.aliasZone === 'target'
                  ? getAtt(target, 'CanonicalHostedZoneID')
                  : record.aliasZone.literal,
              EvaluateTargetHealth: record.evaluateTargetHealth,
            },
          },
        });
    }
  },
};
