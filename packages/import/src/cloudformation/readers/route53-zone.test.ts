import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';
import { recordName } from './route53-zone.ts';

const run = (resources: Record<string, unknown>) =>
  importCloudFormation([{ path: 'template.json', text: JSON.stringify({ Resources: resources }) }]);
const alias = (name: string, type: string, target: string, attribute: string) => ({
  Type: 'AWS::Route53::RecordSet',
  Properties: {
    HostedZoneId: { Ref: 'Zone' },
    Name: name,
    Type: type,
    AliasTarget: { DNSName: { 'Fn::GetAtt': [target, attribute] }, HostedZoneId: 'Z2FDTNDATAQYW2' },
  },
});

describe('route53-zone reader', () => {
  it('names a record within its zone', () => {
    expect(recordName('www.example.com.', 'example.com')).toBe('www');
    expect(recordName('Example.com', 'example.com')).toBe('');
    expect(recordName('www.other.com', 'example.com')).toBeUndefined();
  });

  const r = run({
    Zone: { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'Example.com.' } },
    Cdn: {
      Type: 'AWS::CloudFront::Distribution',
      Properties: { DistributionConfig: { Enabled: true, Origins: [] } },
    },
    WwwA: alias('www.example.com', 'A', 'Cdn', 'DomainName'),
    WwwAAAA: alias('www.example.com', 'AAAA', 'Cdn', 'DomainName'),
    Mail: {
      Type: 'AWS::Route53::RecordSet',
      Properties: {
        HostedZoneId: { Ref: 'Zone' },
        Name: 'example.com',
        Type: 'MX',
        ResourceRecords: ['10 mx'],
      },
    },
  });

  it('reads the zone and its alias records as one alias connection with the record name', () => {
    expect(r.design.nodes.find((n) => n.id === 'Zone')).toMatchObject({
      type: 'route53-zone',
      properties: { zoneName: 'example.com', private: false },
      logicalIds: { self: 'Zone', 'record:0': 'WwwA', 'record:1': 'WwwAAAA' },
    });
    expect(r.design.connections.filter((c) => c.kind === 'alias')).toMatchObject([
      { from: 'Zone', to: 'Cdn', properties: { recordName: 'www' } },
    ]);
  });

  it('keeps a record the zone would not make again (not an alias), as written', () => {
    expect(r.report.resources.find((e) => e.sourceId === 'Mail')!.outcome).toMatchObject({ kind: 'kept' });
  });
});
