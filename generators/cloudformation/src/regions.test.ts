/** Environment regions (issue 12 item 3): Rules on AWS::Region, per-environment zones, deploy commands. */
import { describe, expect, it } from 'vitest';
import { design as build } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCloudFormation } from './generate.ts';
import { deployCommands } from './readme.ts';
import { parseTemplate } from './template/yaml.ts';

type Json = Record<string, unknown>;

function shop() {
  return build('Shop')
    .environments('dev', 'prod')
    .vpc({ azCount: 2 })
    .node('alb', { id: 'alb', properties: { accessLogs: true } })
    .node('cloudfront', { id: 'cdn', properties: { waf: true } });
}

function generate(d: ReturnType<typeof shop>) {
  const files = generateCloudFormation(lowerDesign(d.build()));
  const template = parseTemplate(files['template.yaml']!) as Json & {
    Rules?: Record<string, Json>;
    Resources: Record<string, Json>;
    Parameters: Record<string, Json>;
  };
  const parameters = (env: string) =>
    Object.fromEntries(
      (
        JSON.parse(files[`parameters/${env}.json`]!) as { ParameterKey: string; ParameterValue: string }[]
      ).map((p) => [p.ParameterKey, p.ParameterValue]),
    );
  return { files, template, parameters };
}

describe('CloudFormation environment regions', () => {
  it('asserts AWS::Region per environment when environments deploy to different regions', () => {
    const { template } = generate(shop().deployTo('prod', { region: 'eu-west-1', account: '333333333333' }));
    expect(Object.keys(template.Rules!)).toEqual(['DevRegion', 'ProdAccount', 'ProdRegion']);
    expect(template.Rules!.ProdRegion).toEqual({
      RuleCondition: { 'Fn::Equals': [{ Ref: 'EnvironmentName' }, 'prod'] },
      Assertions: [
        {
          Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] },
          AssertDescription: 'The prod environment deploys only into region eu-west-1 (set in the design)',
        },
      ],
    });
    expect(template.Rules!.DevRegion).toMatchObject({
      Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] } }],
    });
  });

  it('adds no Rules when every environment deploys in the design region', () => {
    expect(generate(shop()).template.Rules).toBeUndefined();
    expect(generate(shop().deployTo('prod', { region: 'us-east-1' })).template.Rules).toBeUndefined();
  });

  it("each environment's parameter file names its own region's zones", () => {
    const { template, parameters } = generate(shop().deployTo('prod', { region: 'ap-northeast-1' }));
    expect(template.Parameters.MainVPCAz2).toMatchObject({ Default: 'us-east-1b' });
    expect([parameters('dev').MainVPCAz1, parameters('dev').MainVPCAz2]).toEqual([
      'us-east-1a',
      'us-east-1b',
    ]);
    expect([parameters('prod').MainVPCAz1, parameters('prod').MainVPCAz2]).toEqual([
      'ap-northeast-1a',
      'ap-northeast-1c',
    ]);
  });

  it("the ALB log bucket trusts each environment's regional ELB account", () => {
    const principal = (d: ReturnType<typeof shop>) => {
      const { template } = generate(d);
      const policy = Object.values(template.Resources).find(
        (r) => r.Type === 'AWS::S3::BucketPolicy' && JSON.stringify(r).includes('LoadBalancerLogs'),
      ) as { Properties: { PolicyDocument: { Statement: Json[] } } };
      return policy.Properties.PolicyDocument.Statement.find((s) => s.Sid === 'LoadBalancerLogs')!.Principal;
    };
    const one = JSON.stringify(principal(shop()));
    expect(one).toContain('127311923021');
    const two = JSON.stringify(principal(shop().deployTo('prod', { region: 'eu-west-1' })));
    expect(two).toContain('Fn::If');
    expect(two).toContain('127311923021');
    expect(two).toContain('156460612806');
    // A region without an ELB account (opened after August 2022) uses the service principal.
    expect(JSON.stringify(principal(shop().deployTo('prod', { region: 'eu-central-2' })))).toContain(
      'logdelivery.elasticloadbalancing.amazonaws.com',
    );
  });

  it('a CloudFront web ACL comes from us-east-1 when prod deploys elsewhere', () => {
    const { template } = generate(shop().deployTo('prod', { region: 'eu-west-1' }));
    expect(
      Object.values(template.Resources).some(
        (r) => r.Type === 'AWS::WAFv2::WebACL' && JSON.stringify(r).includes('CLOUDFRONT'),
      ),
    ).toBe(false);
    expect(Object.keys(template.Parameters)).toContain('CloudFrontDistributionWebAclArn');
    // Every environment in us-east-1: the stack makes the ACL itself.
    const home = generate(shop()).template;
    expect(Object.keys(home.Parameters)).not.toContain('CloudFrontDistributionWebAclArn');
    expect(
      Object.values(home.Resources).some(
        (r) => r.Type === 'AWS::WAFv2::WebACL' && JSON.stringify(r).includes('CLOUDFRONT'),
      ),
    ).toBe(true);
  });

  it('the README deploys each environment with --region', () => {
    const { files } = generate(shop().deployTo('prod', { region: 'eu-west-1' }));
    expect(files['README.md']).toMatch(/--stack-name shop-dev [^\n]*\\\n {2}--region us-east-1 \\/);
    expect(files['README.md']).toMatch(/--stack-name shop-prod [^\n]*\\\n {2}--region eu-west-1 \\/);
    const large = deployCommands('shop', ['dev', 'prod'], 60_000, { dev: 'us-east-1', prod: 'eu-west-1' });
    expect(large[2]).toContain('--s3-bucket <artifact-bucket-eu-west-1>');
    expect(deployCommands('shop', ['dev'], 60_000, { dev: 'us-east-1' })[1]).toContain(
      '--s3-bucket <artifact-bucket> ',
    );
  });
});
