import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';

const run = (resources: Record<string, unknown>) =>
  importCloudFormation([{ path: 'template.json', text: JSON.stringify({ Resources: resources }) }]);

describe('acm-certificate reader', () => {
  const r = run({
    Zone: { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'example.com' } },
    Cert: {
      Type: 'AWS::CertificateManager::Certificate',
      Properties: {
        DomainName: 'example.com',
        SubjectAlternativeNames: ['www.example.com', 'api.example.com'],
        ValidationMethod: 'DNS',
        DomainValidationOptions: [{ DomainName: 'example.com', HostedZoneId: { Ref: 'Zone' } }],
        KeyAlgorithm: 'EC_prime256v1',
      },
    },
    Cdn: {
      Type: 'AWS::CloudFront::Distribution',
      Properties: {
        DistributionConfig: {
          Enabled: true,
          Origins: [],
          ViewerCertificate: { AcmCertificateArn: { Ref: 'Cert' }, SslSupportMethod: 'sni-only' },
        },
      },
    },
  });

  it('reads the names, validation and key algorithm', () => {
    expect(r.design.nodes.find((n) => n.id === 'Cert')).toMatchObject({
      type: 'acm-certificate',
      properties: {
        domainName: 'example.com',
        subjectAlternativeNames: 'www.example.com, api.example.com',
        validationMethod: 'DNS',
        keyAlgorithm: 'EC_prime256v1',
        transparencyLogging: true,
      },
    });
  });

  it('validates in the zone its validation options name and serves the distribution naming it', () => {
    const from = r.design.connections.filter((c) => c.from === 'Cert').map((c) => `${c.kind} ${c.to}`);
    expect(from.sort()).toEqual(['certificate Cdn', 'validate-in Zone']);
  });

  it('reads e-mail validation where the template names no method', () => {
    const plain = run({
      Cert: { Type: 'AWS::CertificateManager::Certificate', Properties: { DomainName: 'a.com' } },
    });
    expect(plain.design.nodes[0]!.properties).toMatchObject({ validationMethod: 'EMAIL' });
  });
});
