/**
 * AWS::CertificateManager::Certificate -> acm-certificate: names, validation, key algorithm and
 * transparency logging. The zone it validates in and what serves it are connections (import.ts).
 */
import { deep, list, props, str, type Reader } from './values.ts';

export const acmCertificate: Reader = (p, ctx) => {
  const others = list(deep(ctx, p.SubjectAlternativeNames)).filter((n): n is string => typeof n === 'string');
  return props({
    domainName: str(ctx, p.DomainName)?.toLowerCase(),
    subjectAlternativeNames: others.map((n) => n.toLowerCase()).join(', '),
    // CloudFormation's default is e-mail validation.
    validationMethod: str(ctx, p.ValidationMethod) ?? 'EMAIL',
    keyAlgorithm: str(ctx, p.KeyAlgorithm) ?? 'RSA_2048',
    transparencyLogging: str(ctx, p.CertificateTransparencyLoggingPreference) !== 'DISABLED',
  });
};
