import { beforeAll, describe, expect, it } from 'vitest';
import { unusedConditions, validateTemplate } from './spec-validator.toolchain.ts';

/** Templates are free-form JSON: tests index into them at will. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A small template that uses every kind of reference the validator checks; it must pass clean. */
function goodTemplate(): Record<string, Json> {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'validator fixture',
    Parameters: {
      EnvironmentName: { Type: 'String', AllowedValues: ['dev', 'prod'], Default: 'dev' },
      SubnetIds: { Type: 'List<AWS::EC2::Subnet::Id>' },
    },
    Conditions: {
      IsProd: { 'Fn::Equals': [{ Ref: 'EnvironmentName' }, 'prod'] },
      IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    },
    Resources: {
      DeadLetterQueue: { Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: true } },
      Queue: {
        Type: 'AWS::SQS::Queue',
        Properties: {
          QueueName: { 'Fn::Sub': '${AWS::StackName}-${EnvironmentName}-orders' },
          VisibilityTimeout: 180,
          RedrivePolicy: {
            deadLetterTargetArn: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] },
            maxReceiveCount: 5,
          },
          Tags: [{ Key: 'env', Value: { Ref: 'EnvironmentName' } }],
        },
      },
      ProdTopic: { Type: 'AWS::SNS::Topic', Condition: 'IsProd', Properties: { TopicName: 'alarms' } },
      ProdSubscription: {
        Type: 'AWS::SNS::Subscription',
        Condition: 'IsProd',
        Properties: {
          Protocol: 'sqs',
          TopicArn: { Ref: 'ProdTopic' },
          Endpoint: { 'Fn::GetAtt': 'Queue.Arn' },
        },
      },
      Group: {
        Type: 'AWS::EC2::SecurityGroup',
        DependsOn: ['Queue'],
        Properties: {
          GroupDescription: 'app',
          VpcId: 'vpc-123',
          SecurityGroupEgress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }],
        },
      },
      Function: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Role: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x-${Queue.QueueName}' },
          Code: { ZipFile: 'exports.handler = async () => ({})' },
          Runtime: 'nodejs22.x',
          Handler: 'index.handler',
          Architectures: ['arm64'],
          Environment: {
            Variables: {
              TOPIC_ARN: { 'Fn::If': ['IsProd', { Ref: 'ProdTopic' }, { Ref: 'AWS::NoValue' }] },
              ZONE: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
              LITERAL: { 'Fn::Sub': ['${!NotAVariable}-${Name}', { Name: { Ref: 'AWS::Region' } }] },
            },
          },
          VpcConfig: {
            SubnetIds: { Ref: 'SubnetIds' },
            SecurityGroupIds: [{ 'Fn::GetAtt': ['Group', 'GroupId'] }],
          },
        },
      },
    },
    Outputs: {
      QueueUrl: { Value: { Ref: 'Queue' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-QueueUrl' } } },
      TopicArn: { Condition: 'IsProd', Value: { Ref: 'ProdTopic' } },
      Subnets: { Value: { 'Fn::Join': [',', { Ref: 'SubnetIds' }] } },
      DevNote: { Condition: 'IsDev', Value: 'dev stacks have no alarm topic' },
    },
  };
}

/** Applies a change to a fresh copy of the good template and validates it. */
function problemsAfter(change: (template: Record<string, Json>) => void) {
  const template = goodTemplate();
  change(template);
  return validateTemplate(template);
}

// The resource database takes a second to load (much longer on a busy machine): once, up front,
// so no single test's time limit pays for it.
beforeAll(() => {
  validateTemplate({ Resources: {} });
}, 120_000);

describe('validateTemplate', () => {
  it('accepts a template that uses every supported reference form', () => {
    expect(validateTemplate(goodTemplate())).toEqual([]);
  });

  it('accepts the CDK metadata resource CloudFormation knows outside the resource database', () => {
    expect(
      problemsAfter(
        (t) =>
          (t.Resources.CDKMetadata = {
            Type: 'AWS::CDK::Metadata',
            Properties: { Analytics: 'v2:deflate64:H4sI' },
          }),
      ),
    ).toEqual([]);
  });

  it('reports an unknown resource type', () => {
    const problems = problemsAfter((t) => (t.Resources.Queue.Type = 'AWS::SQS::Queues'));
    expect(problems).toEqual([
      { path: 'Resources.Queue.Type', message: 'unknown resource type AWS::SQS::Queues' },
    ]);
  });

  it('reports an unknown property, at the top level and in a nested type', () => {
    expect(problemsAfter((t) => (t.Resources.Queue.Properties.VisibilityTimeOut = 30))).toEqual([
      { path: 'Resources.Queue.Properties.VisibilityTimeOut', message: 'unknown property VisibilityTimeOut' },
    ]);
    expect(problemsAfter((t) => (t.Resources.Group.Properties.SecurityGroupEgress[0].Port = 443))).toEqual([
      { path: 'Resources.Group.Properties.SecurityGroupEgress[0].Port', message: 'unknown property Port' },
    ]);
  });

  it('reports a missing required property, including one removed with AWS::NoValue', () => {
    expect(problemsAfter((t) => delete t.Resources.Function.Properties.Role)).toEqual([
      { path: 'Resources.Function.Properties.Role', message: 'required property Role is missing' },
    ]);
    expect(
      problemsAfter(
        (t) => (t.Resources.Group.Properties.SecurityGroupEgress[0].IpProtocol = { Ref: 'AWS::NoValue' }),
      ),
    ).toEqual([
      {
        path: 'Resources.Group.Properties.SecurityGroupEgress[0].IpProtocol',
        message: 'required property IpProtocol is missing',
      },
    ]);
  });

  it('reports value shapes that do not match the property type', () => {
    const cases: [(t: Record<string, Json>) => void, string, RegExp][] = [
      [
        (t) => (t.Resources.Queue.Properties.VisibilityTimeout = 'soon'),
        'Resources.Queue.Properties.VisibilityTimeout',
        /expected integer/,
      ],
      [
        (t) => (t.Resources.Queue.Properties.VisibilityTimeout = 1.5),
        'Resources.Queue.Properties.VisibilityTimeout',
        /expected integer/,
      ],
      [
        (t) => (t.Resources.DeadLetterQueue.Properties.SqsManagedSseEnabled = 'yes'),
        'Resources.DeadLetterQueue.Properties.SqsManagedSseEnabled',
        /expected boolean/,
      ],
      [
        (t) => (t.Resources.Function.Properties.Architectures = 'arm64'),
        'Resources.Function.Properties.Architectures',
        /expected list of string/,
      ],
      [
        (t) => (t.Resources.Function.Properties.Handler = ['index.handler']),
        'Resources.Function.Properties.Handler',
        /expected string, got a list/,
      ],
      [
        (t) => (t.Resources.Function.Properties.Code = 'exports.handler'),
        'Resources.Function.Properties.Code',
        /expected Code/,
      ],
      [
        (t) => (t.Resources.Function.Properties.Environment.Variables = ['A=1']),
        'Resources.Function.Properties.Environment.Variables',
        /expected map of string/,
      ],
      [
        (t) => (t.Resources.Queue.Properties.Tags = [{ Key: 'a' }]),
        'Resources.Queue.Properties.Tags[0].Value',
        /a tag needs a Value/,
      ],
      [
        (t) => (t.Resources.Function.Properties.PackageType = 'Tarball'),
        'Resources.Function.Properties.PackageType',
        /not one of Image, Zip/,
      ],
      // An intrinsic's result must fit too: a list where one value goes, one value where a list goes.
      [
        (t) => (t.Resources.Function.Properties.Handler = { Ref: 'SubnetIds' }),
        'Resources.Function.Properties.Handler',
        /got a list/,
      ],
      [
        (t) => (t.Resources.Function.Properties.VpcConfig.SubnetIds = { Ref: 'EnvironmentName' }),
        'Resources.Function.Properties.VpcConfig.SubnetIds',
        /got a single value/,
      ],
      // Each Fn::If branch is checked against the property type.
      [
        (t) => (t.Resources.Queue.Properties.VisibilityTimeout = { 'Fn::If': ['IsProd', 30, 'long'] }),
        'Resources.Queue.Properties.VisibilityTimeout.Fn::If[2]',
        /expected integer/,
      ],
    ];
    for (const [change, path, message] of cases) {
      const problems = problemsAfter(change);
      expect(problems, path).toHaveLength(1);
      expect(problems[0]!.path).toBe(path);
      expect(problems[0]!.message).toMatch(message);
    }
  });

  it('accepts the coercions CloudFormation itself applies', () => {
    expect(problemsAfter((t) => (t.Resources.Queue.Properties.VisibilityTimeout = '180'))).toEqual([]);
    expect(
      problemsAfter((t) => (t.Resources.DeadLetterQueue.Properties.SqsManagedSseEnabled = 'true')),
    ).toEqual([]);
    expect(problemsAfter((t) => (t.Resources.Queue.Properties.Tags[0].Value = 42))).toEqual([]);
  });

  it('reports a Ref to nothing, in properties, json documents and outputs', () => {
    expect(
      problemsAfter((t) => (t.Resources.ProdSubscription.Properties.TopicArn = { Ref: 'Topic' })),
    ).toEqual([
      {
        path: 'Resources.ProdSubscription.Properties.TopicArn.Ref',
        message: 'Ref "Topic" names no parameter, resource or pseudo parameter',
      },
    ]);
    const inJson = problemsAfter(
      (t) => (t.Resources.Queue.Properties.RedrivePolicy.deadLetterTargetArn = { Ref: 'Dlq' }),
    );
    expect(inJson.map((p) => p.path)).toEqual([
      'Resources.Queue.Properties.RedrivePolicy.deadLetterTargetArn.Ref',
    ]);
    const inOutput = problemsAfter((t) => (t.Outputs.QueueUrl.Value = { Ref: 'AWS::Regio' }));
    expect(inOutput.map((p) => p.path)).toEqual(['Outputs.QueueUrl.Value.Ref']);
  });

  it('reports Fn::GetAtt on a missing resource or an attribute the type does not have', () => {
    expect(
      problemsAfter(
        (t) =>
          (t.Resources.Function.Properties.VpcConfig.SecurityGroupIds = [
            { 'Fn::GetAtt': ['Groups', 'GroupId'] },
          ]),
      ),
    ).toEqual([
      {
        path: 'Resources.Function.Properties.VpcConfig.SecurityGroupIds[0].Fn::GetAtt',
        message: 'Fn::GetAtt names "Groups", which is not a resource',
      },
    ]);
    const badAttribute = problemsAfter(
      (t) => (t.Resources.ProdSubscription.Properties.Endpoint = { 'Fn::GetAtt': 'Queue.QueueArn' }),
    );
    expect(badAttribute).toHaveLength(1);
    expect(badAttribute[0]!.message).toMatch(
      /AWS::SQS::Queue has no attribute QueueArn \(valid: Arn, QueueName, QueueUrl\)/,
    );
  });

  it('reports Fn::Sub variables that resolve to nothing', () => {
    const problems = problemsAfter(
      (t) =>
        (t.Resources.Group.Properties.GroupDescription = {
          'Fn::Sub': '${AWS::StackName}-${Env}-${Queue.Url}',
        }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Fn::Sub variable ${Env} names no parameter, resource, attribute or variable',
      expect.stringMatching(/AWS::SQS::Queue has no attribute Url/),
    ]);
  });

  it('reports conditions that are not defined, wherever they are named', () => {
    expect(
      problemsAfter((t) => (t.Resources.ProdTopic.Condition = 'IsProduction')).map((p) => p.path),
    ).toContain('Resources.ProdTopic.Condition');
    expect(problemsAfter((t) => (t.Outputs.TopicArn.Condition = 'Prod')).map((p) => p.path)).toContain(
      'Outputs.TopicArn.Condition',
    );
    expect(problemsAfter((t) => (t.Conditions.IsDev = { 'Fn::Not': [{ Condition: 'IsStaging' }] }))).toEqual([
      { path: 'Conditions.IsDev.Fn::Not[0]', message: 'condition "IsStaging" is not defined in Conditions' },
    ]);
    expect(
      problemsAfter(
        (t) => (t.Resources.Queue.Properties.VisibilityTimeout = { 'Fn::If': ['IsStaging', 30, 60] }),
      ).map((p) => p.path),
    ).toEqual(['Resources.Queue.Properties.VisibilityTimeout.Fn::If[0]']);
  });

  it('reports a conditional resource used where its condition may not hold', () => {
    const unconditional = problemsAfter((t) => delete t.Resources.ProdSubscription.Condition);
    expect(unconditional.map((p) => p.path)).toEqual(['Resources.ProdSubscription.Properties.TopicArn.Ref']);
    expect(unconditional[0]!.message).toMatch(/ProdTopic exists only when condition IsProd holds/);
    // The false branch of Fn::If [IsProd, ...] is exactly where ProdTopic does not exist.
    const wrongBranch = problemsAfter(
      (t) =>
        (t.Resources.Function.Properties.Environment.Variables.TOPIC_ARN = {
          'Fn::If': ['IsProd', 'none', { Ref: 'ProdTopic' }],
        }),
    );
    expect(wrongBranch.map((p) => p.path)).toEqual([
      'Resources.Function.Properties.Environment.Variables.TOPIC_ARN.Fn::If[2].Ref',
    ]);
    const output = problemsAfter((t) => delete t.Outputs.TopicArn.Condition);
    expect(output.map((p) => p.path)).toEqual(['Outputs.TopicArn.Value.Ref']);
  });

  it('reports DependsOn targets that do not exist', () => {
    expect(problemsAfter((t) => (t.Resources.Group.DependsOn = ['Queue', 'Missing']))).toEqual([
      { path: 'Resources.Group.DependsOn[1]', message: 'DependsOn names "Missing", which is not a resource' },
    ]);
  });

  it('reports a resource that references itself, and longer cycles', () => {
    expect(
      problemsAfter(
        (t) => (t.Resources.Queue.Properties.QueueName = { 'Fn::GetAtt': ['Queue', 'QueueName'] }),
      ).map((p) => p.message),
    ).toEqual(['circular dependency: Queue -> Queue']);
    const problems = problemsAfter((t) => (t.Resources.DeadLetterQueue.DependsOn = 'Function'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe(
      'circular dependency: DeadLetterQueue -> Function -> Group -> Queue -> DeadLetterQueue',
    );
  });

  it('reports condition functions outside Conditions and unknown intrinsics', () => {
    expect(
      problemsAfter((t) => (t.Resources.Queue.Properties.QueueName = { 'Fn::Equals': ['a', 'b'] })).map(
        (p) => p.message,
      ),
    ).toEqual(['Fn::Equals is only allowed in Conditions (use Fn::If here)']);
    expect(
      problemsAfter((t) => (t.Resources.Queue.Properties.QueueName = { 'Fn::Concat': ['a', 'b'] })).map(
        (p) => p.message,
      ),
    ).toEqual(['unknown intrinsic function Fn::Concat']);
  });

  it('reports a parameter and a resource with the same name, and bad logical ids', () => {
    expect(problemsAfter((t) => (t.Parameters.Queue = { Type: 'String', Default: 'x' }))).toEqual([
      {
        path: 'Parameters.Queue',
        message: 'Queue is both a parameter and a resource (they share one namespace)',
      },
    ]);
    expect(
      problemsAfter((t) => (t.Resources['Dead-Letter'] = { Type: 'AWS::SQS::Queue' })).map((p) => p.message),
    ).toEqual(['logical ids must be 1-255 alphanumeric characters']);
  });

  it('reports templates over the CloudFormation quotas', () => {
    const problems = problemsAfter((t) => {
      for (let i = 0; i < 201; i++) t.Outputs[`Extra${i}`] = { Value: 'x' };
    });
    expect(problems).toEqual([
      { path: 'Outputs', message: '205 entries; CloudFormation allows at most 200' },
    ]);
  });

  it('reports malformed parameters, sections and resource attributes', () => {
    expect(
      problemsAfter((t) => (t.Parameters.EnvironmentName.Default = 'staging')).map((p) => p.path),
    ).toEqual(['Parameters.EnvironmentName.Default']);
    expect(problemsAfter((t) => (t.Parameters.EnvironmentName.Type = 'Strings')).map((p) => p.path)).toEqual([
      'Parameters.EnvironmentName.Type',
    ]);
    expect(problemsAfter((t) => (t.Output = {})).map((p) => p.path)).toEqual(['Output']);
    expect(problemsAfter((t) => (t.Resources.Queue.DeletionPolicy = 'Keep')).map((p) => p.path)).toEqual([
      'Resources.Queue.DeletionPolicy',
    ]);
    expect(problemsAfter((t) => (t.Resources.Queue.Dependson = 'Group')).map((p) => p.path)).toEqual([
      'Resources.Queue.Dependson',
    ]);
  });
});

describe('validateTemplate Rules', () => {
  const withRules = (rules: Json) => ({ ...goodTemplate(), Rules: rules });
  const accountRule = {
    RuleCondition: { 'Fn::Equals': [{ Ref: 'EnvironmentName' }, 'prod'] },
    Assertions: [
      {
        Assert: { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '333333333333'] },
        AssertDescription: 'prod only',
      },
    ],
  };

  it('accepts assertions over parameters and pseudo parameters', () => {
    expect(validateTemplate(withRules({ ProdAccount: accountRule }))).toEqual([]);
  });

  it('accepts a region rule (AWS::Region), as environment regions make', () => {
    const regionRule = {
      RuleCondition: accountRule.RuleCondition,
      Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] } }],
    };
    expect(validateTemplate(withRules({ ProdAccount: accountRule, ProdRegion: regionRule }))).toEqual([]);
    // The same rule over something that is neither a parameter nor a pseudo parameter is refused.
    const wrong = {
      ...regionRule,
      Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'Region' }, 'eu-west-1'] } }],
    };
    expect(validateTemplate(withRules({ ProdRegion: wrong })).map((p) => p.path)).toEqual([
      'Rules.ProdRegion.Assertions[0].Assert.Fn::Equals[0].Ref',
    ]);
  });

  it('reports rules that refer to a resource, lack assertions or use other functions', () => {
    const problems = validateTemplate(
      withRules({
        ToResource: {
          Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'Queue' }, 'x'] } }],
        },
        NoAssertions: { RuleCondition: accountRule.RuleCondition },
        WrongFunction: { Assertions: [{ Assert: { 'Fn::Sub': 'x' } }] },
        'bad-name': accountRule,
      }),
    ).map((p) => p.path);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Rules.ToResource.Assertions[0].Assert.Fn::Equals[0].Ref',
        'Rules.NoAssertions.Assertions',
        'Rules.WrongFunction.Assertions[0].Assert',
        'Rules.bad-name',
      ]),
    );
  });
});

describe('unusedConditions', () => {
  it('lists only the conditions nothing uses', () => {
    expect(unusedConditions(goodTemplate())).toEqual([]);
    const template = goodTemplate();
    template.Conditions.HasSecondNat = { 'Fn::Equals': ['1', '2'] };
    expect(unusedConditions(template)).toEqual(['HasSecondNat']);
  });
});
