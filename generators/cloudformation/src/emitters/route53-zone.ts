/**
 * A Route 53 hosted zone (route53-zone), a private one associated with each VPC of the design,
 * and its alias records (A, and AAAA for a distribution) to the target's DNS name and alias
 * zone (an API's: its custom domain's regional name and zone), as the lowering decided them.
 */
import type { ResolvedAliasRecord } from '@archgen/infra';
import type { ComponentEmitter, EmitContext } from '../context.ts';
import { getAtt, ref, type TemplateValue } from '../template/intrinsics.ts';
import { restApiOmitted } from './api-domains.ts';

/** The alias target of a record: the target's DNS name and the hosted zone it belongs to. */
function aliasTarget(
  record: ResolvedAliasRecord,
  ctx: EmitContext,
): { dns: TemplateValue; zone: TemplateValue } {
  const target = ctx.logicalId(record.targetId);
  if (record.targetType === 'api-gateway') {
    const api = ctx.component(record.targetId);
    const domain = (api.apiDomains ?? []).find((d) => d.domainName === record.fqdn);
    if (!domain) throw new Error(`api-gateway "${api.id}" has no custom domain ${record.fqdn}`);
    return {
      dns: getAtt(domain.logicalId, 'RegionalDomainName'),
      zone: getAtt(domain.logicalId, 'RegionalHostedZoneId'),
    };
  }
  return {
    dns: getAtt(target, record.targetType === 'cloudfront' ? 'DomainName' : 'DNSName'),
    zone: record.aliasZone === 'target' ? getAtt(target, 'CanonicalHostedZoneID') : record.aliasZone.literal,
  };
}

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
      // A REST API the template leaves out (no method) has no domain to name.
      if (record.targetType === 'api-gateway' && restApiOmitted(ctx.component(record.targetId), ctx))
        continue;
      const alias = aliasTarget(record, ctx);
      for (const type of record.recordTypes)
        ctx.template.addResource(`${record.logicalId}${type}`, {
          Type: 'AWS::Route53::RecordSet',
          Properties: {
            HostedZoneId: ref(id),
            Name: record.fqdn,
            Type: type,
            AliasTarget: {
              DNSName: alias.dns,
              HostedZoneId: alias.zone,
              EvaluateTargetHealth: record.evaluateTargetHealth,
            },
          },
        });
    }
  },
};
