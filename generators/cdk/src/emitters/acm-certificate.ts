/**
 * An ACM certificate (acm-certificate): acm.Certificate, validated by DNS in the connected hosted
 * zone (CertificateValidation.fromDns(zone): CloudFormation writes the records), by DNS records
 * made by hand, or by email, as the lowering decided. Front doors take it through their handle.
 */
import type { ComponentEmitter } from './types.ts';
import { arr, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks } from './common.ts';

export const acmCertificateEmitter: ComponentEmitter = {
  // The zone exists first; the load balancers and distributions that use it come after it.
  dependencies: (component) => (component.acmCertificate?.zoneId ? [component.acmCertificate.zoneId] : []),
  emit(component, ctx) {
    const decided = component.acmCertificate;
    if (!decided) throw new Error(`acm-certificate "${component.id}" has no resolved certificate`);
    ctx.section(`${component.names.logicalId}: ACM certificate for ${decided.domainName}.`);
    const validation =
      decided.validation === 'EMAIL'
        ? call(ctx.api('acm', 'CertificateValidation.fromEmail'))
        : call(
            ctx.api('acm', 'CertificateValidation.fromDns'),
            ...(decided.zoneId ? [ctx.handle(decided.zoneId).construct] : []),
          );
    const certificate = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('acm', 'Certificate'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          domainName: lit(decided.domainName),
          subjectAlternativeNames: decided.subjectAlternativeNames.length
            ? arr(decided.subjectAlternativeNames.map((n) => lit(n)))
            : undefined,
          validation,
          keyAlgorithm: ctx.api('acm', `KeyAlgorithm.${decided.keyAlgorithm.toUpperCase()}`),
          transparencyLoggingEnabled: lit(decided.transparencyLogging),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, certificate);
    ctx.register(component.id, {
      construct: certificate,
      attributes: { arn: member(certificate, 'certificateArn') },
    });
  },
};
