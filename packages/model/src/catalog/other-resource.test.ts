import { describe, expect, it } from 'vitest';
import { getService } from './index.ts';
import { searchServices } from './search.ts';
import { validateProperties } from '../design/properties.ts';

const service = getService('other-resource')!;

describe('other-resource (a kept imported resource)', () => {
  it('is in the catalog but never offered by the palette or its search', () => {
    expect(service.importOnly).toBe(true);
    expect(searchServices('').matches.map((s) => s.type)).not.toContain('other-resource');
    for (const query of ['other', 'other resource', 'resource', 'cloudformation'])
      expect(searchServices(query).matches.map((s) => s.type)).not.toContain('other-resource');
    // The rest of the palette is unchanged.
    expect(searchServices('queue').matches[0]?.type).toBe('sqs');
  });

  it('is shown by its resource type', () => {
    expect(
      service.subtitle?.({ cloudFormationType: 'AWS::IAM::ManagedPolicy', terraformType: 'aws_iam_policy' }),
    ).toBe('AWS::IAM::ManagedPolicy');
    expect(service.subtitle?.({ cloudFormationType: '', terraformType: 'aws_ssm_parameter' })).toBe(
      'aws_ssm_parameter',
    );
    expect(service.subtitle?.({})).toBeUndefined();
  });

  it('accepts no drawn connection and is regional', () => {
    expect(service.accepts).toEqual([]);
    expect(service.placements).toEqual(['regional']);
  });

  it('keeps verbatim CloudFormation and Terraform forms, checking only their shape', () => {
    const props = {
      cloudFormationType: 'AWS::SSM::Parameter',
      cloudFormationProperties: { Type: 'String', Value: { 'Fn::GetAtt': ['Orders', 'Arn'] } },
      dependsOn: ['Orders'],
      terraformType: 'aws_ssm_parameter',
      terraformArguments: { type: 'String', value: '${aws_sqs_queue.orders.arn}' },
    };
    expect(validateProperties(service, props)).toEqual([]);
    const paths = (p: Record<string, unknown>) =>
      validateProperties(service, p as never).map((issue) => issue.path);
    expect(paths({ ...props, cloudFormationProperties: ['x'] })).toEqual(['cloudFormationProperties']);
    expect(paths({ ...props, dependsOn: [1] })).toEqual(['dependsOn']);
    expect(paths({ ...props, cloudFormationType: 'not a type' })).toEqual(['cloudFormationType']);
    expect(paths({ ...props, terraformType: 'Aws-Thing' })).toEqual(['terraformType']);
    // Arguments without their type cannot be printed anywhere.
    expect(paths({ terraformArguments: { a: '1' } })).toEqual(['terraformArguments']);
    expect(service.stackResources({ props, inVpc: false, outgoing: [], incoming: [] }).count).toBe(1);
    expect(
      service.stackResources({ props: { terraformType: 'aws_x' }, inVpc: false, outgoing: [], incoming: [] })
        .count,
    ).toBe(0);
  });
});
