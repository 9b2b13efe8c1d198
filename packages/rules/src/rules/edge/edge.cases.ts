import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const fixture = () => design('Edge fixture');
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123';

export const edgeCases: RuleCase[] = [
  {
    ruleId: 'CF-01',
    name: 'custom domain without a certificate',
    compliant: fixture()
      .node('cloudfront', { id: 'cdn', properties: { aliases: 'www.example.com', certificateArn: CERT } })
      .build(),
    nonCompliant: fixture()
      .node('cloudfront', { id: 'cdn', properties: { aliases: 'www.example.com' } })
      .build(),
    expect: { target: 'cdn', severity: 'high', manualFix: true },
  },
  {
    ruleId: 'CF-01',
    name: 'load balancer origin over plain HTTP',
    compliant: fixture()
      .vpc()
      .node('cloudfront', { id: 'cdn' })
      .node('alb', { id: 'web', properties: { certificateArn: CERT } })
      .connect('cdn', 'web', 'route')
      .build(),
    nonCompliant: fixture()
      .vpc()
      .node('cloudfront', { id: 'cdn' })
      .node('alb', { id: 'web' })
      .connect('cdn', 'web', 'route')
      .build(),
    expect: { target: 'cdn', severity: 'high', manualFix: true },
  },
  {
    ruleId: 'CF-02',
    name: 'bucket behind CloudFront allows public access',
    compliant: fixture()
      .node('cloudfront', { id: 'cdn' })
      .node('s3', { id: 'site' })
      .connect('cdn', 'site', 'route')
      .build(),
    nonCompliant: fixture()
      .node('cloudfront', { id: 'cdn' })
      .node('s3', { id: 'site', properties: { blockPublicAccess: false } })
      .connect('cdn', 'site', 'route')
      .build(),
    expect: { target: 'site', severity: 'high' },
  },
  {
    ruleId: 'CF-03',
    name: 'no WAF at the edge',
    compliant: fixture()
      .node('cloudfront', { id: 'cdn', properties: { accessLogs: true, waf: true } })
      .build(),
    nonCompliant: fixture()
      .node('cloudfront', { id: 'cdn', properties: { accessLogs: true, waf: false } })
      .build(),
    expect: { target: 'cdn', severity: 'medium' },
  },
  {
    ruleId: 'APIG-01',
    name: 'API without an authorizer',
    compliant: fixture()
      .node('api-gateway', { id: 'api', properties: { authorizer: 'iam' } })
      .build(),
    nonCompliant: fixture()
      .node('api-gateway', { id: 'api', properties: { authorizer: 'none' } })
      .build(),
    expect: { target: 'api', severity: 'high' },
  },
  {
    ruleId: 'APIG-01',
    name: 'Cognito authorizer without a user pool',
    compliant: fixture()
      .node('api-gateway', { id: 'api', properties: { authorizer: 'cognito' } })
      .node('cognito-user-pool', { id: 'pool' })
      .connect('api', 'pool', 'read')
      .build(),
    nonCompliant: fixture()
      .node('api-gateway', { id: 'api', properties: { authorizer: 'cognito' } })
      .build(),
    expect: { target: 'api', severity: 'high' },
  },
  {
    ruleId: 'APIG-01',
    name: 'JWT authorizer without a user pool to issue its tokens',
    compliant: fixture()
      .node('api-gateway', { id: 'api', properties: { apiType: 'http', authorizer: 'jwt' } })
      .node('cognito-user-pool', { id: 'pool' })
      .connect('api', 'pool', 'read')
      .build(),
    nonCompliant: fixture()
      .node('api-gateway', { id: 'api', properties: { apiType: 'http', authorizer: 'jwt' } })
      .build(),
    expect: { target: 'api', severity: 'high' },
  },
  {
    ruleId: 'APIG-02',
    name: 'REST API without request validation (HTTP APIs have none)',
    compliant: fixture()
      .node('api-gateway', { id: 'api', properties: { apiType: 'http', requestValidation: false } })
      .build(),
    nonCompliant: fixture()
      .node('api-gateway', { id: 'api', properties: { apiType: 'rest', requestValidation: false } })
      .build(),
    expect: { target: 'api', severity: 'medium' },
  },
  {
    ruleId: 'APIG-02',
    name: 'no access logs',
    compliant: fixture().node('api-gateway', { id: 'api' }).build(),
    nonCompliant: fixture()
      .node('api-gateway', { id: 'api', properties: { accessLogs: false } })
      .build(),
    expect: { target: 'api', severity: 'medium' },
  },
  {
    ruleId: 'APIG-03',
    name: 'function outlives the 29-second API timeout',
    compliant: fixture()
      .node('api-gateway', { id: 'api' })
      .node('lambda', { id: 'fn', properties: { timeoutSeconds: 29 } })
      .connect('api', 'fn', 'invoke')
      .build(),
    nonCompliant: fixture()
      .node('api-gateway', { id: 'api' })
      .node('lambda', { id: 'fn', properties: { timeoutSeconds: 120 } })
      .connect('api', 'fn', 'invoke')
      .build(),
    expect: { target: 'fn', severity: 'medium' },
  },
  {
    ruleId: 'WAF-01',
    name: 'a web ACL with no rules',
    compliant: fixture()
      .node('waf-web-acl', { id: 'acl', properties: { ruleGroups: [], rateLimit: 2000 } })
      .build(),
    nonCompliant: fixture()
      .node('waf-web-acl', { id: 'acl', properties: { ruleGroups: [], rateLimit: 0 } })
      .build(),
    expect: { target: 'acl', severity: 'medium' },
  },
  {
    ruleId: 'WAF-02',
    name: 'a web ACL drawn onto an HTTP API',
    compliant: fixture()
      .node('waf-web-acl', { id: 'acl' })
      .node('lambda', { id: 'fn' })
      .node('api-gateway', { id: 'api', properties: { apiType: 'rest' } })
      .connect('api', 'fn', 'invoke')
      .connect('acl', 'api', 'protect', { id: 'guard' })
      .build(),
    nonCompliant: fixture()
      .node('waf-web-acl', { id: 'acl' })
      .node('lambda', { id: 'fn' })
      .node('api-gateway', { id: 'api', properties: { apiType: 'http' } })
      .connect('api', 'fn', 'invoke')
      .connect('acl', 'api', 'protect', { id: 'guard' })
      .build(),
    expect: { target: 'guard', targetKind: 'connection', severity: 'medium' },
  },
  {
    ruleId: 'WAF-02',
    name: 'one web ACL on a distribution and a load balancer',
    compliant: fixture()
      .node('waf-web-acl', { id: 'edge' })
      .node('waf-web-acl', { id: 'regional' })
      .node('cloudfront', { id: 'cdn' })
      .node('alb', { id: 'alb' })
      .connect('edge', 'cdn', 'protect', { id: 'p1' })
      .connect('regional', 'alb', 'protect', { id: 'p2' })
      .build(),
    nonCompliant: fixture()
      .node('waf-web-acl', { id: 'edge' })
      .node('cloudfront', { id: 'cdn' })
      .node('alb', { id: 'alb' })
      .connect('edge', 'cdn', 'protect', { id: 'p1' })
      .connect('edge', 'alb', 'protect', { id: 'p2' })
      .build(),
    expect: { target: 'p2', targetKind: 'connection', severity: 'medium' },
  },
  {
    ruleId: 'WAF-03',
    name: 'WAF switch on under a drawn web ACL',
    compliant: fixture()
      .node('waf-web-acl', { id: 'acl' })
      .node('alb', { id: 'alb', properties: { waf: false } })
      .connect('acl', 'alb', 'protect')
      .build(),
    nonCompliant: fixture()
      .node('waf-web-acl', { id: 'acl' })
      .node('alb', { id: 'alb', properties: { waf: true } })
      .connect('acl', 'alb', 'protect')
      .build(),
    expect: { target: 'alb', severity: 'low' },
  },
  {
    ruleId: 'CF-03',
    name: "a drawn web ACL is the distribution's WAF",
    compliant: fixture()
      .node('waf-web-acl', { id: 'acl' })
      .node('cloudfront', { id: 'cdn', properties: { accessLogs: true } })
      .connect('acl', 'cdn', 'protect')
      .build(),
    nonCompliant: fixture()
      .node('waf-web-acl', { id: 'acl' })
      .node('cloudfront', { id: 'cdn', properties: { accessLogs: true } })
      .build(),
    expect: { target: 'cdn', severity: 'medium' },
  },
  {
    ruleId: 'R53-01',
    name: 'two alias connections naming the same record',
    compliant: fixture()
      .node('route53-zone', { id: 'zone' })
      .node('alb', { id: 'a', properties: { certificateArn: CERT } })
      .node('alb', { id: 'b', properties: { certificateArn: CERT } })
      .connect('zone', 'a', 'alias', { id: 'z1', properties: { recordName: 'www' } })
      .connect('zone', 'b', 'alias', { id: 'z2', properties: { recordName: 'api' } })
      .build(),
    nonCompliant: fixture()
      .node('route53-zone', { id: 'zone' })
      .node('alb', { id: 'a', properties: { certificateArn: CERT } })
      .node('alb', { id: 'b', properties: { certificateArn: CERT } })
      .connect('zone', 'a', 'alias', { id: 'z1', properties: { recordName: 'www' } })
      .connect('zone', 'b', 'alias', { id: 'z2', properties: { recordName: 'www' } })
      .build(),
    expect: { target: 'z2', targetKind: 'connection', severity: 'medium' },
  },
  {
    ruleId: 'R53-02',
    name: 'a name for a load balancer without a certificate',
    compliant: fixture()
      .node('route53-zone', { id: 'zone' })
      .node('alb', { id: 'alb', properties: { certificateArn: CERT } })
      .connect('zone', 'alb', 'alias')
      .build(),
    nonCompliant: fixture()
      .node('route53-zone', { id: 'zone' })
      .node('alb', { id: 'alb' })
      .connect('zone', 'alb', 'alias')
      .build(),
    expect: { target: 'alb', severity: 'medium', manualFix: true },
  },
  {
    ruleId: 'R53-02',
    name: 'a name the distribution does not list',
    compliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('cloudfront', { id: 'cdn', properties: { certificateArn: CERT, aliases: 'www.example.com' } })
      .connect('zone', 'cdn', 'alias', { properties: { recordName: 'www' } })
      .build(),
    nonCompliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('cloudfront', { id: 'cdn', properties: { certificateArn: CERT, aliases: 'shop.example.com' } })
      .connect('zone', 'cdn', 'alias', { properties: { recordName: 'www' } })
      .build(),
    expect: { target: 'cdn', severity: 'medium' },
  },
  {
    ruleId: 'R53-03',
    name: 'a private zone in a design without a VPC',
    compliant: fixture()
      .vpc()
      .node('route53-zone', { id: 'zone', properties: { private: true } })
      .build(),
    nonCompliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { private: true } })
      .build(),
    expect: { target: 'zone', severity: 'high' },
  },
  {
    ruleId: 'ACM-01',
    name: 'a certificate validated by email',
    compliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('acm-certificate', { id: 'cert' })
      .connect('cert', 'zone', 'validate-in')
      .build(),
    nonCompliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('acm-certificate', { id: 'cert', properties: { validationMethod: 'EMAIL' } })
      .connect('cert', 'zone', 'validate-in')
      .build(),
    expect: { target: 'cert', severity: 'medium' },
  },
  {
    ruleId: 'ACM-01',
    name: 'a DNS-validated certificate with no hosted zone (the fix adds one)',
    compliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('acm-certificate', { id: 'cert', properties: { domainName: '*.example.com' } })
      .connect('cert', 'zone', 'validate-in')
      .build(),
    nonCompliant: fixture()
      .node('acm-certificate', { id: 'cert', properties: { domainName: '*.example.com' } })
      .build(),
    expect: { target: 'cert', severity: 'medium' },
  },
  {
    ruleId: 'ACM-01',
    name: 'a certificate validated only in a private zone',
    compliant: fixture()
      .vpc()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('acm-certificate', { id: 'cert' })
      .connect('cert', 'zone', 'validate-in')
      .build(),
    nonCompliant: fixture()
      .vpc()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com', private: true } })
      .node('acm-certificate', { id: 'cert' })
      .connect('cert', 'zone', 'validate-in')
      .build(),
    expect: { target: 'cert', severity: 'medium' },
  },
  {
    ruleId: 'ACM-02',
    name: 'a certificate for a distribution issued outside us-east-1',
    compliant: fixture()
      .node('acm-certificate', { id: 'cert' })
      .node('cloudfront', { id: 'cdn' })
      .connect('cert', 'cdn', 'certificate', { id: 'uses' })
      .build(),
    nonCompliant: fixture()
      .region('eu-west-1')
      .node('acm-certificate', { id: 'cert' })
      .node('cloudfront', { id: 'cdn' })
      .connect('cert', 'cdn', 'certificate', { id: 'uses' })
      .build(),
    expect: { target: 'uses', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'ACM-03',
    name: 'a certificate kept out of the transparency logs',
    compliant: fixture().node('acm-certificate', { id: 'cert' }).build(),
    nonCompliant: fixture()
      .node('acm-certificate', { id: 'cert', properties: { transparencyLogging: false } })
      .build(),
    expect: { target: 'cert', severity: 'medium' },
  },
  {
    ruleId: 'ALB-01',
    name: 'a drawn certificate serves the load balancer',
    compliant: fixture()
      .vpc()
      .node('acm-certificate', { id: 'cert' })
      .node('alb', { id: 'web' })
      .connect('cert', 'web', 'certificate')
      .build(),
    nonCompliant: fixture().vpc().node('acm-certificate', { id: 'cert' }).node('alb', { id: 'web' }).build(),
    expect: { target: 'web', severity: 'high', manualFix: true },
  },
  {
    ruleId: 'CF-01',
    name: 'a drawn certificate serves the custom domain',
    compliant: fixture()
      .node('acm-certificate', { id: 'cert' })
      .node('cloudfront', { id: 'cdn', properties: { aliases: 'www.example.com' } })
      .connect('cert', 'cdn', 'certificate')
      .build(),
    nonCompliant: fixture()
      .node('acm-certificate', { id: 'cert' })
      .node('cloudfront', { id: 'cdn', properties: { aliases: 'www.example.com' } })
      .build(),
    expect: { target: 'cdn', severity: 'high', manualFix: true },
  },
  {
    ruleId: 'R53-02',
    name: 'a name for a load balancer a drawn certificate serves',
    compliant: fixture()
      .node('route53-zone', { id: 'zone' })
      .node('acm-certificate', { id: 'cert' })
      .node('alb', { id: 'alb' })
      .connect('zone', 'alb', 'alias')
      .connect('cert', 'alb', 'certificate')
      .build(),
    nonCompliant: fixture()
      .node('route53-zone', { id: 'zone' })
      .node('acm-certificate', { id: 'cert' })
      .node('alb', { id: 'alb' })
      .connect('zone', 'alb', 'alias')
      .build(),
    expect: { target: 'alb', severity: 'medium', manualFix: true },
  },
  {
    ruleId: 'APIG-04',
    name: 'a name for an API without a certificate',
    compliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('acm-certificate', { id: 'cert', properties: { domainName: 'api.example.com' } })
      .node('api-gateway', { id: 'api' })
      .connect('cert', 'zone', 'validate-in')
      .connect('cert', 'api', 'certificate')
      .connect('zone', 'api', 'alias', { id: 'names', properties: { recordName: 'api' } })
      .build(),
    nonCompliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('api-gateway', { id: 'api' })
      .connect('zone', 'api', 'alias', { id: 'names', properties: { recordName: 'api' } })
      .build(),
    expect: { target: 'names', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'APIG-04',
    name: 'a name for a REST API with the ARN of an existing certificate',
    compliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('api-gateway', { id: 'api', properties: { apiType: 'rest', certificateArn: CERT } })
      .connect('zone', 'api', 'alias', { id: 'names' })
      .build(),
    nonCompliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('api-gateway', { id: 'api', properties: { apiType: 'rest' } })
      .connect('zone', 'api', 'alias', { id: 'names' })
      .build(),
    expect: { target: 'names', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'APIG-05',
    name: 'a custom domain certificate from another region than the API',
    compliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('api-gateway', { id: 'api', properties: { certificateArn: CERT } })
      .connect('zone', 'api', 'alias', { properties: { recordName: 'api' } })
      .build(),
    nonCompliant: fixture()
      .region('eu-west-1')
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('api-gateway', { id: 'api', properties: { certificateArn: CERT } })
      .connect('zone', 'api', 'alias', { properties: { recordName: 'api' } })
      .build(),
    expect: { target: 'api', severity: 'high' },
  },
  {
    ruleId: 'APIG-05',
    name: 'an environment deploying the API outside the certificate’s region',
    compliant: fixture()
      .environments('dev', 'prod')
      .node('api-gateway', { id: 'api', properties: { certificateArn: CERT } })
      .build(),
    nonCompliant: fixture()
      .environments('dev', 'prod')
      .deployTo('prod', { region: 'eu-west-1' })
      .node('api-gateway', { id: 'api', properties: { certificateArn: CERT } })
      .build(),
    expect: { target: 'api', severity: 'high', environment: 'prod' },
  },
  {
    ruleId: 'ACM-02',
    name: 'a certificate shared by a distribution and an API: only the distribution needs us-east-1',
    compliant: fixture()
      .region('eu-west-1')
      .node('acm-certificate', { id: 'cert' })
      .node('api-gateway', { id: 'api' })
      .connect('cert', 'api', 'certificate')
      .build(),
    nonCompliant: fixture()
      .region('eu-west-1')
      .node('acm-certificate', { id: 'cert' })
      .node('api-gateway', { id: 'api' })
      .node('cloudfront', { id: 'cdn' })
      .connect('cert', 'api', 'certificate')
      .connect('cert', 'cdn', 'certificate', { id: 'uses' })
      .build(),
    expect: { target: 'uses', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'ACM-01',
    name: 'a certificate an API uses, validated in no zone of the design',
    compliant: fixture()
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('acm-certificate', { id: 'cert', properties: { domainName: 'api.example.com' } })
      .node('api-gateway', { id: 'api' })
      .connect('cert', 'zone', 'validate-in')
      .connect('cert', 'api', 'certificate')
      .build(),
    nonCompliant: fixture()
      .node('acm-certificate', { id: 'cert', properties: { domainName: 'api.example.com' } })
      .node('api-gateway', { id: 'api' })
      .connect('cert', 'api', 'certificate')
      .build(),
    expect: { target: 'cert', severity: 'medium' },
  },
];
