/**
 * CloudFront distribution: HTTPS for viewers (redirect), TLS 1.2 with a certificate or the
 * default *.cloudfront.net one (CF-01), S3 origins through Origin Access Control with the bucket
 * kept private (CF-02), ALB and API origins over HTTPS, access logs and WAF as designed (CF-03).
 * A CloudFront web ACL must live in us-east-1: elsewhere it is passed in as a parameter.
 */
import { REST_API_STAGE, type ResolvedComponent, type ResolvedRoute } from '@archgen/infra';
import { commaSeparatedNames } from '@archgen/model';
import type { ComponentEmitter, EmitContext, Suppression } from '../context.ts';
import { equals, getAtt, not, ref, sub, type TemplateValue } from '../template/intrinsics.ts';
import { stackUniqueName, webAcl } from './common.ts';
import { logBucket } from './log-bucket.ts';

/** AWS managed cache and origin request policies (ids are the same in every account). */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

function origin(route: ResolvedRoute, ctx: EmitContext, distributionId: string): TemplateValue {
  const target = ctx.component(route.targetId);
  const originId = target.names.logicalId;
  switch (target.type) {
    case 's3':
      return {
        Id: originId,
        DomainName: getAtt(target.names.logicalId, 'RegionalDomainName'),
        S3OriginConfig: { OriginAccessIdentity: '' },
        OriginAccessControlId: getAtt(`${distributionId}OriginAccessControl`, 'Id'),
      };
    case 'alb': {
      const certs = Object.values(ctx.perEnvironment(target, 'certificateArn'));
      // A drawn certificate serves every environment; else where the certificateArn is set.
      const https = ctx.when(
        Object.fromEntries(
          ctx.environments.map((env, i) => [
            env,
            target.certificateId !== undefined || (typeof certs[i] === 'string' && certs[i] !== ''),
          ]),
        ),
      );
      return {
        Id: originId,
        DomainName: getAtt(target.names.logicalId, 'DNSName'),
        CustomOriginConfig: {
          // HTTPS to the origin wherever its ALB has a certificate (CF-01).
          OriginProtocolPolicy: ctx.choose(https, 'https-only', 'http-only')!,
          HTTPSPort: 443,
          HTTPPort: 80,
          OriginSSLProtocols: ['TLSv1.2'],
        },
      };
    }
    case 'api-gateway':
      return {
        Id: originId,
        DomainName: sub(`\${${target.names.logicalId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}`),
        OriginPath: ctx.constant(target, 'apiType') === 'rest' ? `/${REST_API_STAGE}` : undefined,
        CustomOriginConfig: {
          OriginProtocolPolicy: 'https-only',
          HTTPSPort: 443,
          OriginSSLProtocols: ['TLSv1.2'],
        },
      };
    default:
      throw new Error(`CloudFront cannot route to a ${target.type} (${target.id})`);
  }
}

function behavior(
  route: ResolvedRoute,
  target: ResolvedComponent,
): Record<string, TemplateValue | undefined> {
  const isStatic = target.type === 's3';
  return {
    TargetOriginId: target.names.logicalId,
    ViewerProtocolPolicy: 'redirect-to-https',
    Compress: true,
    CachePolicyId: isStatic ? CACHING_OPTIMIZED : CACHING_DISABLED,
    OriginRequestPolicyId: isStatic ? undefined : ALL_VIEWER_EXCEPT_HOST,
    AllowedMethods: isStatic
      ? ['GET', 'HEAD', 'OPTIONS']
      : ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
    PathPattern: route.pathPattern,
  };
}

export const cloudfrontEmitter: ComponentEmitter = {
  references: {
    id: (id) => ref(id),
    domainName: (id) => getAtt(id, 'DomainName'),
    arn: (id) => sub(`arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${id}}`),
  },
  emit(distribution, ctx) {
    const id = distribution.names.logicalId;
    const routes = ctx.graph.routes.filter(
      (r) => r.kind === 'cloudfront-origin' && r.frontDoorId === distribution.id,
    );
    if (routes.some((r) => ctx.component(r.targetId).type === 's3')) {
      ctx.template.addResource(`${id}OriginAccessControl`, {
        Type: 'AWS::CloudFront::OriginAccessControl',
        Properties: {
          OriginAccessControlConfig: {
            Name: stackUniqueName(distribution.names.slug, 64),
            OriginAccessControlOriginType: 's3',
            SigningBehavior: 'always',
            SigningProtocol: 'sigv4',
          },
        },
      });
    }
    const accessLogs = ctx.flag(distribution, 'accessLogs');
    const logs = logBucket(ctx, distribution, accessLogs);
    const certificate = ctx.perEnvironment(distribution, 'certificateArn');
    const drawn = distribution.certificateId;
    const hasCert = ctx.when(
      Object.fromEntries(
        ctx.environments.map((env) => [
          env,
          drawn !== undefined || (typeof certificate[env] === 'string' && certificate[env] !== ''),
        ]),
      ),
    );
    const suppressions: Suppression[] = [];
    if (hasCert !== true) {
      suppressions.push({
        id: 'CKV_AWS_174',
        reason:
          'Environments without a certificate use the default *.cloudfront.net certificate, whose TLS policy CloudFront sets',
      });
    }

    // The lowering decides the ACL: created here when this stack deploys to us-east-1, else a parameter.
    const decided = distribution.webAcl;
    const acl = webAcl(ctx, distribution);
    let webAclArn: TemplateValue | undefined;
    if (acl) {
      webAclArn = ctx.choose(acl.flag, getAtt(acl.id, 'Arn'), undefined);
    } else if (decided?.source === 'external') {
      const parameter = ctx.template.addParameter(
        `${id}WebAclArn`,
        {
          Type: 'String',
          Description: `ARN of a CLOUDFRONT-scope web ACL in us-east-1 for ${distribution.names.display} ("" = none)`,
          Default: '',
        },
        distribution.names.display,
      );
      ctx.parameterValues.set(parameter, Object.fromEntries(ctx.environments.map((env) => [env, ''])));
      const present = ctx.template.addCondition(`${id}HasWebAcl`, not(equals(ref(parameter), '')));
      webAclArn = ctx.choose(present, ref(parameter), undefined);
      suppressions.push({
        id: 'CKV_AWS_68',
        reason: 'The web ACL comes from a us-east-1 stack through a parameter',
      });
    }

    const [first, ...rest] = routes;
    const { PathPattern: _default, ...defaultBehavior } = behavior(first!, ctx.component(first!.targetId));
    ctx.template.addResource(id, {
      Type: 'AWS::CloudFront::Distribution',
      Metadata: ctx.metadata(distribution.acknowledgements, suppressions),
      Properties: {
        DistributionConfig: {
          Enabled: true,
          Comment: distribution.names.display.slice(0, 128),
          HttpVersion: 'http2and3',
          IPV6Enabled: true,
          PriceClass: ctx.value(distribution, 'priceClass'),
          DefaultRootObject: ctx.value(distribution, 'defaultRootObject', (o) =>
            typeof o === 'string' && o !== '' ? o : undefined,
          ),
          Origins: routes.map((route) => origin(route, ctx, id)),
          DefaultCacheBehavior: defaultBehavior,
          CacheBehaviors:
            rest.length > 0 ? rest.map((route) => behavior(route, ctx.component(route.targetId))) : undefined,
          // Only where the environment has a certificate: CloudFront refuses names it cannot serve.
          Aliases: ctx.choose(
            hasCert,
            ctx.value(distribution, 'aliases', (text) => {
              const aliases = commaSeparatedNames(text);
              return aliases.length > 0 ? aliases : undefined;
            }),
            undefined,
          ),
          ViewerCertificate: ctx.choose(
            hasCert,
            {
              AcmCertificateArn: drawn
                ? ctx.attribute(drawn, 'arn')
                : ctx.value(distribution, 'certificateArn', (arn) =>
                    typeof arn === 'string' && arn !== '' ? arn : undefined,
                  ),
              SslSupportMethod: 'sni-only',
              MinimumProtocolVersion: ctx.value(distribution, 'minimumTls'),
            },
            { CloudFrontDefaultCertificate: true },
          ),
          Logging: logs
            ? ctx.choose(
                accessLogs,
                {
                  Bucket: getAtt(logs, 'RegionalDomainName'),
                  Prefix: distribution.accessLogBucket!.prefix,
                  IncludeCookies: false,
                },
                undefined,
              )
            : undefined,
          WebACLId: webAclArn,
        },
        Tags: ctx.tags(distribution.names.display),
      },
    });
    ctx.template.addOutput(`${id}DomainName`, {
      Description: `Domain name of ${distribution.names.display}`,
      Value: getAtt(id, 'DomainName'),
      exportName: `${id}DomainName`,
    });
  },
};
