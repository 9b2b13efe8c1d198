/**
 * Small designs that several generators' tests print, each target checking its own side of the
 * same scenario (one place for the design, so the targets are tested on the same thing).
 */
import { design, type Design } from '@archgen/model';

/** An MSK cluster with SASL/SCRAM and a Lambda consuming a topic. */
export function scramClusterDesign(): Design {
  return design('Scram')
    .vpc()
    .node('msk-cluster', {
      id: 'kafka',
      name: 'Events',
      tier: 'private',
      properties: { clientAuth: 'scram' },
    })
    .node('lambda', { id: 'fn', name: 'Consumer' })
    .connect('kafka', 'fn', 'event-source', { properties: { topic: 'orders' } })
    .build();
}

/** The certificate ARN the REST API of `apiDomainsDesign` gives directly. */
export const API_DOMAINS_CERT_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123';

/**
 * An HTTP API with a drawn certificate and a REST API with a certificate ARN, each given a name in
 * the zone (api.example.com, rest.example.com), both invoking one function.
 */
export function apiDomainsDesign(): Design {
  return design('Api domains')
    .node('route53-zone', { id: 'zone', name: 'Zone', properties: { zoneName: 'example.com' } })
    .node('acm-certificate', { id: 'cert', name: 'Cert', properties: { domainName: 'api.example.com' } })
    .node('lambda', { id: 'fn', name: 'Fn' })
    .node('api-gateway', { id: 'http', name: 'Http', properties: { authorizer: 'none' } })
    .node('api-gateway', {
      id: 'rest',
      name: 'Rest',
      properties: { apiType: 'rest', authorizer: 'none', certificateArn: API_DOMAINS_CERT_ARN },
    })
    .connect('cert', 'zone', 'validate-in')
    .connect('cert', 'http', 'certificate')
    .connect('http', 'fn', 'invoke')
    .connect('rest', 'fn', 'invoke')
    .connect('zone', 'http', 'alias', { properties: { recordName: 'api' } })
    .connect('zone', 'rest', 'alias', { properties: { recordName: 'rest' } })
    .build();
}
