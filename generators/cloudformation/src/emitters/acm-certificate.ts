/**
 * An ACM certificate (acm-certificate): AWS::CertificateManager::Certificate. Validated by DNS in
 * a connected hosted zone, DomainValidationOptions name the zone for every name, and
 * CloudFormation writes the validation records itself and waits for them; validated by hand or
 * by email, the stack waits until someone validates it. Ref is the ARN.
 */
import type { ComponentEmitter } from '../context.ts';
import { ref } from '../template/intrinsics.ts';

export const acmCertificateEmitter: ComponentEmitter = {
  references: { arn: (id) => ref(id) },
  emit(component, ctx) {
    const decided = component.acmCertificate;
    if (!decided) throw new Error(`acm-certificate "${component.id}" has no resolved certificate`);
    const zone = decided.zoneId ? ctx.attribute(decided.zoneId, 'id') : undefined;
    ctx.template.addResource(component.names.logicalId, {
      Type: 'AWS::CertificateManager::Certificate',
      Metadata: ctx.metadata(component.acknowledgements),
      Properties: {
        DomainName: decided.domainName,
        SubjectAlternativeNames: decided.subjectAlternativeNames.length
          ? decided.subjectAlternativeNames
          : undefined,
        ValidationMethod: decided.validation,
        DomainValidationOptions: zone
          ? [decided.domainName, ...decided.subjectAlternativeNames].map((name) => ({
              DomainName: name,
              HostedZoneId: zone,
            }))
          : undefined,
        KeyAlgorithm: decided.keyAlgorithm,
        CertificateTransparencyLoggingPreference: decided.transparencyLogging ? 'ENABLED' : 'DISABLED',
        Tags: ctx.tags(component.names.display),
      },
    });
  },
};
