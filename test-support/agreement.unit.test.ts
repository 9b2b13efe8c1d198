/**
 * The agreement check's own parts on small hand-built inputs: the CloudFormation resolver, the
 * meaning extractors of both template kinds and of a Terraform plan, and the comparison, including
 * a planted disagreement that must be reported with all three values.
 */
import { describe, expect, it } from 'vitest';
import { parameterValues, resolveTemplate, type CfnTemplate } from './agreement-cfn.ts';
import { cfnEntities, terraformEntities, type TerraformPlan } from './agreement-meaning.ts';
import { compareEntities, formatDisagreement } from './agreement-compare.ts';
import { keptResourceProblems } from './agreement.ts';

const template: CfnTemplate = {
  Parameters: {
    EnvironmentName: { Type: 'String' },
    QueueRetries: { Type: 'Number', Default: '3' },
    Zones: { Type: 'CommaDelimitedList', Default: 'a,b' },
  },
  Mappings: { Sizes: { prod: { Class: 'db.r7g.large' }, dev: { Class: 'db.t4g.micro' } } },
  Conditions: {
    IsProd: { 'Fn::Equals': [{ Ref: 'EnvironmentName' }, 'prod'] },
    IsNotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    IsStagingOrProd: {
      'Fn::Or': [{ 'Fn::Equals': [{ Ref: 'EnvironmentName' }, 'staging'] }, { Condition: 'IsProd' }],
    },
    ProdAndRetries: {
      'Fn::And': [{ Condition: 'IsProd' }, { 'Fn::Equals': [{ Ref: 'QueueRetries' }, '3'] }],
    },
  },
  Resources: {
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Dlq: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: 'alias/aws/sqs' } },
    Orders: {
      Type: 'AWS::SQS::Queue',
      Properties: {
        KmsMasterKeyId: { 'Fn::If': ['IsProd', { Ref: 'Key' }, { Ref: 'AWS::NoValue' }] },
        VisibilityTimeout: '60',
        RedrivePolicy: {
          deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] },
          maxReceiveCount: { Ref: 'QueueRetries' },
        },
      },
    },
    Db: {
      Type: 'AWS::RDS::DBInstance',
      DeletionPolicy: 'Snapshot',
      Properties: {
        DBInstanceClass: { 'Fn::FindInMap': ['Sizes', { Ref: 'EnvironmentName' }, 'Class'] },
        MultiAZ: { 'Fn::If': ['IsProd', true, false] },
        PubliclyAccessible: 'false',
        AvailabilityZone: { 'Fn::Select': [1, { Ref: 'Zones' }] },
        DBName: { 'Fn::Join': ['-', ['orders', { Ref: 'EnvironmentName' }]] },
        Description: { 'Fn::Sub': 'db for ${EnvironmentName} in ${AWS::Region}' },
      },
    },
    Archive: {
      Type: 'AWS::Events::Archive',
      Condition: 'IsStagingOrProd',
      Properties: { RetentionDays: 30 },
    },
    DevOnly: { Type: 'AWS::SNS::Topic', Condition: 'IsNotProd' },
    Both: { Type: 'AWS::SNS::Topic', Condition: 'ProdAndRetries' },
  },
};

describe('resolveTemplate', () => {
  it('applies parameters, defaults, Conditions and Fn::If, FindInMap, Select, Join and Sub', () => {
    const prod = resolveTemplate(
      template,
      parameterValues([{ ParameterKey: 'EnvironmentName', ParameterValue: 'prod' }]),
    );
    const db = prod.resources.get('Db')!.properties;
    expect(db.DBInstanceClass).toBe('db.r7g.large');
    expect(db.MultiAZ).toBe(true);
    expect(db.AvailabilityZone).toBe('b');
    expect(db.DBName).toBe('orders-prod');
    // A pseudo parameter stays symbolic.
    expect(db.Description).toEqual({ 'Fn::Sub': 'db for prod in ${AWS::Region}' });
    expect(prod.resources.get('Db')!.deletionPolicy).toBe('Snapshot');
    expect(prod.resources.get('Orders')!.properties.KmsMasterKeyId).toEqual({ Ref: 'Key' });
    expect(prod.resources.get('Orders')!.properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] },
      maxReceiveCount: 3,
    });
    expect([...prod.resources.keys()]).toEqual(['Key', 'Dlq', 'Orders', 'Db', 'Archive', 'Both']);
  });

  it('drops resources whose Condition is false and values that are AWS::NoValue', () => {
    const dev = resolveTemplate(template, { EnvironmentName: 'dev' });
    expect(dev.resources.has('Archive')).toBe(false);
    expect(dev.resources.has('Both')).toBe(false);
    expect(dev.resources.has('DevOnly')).toBe(true);
    expect('KmsMasterKeyId' in dev.resources.get('Orders')!.properties).toBe(false);
    expect(dev.resources.get('Db')!.properties.DBInstanceClass).toBe('db.t4g.micro');
    expect(resolveTemplate(template, { EnvironmentName: 'staging' }).resources.has('Archive')).toBe(true);
  });

  it('refuses a condition it cannot decide instead of guessing', () => {
    expect(() =>
      resolveTemplate({
        Conditions: { Odd: { 'Fn::Equals': [{ 'Fn::GetAtt': ['X', 'Y'] }, 'a'] } },
        Resources: { T: { Type: 'AWS::SNS::Topic', Condition: 'Odd' } },
      }),
    ).toThrow(/unknown values/);
  });
});

describe('meaning extractors', () => {
  it('tells a created KMS key (customer-managed) from an AWS alias or no key', () => {
    const prod = cfnEntities(resolveTemplate(template, { EnvironmentName: 'prod' }), 'cloudformation');
    const dev = cfnEntities(resolveTemplate(template, { EnvironmentName: 'dev' }), 'cloudformation');
    const queue = (entities: typeof prod, name: string) =>
      entities.find((e) => e.kind === 'queue' && e.label === name)!;
    expect(queue(prod, 'Orders').props).toMatchObject({
      encryption: 'customer-managed',
      maxReceiveCount: 3,
      deadLetterQueue: 'queue:dlq',
      visibilityTimeout: 60,
      retentionSeconds: 345600,
    });
    expect(queue(dev, 'Orders').props.encryption).toBe('sqs-managed');
    expect(queue(prod, 'Dlq').props.encryption).toBe('aws-managed');
    expect(prod.find((e) => e.kind === 'db-instance')!.props).toMatchObject({
      instanceClass: 'db.r7g.large',
      multiAZ: true,
      publiclyAccessible: false,
      deletionProtection: false,
      backupRetentionDays: 1,
      deletionPolicy: 'Snapshot',
    });
  });

  it("reads an MSK cluster's authentication, its SCRAM secrets and how a Lambda poller signs in", () => {
    const cfn = cfnEntities(
      resolveTemplate({
        Resources: {
          Events: {
            Type: 'AWS::MSK::Cluster',
            Properties: {
              NumberOfBrokerNodes: 2,
              ClientAuthentication: { Sasl: { Scram: { Enabled: true } } },
            },
          },
          EventsScramSecret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
          EventsScramSecrets: {
            Type: 'AWS::MSK::BatchScramSecret',
            Properties: {
              ClusterArn: { 'Fn::GetAtt': ['Events', 'Arn'] },
              SecretArnList: [{ Ref: 'EventsScramSecret' }],
            },
          },
          Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
          FnFromEvents: {
            Type: 'AWS::Lambda::EventSourceMapping',
            Properties: {
              FunctionName: { Ref: 'Fn' },
              EventSourceArn: { 'Fn::GetAtt': ['Events', 'Arn'] },
              SourceAccessConfigurations: [
                { Type: 'SASL_SCRAM_512_AUTH', URI: { Ref: 'EventsScramSecret' } },
              ],
            },
          },
        },
      }),
      'cloudformation',
    );
    const plan: TerraformPlan = {
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_msk_cluster.events',
              mode: 'managed',
              type: 'aws_msk_cluster',
              name: 'events',
              values: {
                number_of_broker_nodes: 2,
                client_authentication: [{ sasl: [{ iam: false, scram: true }], unauthenticated: false }],
                encryption_info: [{ encryption_in_transit: [{ client_broker: 'TLS', in_cluster: true }] }],
              },
            },
            {
              address: 'aws_msk_scram_secret_association.events_scram_secrets',
              mode: 'managed',
              type: 'aws_msk_scram_secret_association',
              name: 'events_scram_secrets',
              values: {},
            },
            {
              address: 'aws_lambda_event_source_mapping.events_to_fn',
              mode: 'managed',
              type: 'aws_lambda_event_source_mapping',
              name: 'events_to_fn',
              values: { source_access_configuration: [{ type: 'SASL_SCRAM_512_AUTH' }] },
            },
          ],
        },
      },
      configuration: {
        root_module: {
          resources: [
            {
              address: 'aws_msk_scram_secret_association.events_scram_secrets',
              type: 'aws_msk_scram_secret_association',
              name: 'events_scram_secrets',
              expressions: {
                cluster_arn: { references: ['aws_msk_cluster.events.arn', 'aws_msk_cluster.events'] },
                secret_arn_list: {
                  references: [
                    'aws_secretsmanager_secret.events_scram_secret.arn',
                    'aws_secretsmanager_secret.events_scram_secret',
                  ],
                },
              },
            },
            {
              address: 'aws_lambda_event_source_mapping.events_to_fn',
              type: 'aws_lambda_event_source_mapping',
              name: 'events_to_fn',
              expressions: {
                source_access_configuration: [
                  {
                    type: { constant_value: 'SASL_SCRAM_512_AUTH' },
                    uri: {
                      references: [
                        'aws_secretsmanager_secret.events_scram_secret.arn',
                        'aws_secretsmanager_secret.events_scram_secret',
                      ],
                    },
                  },
                ],
              },
            },
          ],
        },
      },
    };
    const tf = terraformEntities(plan);
    for (const entities of [cfn, tf]) {
      expect(entities.find((e) => e.kind === 'kafka-cluster')!.props).toEqual({
        clientAuth: 'scram',
        clientBroker: 'TLS',
        brokerNodes: 2,
        scramSecrets: ['secret:eventsscramsecret'],
      });
      expect(entities.find((e) => e.kind === 'event-source')!.props.access).toEqual([
        'SASL_SCRAM_512_AUTH secret:eventsscramsecret',
      ]);
    }
  });

  it('names CDK entities by construct path, so hashed logical ids match the template', () => {
    const cdk = cfnEntities(
      resolveTemplate({
        Resources: {
          OrdersQueueAB12CD34: {
            Type: 'AWS::SQS::Queue',
            Properties: { KmsMasterKeyId: { 'Fn::GetAtt': ['OrdersKey99', 'Arn'] } },
            Metadata: { 'aws:cdk:path': 'App-prod/Orders/Resource' },
          },
          OrdersKey99: { Type: 'AWS::KMS::Key', Metadata: { 'aws:cdk:path': 'App-prod/OrdersKey/Resource' } },
        },
      }),
      'cdk',
    );
    expect(cdk.map((e) => [e.kind, e.keys[0], e.label, e.props.encryption])).toEqual([
      ['queue', 'orders', 'Orders/Resource', 'customer-managed'],
    ]);
  });

  it('reads a Terraform plan: planned values, references from the configuration, unknowns skipped', () => {
    const plan: TerraformPlan = {
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_sqs_queue.orders',
              mode: 'managed',
              type: 'aws_sqs_queue',
              name: 'orders',
              values: {
                kms_master_key_id: 'alias/aws/sqs',
                visibility_timeout_seconds: 60,
                message_retention_seconds: 345600,
                fifo_queue: false,
              },
            },
            {
              address: 'aws_s3_bucket.raw',
              mode: 'managed',
              type: 'aws_s3_bucket',
              name: 'raw',
              values: {},
            },
            {
              address: 'aws_s3_bucket_lifecycle_configuration.raw',
              mode: 'managed',
              type: 'aws_s3_bucket_lifecycle_configuration',
              name: 'raw',
              values: {
                rule: [
                  {
                    status: 'Enabled',
                    filter: [{ prefix: '' }],
                    transition: [{ days: 30, storage_class: 'STANDARD_IA' }],
                    expiration: [{ days: 120 }],
                  },
                ],
              },
            },
          ],
        },
      },
      configuration: {
        root_module: {
          resources: [
            {
              address: 'aws_sqs_queue.orders',
              type: 'aws_sqs_queue',
              name: 'orders',
              expressions: {
                kms_master_key_id: { constant_value: 'alias/aws/sqs' },
                redrive_policy: { references: ['aws_sqs_queue.orders_dlq.arn', 'aws_sqs_queue.orders_dlq'] },
              },
            },
            {
              address: 'aws_s3_bucket_lifecycle_configuration.raw',
              type: 'aws_s3_bucket_lifecycle_configuration',
              name: 'raw',
              expressions: { bucket: { references: ['aws_s3_bucket.raw.id', 'aws_s3_bucket.raw'] } },
            },
          ],
        },
      },
    };
    const entities = terraformEntities(plan);
    expect(entities.find((e) => e.kind === 'queue')!.props).toMatchObject({
      encryption: 'aws-managed',
      deadLetterQueue: 'queue:ordersdlq',
      visibilityTimeout: 60,
    });
    // The redrive policy holds the DLQ's ARN, unknown until apply: skipped, not failed.
    expect(entities.find((e) => e.kind === 'queue')!.props.maxReceiveCount).toBeUndefined();
    expect(entities.find((e) => e.kind === 'bucket')!.props.lifecycle).toEqual([
      'STANDARD_IA@30',
      'expire@120',
    ]);
  });

  it('records how events reach a receiver: an EventBridge target with its retry policy, or S3 itself', () => {
    const viaRule: CfnTemplate = {
      Resources: {
        Curate: { Type: 'AWS::Lambda::Function', Properties: {} },
        RawToCurateEvents: {
          Type: 'AWS::Events::Rule',
          Properties: {
            Targets: [
              {
                Id: 'Curate',
                Arn: { 'Fn::GetAtt': ['Curate', 'Arn'] },
                RetryPolicy: { MaximumRetryAttempts: 3 },
              },
            ],
          },
        },
      },
    };
    const direct: CfnTemplate = {
      Resources: {
        Curate: { Type: 'AWS::Lambda::Function', Properties: {} },
        Raw: {
          Type: 'AWS::S3::Bucket',
          Properties: {
            NotificationConfiguration: {
              LambdaConfigurations: [
                { Event: 's3:ObjectCreated:*', Function: { 'Fn::GetAtt': ['Curate', 'Arn'] } },
              ],
            },
          },
        },
      },
    };
    const deliveries = (t: CfnTemplate) =>
      cfnEntities(resolveTemplate(t, {}), 'cloudformation').find((e) => e.kind === 'function')!.props
        .eventDeliveries;
    // A target without RetryPolicy gets EventBridge's defaults, so only a real difference shows.
    expect(deliveries(viaRule)).toEqual(['eventbridge 3x/86400s']);
    expect(deliveries(direct)).toEqual(['s3 direct']);

    const plan: TerraformPlan = {
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_lambda_function.curate',
              mode: 'managed',
              type: 'aws_lambda_function',
              name: 'curate',
              values: {},
            },
            {
              address: 'aws_cloudwatch_event_target.raw_to_curate',
              mode: 'managed',
              type: 'aws_cloudwatch_event_target',
              name: 'raw_to_curate',
              values: {
                retry_policy: [{ maximum_retry_attempts: 185, maximum_event_age_in_seconds: 86400 }],
              },
            },
          ],
        },
      },
      configuration: {
        root_module: {
          resources: [
            {
              address: 'aws_cloudwatch_event_target.raw_to_curate',
              type: 'aws_cloudwatch_event_target',
              name: 'raw_to_curate',
              expressions: {
                arn: { references: ['aws_lambda_function.curate.arn', 'aws_lambda_function.curate'] },
              },
            },
          ],
        },
      },
    };
    expect(terraformEntities(plan).find((e) => e.kind === 'function')!.props.eventDeliveries).toEqual([
      'eventbridge 185x/86400s',
    ]);
  });

  it('compares an image function (package type, repository, tag, no runtime) and who its repository policy admits', () => {
    const pull = ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
    const template: CfnTemplate = {
      Resources: {
        Images: {
          Type: 'AWS::ECR::Repository',
          Properties: {
            ImageTagMutability: 'IMMUTABLE',
            // CDK writes the statement once per image function: the same admission.
            RepositoryPolicyText: {
              Statement: [0, 1].map(() => ({
                Action: [...pull].reverse(),
                Effect: 'Allow',
                Principal: { Service: 'lambda.amazonaws.com' },
              })),
              Version: '2012-10-17',
            },
          },
        },
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            PackageType: 'Image',
            Code: { ImageUri: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Images', 'RepositoryUri'] }, ':v3']] } },
          },
        },
        Zip: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x' } },
      },
    };
    const cfn = cfnEntities(resolveTemplate(template, {}), 'cloudformation');
    const props = (entities: typeof cfn, kind: string, key: string) =>
      entities.find((e) => e.kind === kind && e.keys[0] === key)!.props;
    const admitted = [`lambda.amazonaws.com ${pull.join(',')}`];
    expect(props(cfn, 'ecr-repository', 'images')).toEqual({
      scanOnPush: false,
      tagMutability: 'IMMUTABLE',
      encryption: 'AES256',
      pulledBy: admitted,
    });
    expect(props(cfn, 'function', 'fn')).toMatchObject({
      packageType: 'Image',
      runtime: null,
      image: 'ecr-repository:images',
      imageTag: 'v3',
    });
    expect(props(cfn, 'function', 'zip')).toMatchObject({
      packageType: 'Zip',
      runtime: 'nodejs22.x',
      image: null,
    });

    const resource = (type: string, name: string, values: Record<string, unknown>) => ({
      address: `${type}.${name}`,
      mode: 'managed',
      type,
      name,
      values,
    });
    const plan: TerraformPlan = {
      planned_values: {
        root_module: {
          resources: [
            resource('aws_ecr_repository', 'images', { image_tag_mutability: 'IMMUTABLE' }),
            resource('aws_ecr_repository_policy', 'images', {
              policy: JSON.stringify({
                Statement: [
                  { Action: pull, Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
                ],
              }),
            }),
            // The image URI holds the repository URL, unknown until apply.
            resource('aws_lambda_function', 'fn', { package_type: 'Image', runtime: null }),
          ],
        },
      },
      configuration: {
        root_module: {
          resources: [
            {
              address: 'aws_ecr_repository_policy.images',
              type: 'aws_ecr_repository_policy',
              name: 'images',
              expressions: { repository: { references: ['aws_ecr_repository.images.name'] } },
            },
            {
              address: 'aws_lambda_function.fn',
              type: 'aws_lambda_function',
              name: 'fn',
              expressions: {
                image_uri: {
                  references: ['aws_ecr_repository.images.repository_url', 'aws_ecr_repository.images'],
                },
              },
            },
          ],
        },
      },
    };
    const tf = terraformEntities(plan);
    expect(props(tf, 'ecr-repository', 'images').pulledBy).toEqual(admitted);
    expect(props(tf, 'function', 'fn')).toMatchObject({
      packageType: 'Image',
      runtime: null,
      image: 'ecr-repository:images',
    });
    // Skipped, not compared: the plan cannot say.
    expect(props(tf, 'function', 'fn')).not.toHaveProperty('imageTag');
  });

  it("compares what fires a rule (schedule or pattern, default or custom bus) and a state machine's log level", () => {
    const template = (rule: Record<string, unknown>, level: string): CfnTemplate => ({
      Resources: {
        Bus: { Type: 'AWS::Events::EventBus', Properties: {} },
        Nightly: { Type: 'AWS::Events::Rule', Properties: rule },
        Flow: {
          Type: 'AWS::StepFunctions::StateMachine',
          Properties: { LoggingConfiguration: { Level: level } },
        },
      },
    });
    const plan = (rule: Record<string, unknown>, level: string): TerraformPlan => ({
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_cloudwatch_event_bus.bus',
              mode: 'managed',
              type: 'aws_cloudwatch_event_bus',
              name: 'bus',
              values: {},
            },
            {
              address: 'aws_cloudwatch_event_rule.nightly',
              mode: 'managed',
              type: 'aws_cloudwatch_event_rule',
              name: 'nightly',
              values: rule,
            },
            {
              address: 'aws_sfn_state_machine.flow',
              mode: 'managed',
              type: 'aws_sfn_state_machine',
              name: 'flow',
              values: { logging_configuration: [{ level }] },
            },
          ],
        },
      },
    });
    const cfn = (t: CfnTemplate) => cfnEntities(resolveTemplate(t, {}), 'cloudformation');
    const scheduled = template({ ScheduleExpression: 'rate(1 hour)' }, 'ALL');
    expect(cfn(scheduled).find((e) => e.kind === 'event-rule')!.props).toEqual({
      trigger: 'rate(1 hour)',
      bus: 'default',
    });
    expect(
      cfn(template({ EventBusName: { Ref: 'Bus' }, EventPattern: { source: ['a'] } }, 'ALL')).find(
        (e) => e.kind === 'event-rule',
      )!.props,
    ).toEqual({ trigger: 'event pattern', bus: 'custom' });
    // The same rule and machine planned by Terraform agree; another schedule or level does not.
    const same = plan(
      { schedule_expression: 'rate(1 hour)', event_bus_name: 'default', event_pattern: null },
      'ALL',
    );
    expect(compareEntities({ cloudformation: cfn(scheduled), terraform: terraformEntities(same) })).toEqual(
      [],
    );
    const other = plan({ schedule_expression: 'rate(2 hours)', event_bus_name: 'default' }, 'ERROR');
    expect(
      compareEntities({ cloudformation: cfn(scheduled), terraform: terraformEntities(other) })
        .map((d) => `${d.resource} ${d.property}`)
        .sort(),
    ).toEqual(['event-rule Nightly trigger', 'state-machine Flow logLevel']);
    // A bus name unknown until apply is skipped, not read as the default bus.
    expect(
      terraformEntities(plan({ schedule_expression: null }, 'ALL')).find((e) => e.kind === 'event-rule')!
        .props,
    ).toEqual({ trigger: 'event pattern' });
  });

  it("reads an Athena workgroup's results prefix from a Sub or a Join around the bucket", () => {
    const prefixOf = (location: unknown) =>
      cfnEntities(
        resolveTemplate(
          {
            Resources: {
              Results: { Type: 'AWS::S3::Bucket' },
              Queries: {
                Type: 'AWS::Athena::WorkGroup',
                Properties: { WorkGroupConfiguration: { ResultConfiguration: { OutputLocation: location } } },
              },
            },
          },
          {},
        ),
        'cloudformation',
      ).find((e) => e.kind === 'athena-workgroup')!.props.resultsPrefix;
    expect(prefixOf({ 'Fn::Sub': 's3://${Results}/athena-results/queries/' })).toBe(
      'athena-results/queries/',
    );
    expect(prefixOf({ 'Fn::Join': ['', ['s3://', { Ref: 'Results' }, '/athena-results/']] })).toBe(
      'athena-results/',
    );
  });

  it('follows references inside nested blocks (a bucket key set in rule[0].apply_..._by_default[0])', () => {
    const plan: TerraformPlan = {
      planned_values: {
        root_module: {
          resources: [
            { address: 'aws_s3_bucket.raw', mode: 'managed', type: 'aws_s3_bucket', name: 'raw', values: {} },
            {
              address: 'aws_s3_bucket_server_side_encryption_configuration.raw',
              mode: 'managed',
              type: 'aws_s3_bucket_server_side_encryption_configuration',
              name: 'raw',
              // The key's ARN is unknown until apply: only the configuration names it.
              values: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] },
            },
          ],
        },
      },
      configuration: {
        root_module: {
          resources: [
            {
              address: 'aws_s3_bucket_server_side_encryption_configuration.raw',
              type: 'aws_s3_bucket_server_side_encryption_configuration',
              name: 'raw',
              expressions: {
                bucket: { references: ['aws_s3_bucket.raw.id', 'aws_s3_bucket.raw'] },
                rule: [
                  {
                    apply_server_side_encryption_by_default: [
                      { kms_master_key_id: { references: ['aws_kms_key.raw.arn', 'aws_kms_key.raw'] } },
                    ],
                  },
                ],
              },
            },
          ],
        },
      },
    };
    expect(terraformEntities(plan).find((e) => e.kind === 'bucket')!.props.encryption).toBe(
      'aws:kms customer-managed',
    );
  });

  it("reads a Firehose stream's OpenSearch destination alike from a template and a plan", () => {
    const fromTemplate = cfnEntities(
      resolveTemplate(
        {
          Resources: {
            Backup: { Type: 'AWS::S3::Bucket' },
            Search: { Type: 'AWS::OpenSearchService::Domain' },
            Logs: {
              Type: 'AWS::KinesisFirehose::DeliveryStream',
              Properties: {
                DeliveryStreamType: 'DirectPut',
                AmazonopensearchserviceDestinationConfiguration: {
                  DomainARN: { 'Fn::GetAtt': ['Search', 'Arn'] },
                  IndexName: 'app-logs',
                  IndexRotationPeriod: 'OneHour',
                  BufferingHints: { SizeInMBs: 10, IntervalInSeconds: 60 },
                  S3BackupMode: 'FailedDocumentsOnly',
                  S3Configuration: {
                    BucketARN: { 'Fn::GetAtt': ['Backup', 'Arn'] },
                    CompressionFormat: 'GZIP',
                  },
                  VpcConfiguration: { SubnetIds: ['a'], SecurityGroupIds: ['b'] },
                },
              },
            },
          },
        },
        {},
      ),
      'cloudformation',
    ).find((e) => e.kind === 'delivery-stream')!.props;
    const plan: TerraformPlan = {
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_kinesis_firehose_delivery_stream.logs',
              mode: 'managed',
              type: 'aws_kinesis_firehose_delivery_stream',
              name: 'logs',
              values: {
                destination: 'opensearch',
                server_side_encryption: [],
                opensearch_configuration: [
                  {
                    index_name: 'app-logs',
                    index_rotation_period: 'OneHour',
                    buffering_size: 10,
                    buffering_interval: 60,
                    retry_duration: 300,
                    s3_backup_mode: 'FailedDocumentsOnly',
                    s3_configuration: [{ compression_format: 'GZIP' }],
                  },
                ],
              },
            },
          ],
        },
      },
      configuration: {
        root_module: {
          resources: [
            {
              address: 'aws_kinesis_firehose_delivery_stream.logs',
              type: 'aws_kinesis_firehose_delivery_stream',
              name: 'logs',
              expressions: {
                opensearch_configuration: [
                  {
                    domain_arn: {
                      references: ['aws_opensearch_domain.search.arn', 'aws_opensearch_domain.search'],
                    },
                    s3_configuration: [
                      { bucket_arn: { references: ['aws_s3_bucket.backup.arn', 'aws_s3_bucket.backup'] } },
                    ],
                    vpc_config: [{ subnet_ids: { references: ['aws_subnet.main_isolated'] } }],
                  },
                ],
              },
            },
          ],
        },
      },
    };
    const fromPlan = terraformEntities(plan).find((e) => e.kind === 'delivery-stream')!.props;
    expect(fromTemplate).toEqual({
      source: 'direct put',
      destination: 'opensearch',
      bucket: 'bucket:backup',
      domain: 'opensearch:search',
      indexName: 'app-logs',
      indexRotation: 'OneHour',
      retrySeconds: 300,
      backupMode: 'FailedDocumentsOnly',
      vpcDelivery: true,
      bufferSizeMb: 10,
      bufferIntervalSeconds: 60,
      compression: 'GZIP',
      encryption: 'none',
    });
    expect(fromPlan).toEqual(fromTemplate);
  });
});

describe('compareEntities', () => {
  const cfnTemplate: CfnTemplate = {
    Resources: {
      Key: { Type: 'AWS::KMS::Key' },
      Orders: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: 'alias/aws/sqs' } },
      Db: {
        Type: 'AWS::RDS::DBInstance',
        Properties: { DBInstanceClass: 'db.t4g.micro', PubliclyAccessible: false },
      },
      Bus: { Type: 'AWS::Events::EventBus' },
      BusArchive: {
        Type: 'AWS::Events::Archive',
        Properties: { SourceArn: { 'Fn::GetAtt': ['Bus', 'Arn'] }, RetentionDays: 30 },
      },
    },
  };
  const cdkTemplate: CfnTemplate = {
    Resources: {
      OrdersKeyF00: { Type: 'AWS::KMS::Key', Metadata: { 'aws:cdk:path': 'S/OrdersKey/Resource' } },
      Orders1234: {
        Type: 'AWS::SQS::Queue',
        Properties: { KmsMasterKeyId: { 'Fn::GetAtt': ['OrdersKeyF00', 'Arn'] } },
        Metadata: { 'aws:cdk:path': 'S/Orders/Resource' },
      },
      DbABCD: {
        Type: 'AWS::RDS::DBInstance',
        Properties: { DBInstanceClass: 'db.t4g.micro', PubliclyAccessible: true },
        Metadata: { 'aws:cdk:path': 'S/Db/Resource' },
      },
      Bus99: { Type: 'AWS::Events::EventBus', Metadata: { 'aws:cdk:path': 'S/Bus/Resource' } },
    },
  };
  const plan: TerraformPlan = {
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'aws_sqs_queue.orders',
            mode: 'managed',
            type: 'aws_sqs_queue',
            name: 'orders',
            values: { kms_master_key_id: 'alias/aws/sqs' },
          },
          {
            address: 'aws_db_instance.db',
            mode: 'managed',
            type: 'aws_db_instance',
            name: 'db',
            values: { instance_class: 'db.t4g.micro', publicly_accessible: true },
          },
          {
            address: 'aws_cloudwatch_event_bus.bus',
            mode: 'managed',
            type: 'aws_cloudwatch_event_bus',
            name: 'bus',
            values: {},
          },
          {
            address: 'aws_cloudwatch_event_archive.bus_archive',
            mode: 'managed',
            type: 'aws_cloudwatch_event_archive',
            name: 'bus_archive',
            values: { retention_days: 30 },
          },
        ],
      },
    },
    configuration: {
      root_module: {
        resources: [
          {
            address: 'aws_cloudwatch_event_archive.bus_archive',
            type: 'aws_cloudwatch_event_archive',
            name: 'bus_archive',
            expressions: {
              event_source_arn: {
                references: ['aws_cloudwatch_event_bus.bus.arn', 'aws_cloudwatch_event_bus.bus'],
              },
            },
          },
        ],
      },
    },
  };
  const outputs = () => ({
    cdk: cfnEntities(resolveTemplate(cdkTemplate), 'cdk'),
    terraform: terraformEntities(plan),
    cloudformation: cfnEntities(resolveTemplate(cfnTemplate), 'cloudformation'),
  });

  it('reports each planted disagreement with resource, property and the three values', () => {
    const lines = compareEntities(outputs()).map((d) => formatDisagreement('demo', 'prod', d));
    expect(lines).toEqual([
      'demo / prod / queue Orders / encryption: cdk=customer-managed terraform=aws-managed cloudformation=aws-managed',
      'demo / prod / db-instance Db / publiclyAccessible: cdk=true terraform=true cloudformation=false',
      'demo / prod / event-archive BusArchive / (exists): cdk=absent terraform=present as aws_cloudwatch_event_archive.bus_archive cloudformation=present as BusArchive',
    ]);
  });

  it('reports nothing when the outputs agree, and skips what Terraform cannot know', () => {
    const agreeing = outputs();
    const cdkQueue = agreeing.cdk.find((e) => e.kind === 'queue')!;
    cdkQueue.props.encryption = 'aws-managed';
    agreeing.cdk.find((e) => e.kind === 'db-instance')!.props.publiclyAccessible = false;
    agreeing.terraform.find((e) => e.kind === 'db-instance')!.props.publiclyAccessible = false;
    agreeing.cdk.push({
      ...agreeing.cloudformation.find((e) => e.kind === 'event-archive')!,
      label: 'BusArchive',
    });
    // Unknown at plan time (undefined) is not a disagreement.
    agreeing.terraform.find((e) => e.kind === 'db-instance')!.props.instanceClass = undefined;
    expect(compareEntities(agreeing)).toEqual([]);
  });

  it('compares engine versions as text, so a version printed as a number still agrees', () => {
    const cache = (version: unknown): CfnTemplate => ({
      Resources: {
        Cache: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { EngineVersion: version } },
        Db: { Type: 'AWS::RDS::DBCluster', Properties: { EngineVersion: '16.13' } },
      },
    });
    const tfPlan = (version: string): TerraformPlan => ({
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_elasticache_replication_group.cache',
              mode: 'managed',
              type: 'aws_elasticache_replication_group',
              name: 'cache',
              values: { engine_version: version },
            },
            {
              address: 'aws_rds_cluster.db',
              mode: 'managed',
              type: 'aws_rds_cluster',
              name: 'db',
              values: { engine_version: '16.13' },
            },
          ],
        },
      },
    });
    const compare = (tfVersion: string) =>
      compareEntities({
        cdk: cfnEntities(resolveTemplate(cache('7.1')), 'cdk'),
        terraform: terraformEntities(tfPlan(tfVersion)),
        cloudformation: cfnEntities(resolveTemplate(cache(7.1)), 'cloudformation'),
      }).map((d) => formatDisagreement('demo', 'prod', d));
    expect(compare('7.1')).toEqual([]);
    expect(compare('7.0')).toEqual([
      'demo / prod / cache Cache / engineVersion: cdk=7.1 terraform=7.0 cloudformation=7.1',
    ]);
  });
});

describe('ECS task scaling', () => {
  // One service that steps out at 60% and in at 30%, and scales to 3..8 on weekday mornings.
  const cfn = (scaleOutThreshold: number, scaleInSteps: unknown[]): CfnTemplate => ({
    Resources: {
      ApiCluster: { Type: 'AWS::ECS::Cluster' },
      Api: { Type: 'AWS::ECS::Service', Properties: { Cluster: { Ref: 'ApiCluster' }, DesiredCount: 2 } },
      ApiTarget: {
        Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
        Properties: {
          ResourceId: { 'Fn::Sub': 'service/${ApiCluster}/${Api.Name}' },
          MinCapacity: 2,
          MaxCapacity: 8,
          ScheduledActions: [
            {
              ScheduledActionName: 'business-hours',
              Schedule: 'cron(0 7 ? * MON-FRI *)',
              ScalableTargetAction: { MinCapacity: 3, MaxCapacity: 8 },
            },
          ],
        },
      },
      ApiOut: {
        Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
        Properties: {
          PolicyType: 'StepScaling',
          ScalingTargetId: { Ref: 'ApiTarget' },
          StepScalingPolicyConfiguration: {
            AdjustmentType: 'ChangeInCapacity',
            Cooldown: 60,
            MetricAggregationType: 'Average',
            StepAdjustments: [
              { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
              { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
            ],
          },
        },
      },
      ApiOutAlarm: {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          Namespace: 'AWS/ECS',
          MetricName: 'CPUUtilization',
          Statistic: 'Average',
          Period: 60,
          EvaluationPeriods: 3,
          Threshold: scaleOutThreshold,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          AlarmActions: [{ Ref: 'ApiOut' }],
        },
      },
      ApiIn: {
        Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
        Properties: {
          PolicyType: 'StepScaling',
          ScalingTargetId: { Ref: 'ApiTarget' },
          StepScalingPolicyConfiguration: {
            AdjustmentType: 'ChangeInCapacity',
            Cooldown: 300,
            MetricAggregationType: 'Average',
            StepAdjustments: scaleInSteps,
          },
        },
      },
    },
  });
  const resource = (type: string, name: string, values: Record<string, unknown>) => ({
    address: `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    values,
  });
  const onTarget = {
    resource_id: {
      references: ['aws_appautoscaling_target.api.resource_id', 'aws_appautoscaling_target.api'],
    },
  };
  const plan: TerraformPlan = {
    planned_values: {
      root_module: {
        resources: [
          resource('aws_ecs_service', 'api', { desired_count: 2 }),
          resource('aws_appautoscaling_target', 'api', { min_capacity: 2, max_capacity: 8 }),
          resource('aws_appautoscaling_scheduled_action', 'api_business_hours', {
            name: 'business-hours',
            schedule: 'cron(0 7 ? * MON-FRI *)',
            timezone: 'UTC',
            scalable_target_action: [{ min_capacity: '3', max_capacity: '8' }],
          }),
          resource('aws_appautoscaling_policy', 'api_out', {
            policy_type: 'StepScaling',
            step_scaling_policy_configuration: [
              {
                adjustment_type: 'ChangeInCapacity',
                cooldown: 60,
                metric_aggregation_type: 'Average',
                step_adjustment: [
                  {
                    metric_interval_lower_bound: '0',
                    metric_interval_upper_bound: '20',
                    scaling_adjustment: 1,
                  },
                  {
                    metric_interval_lower_bound: '20',
                    metric_interval_upper_bound: '',
                    scaling_adjustment: 3,
                  },
                ],
              },
            ],
          }),
          resource('aws_cloudwatch_metric_alarm', 'api_out', {
            namespace: 'AWS/ECS',
            metric_name: 'CPUUtilization',
            statistic: 'Average',
            period: 60,
            evaluation_periods: 3,
            threshold: 60,
            comparison_operator: 'GreaterThanOrEqualToThreshold',
          }),
          resource('aws_appautoscaling_policy', 'api_in', {
            policy_type: 'StepScaling',
            step_scaling_policy_configuration: [
              {
                adjustment_type: 'ChangeInCapacity',
                cooldown: 300,
                metric_aggregation_type: 'Average',
                step_adjustment: [
                  {
                    metric_interval_lower_bound: '',
                    metric_interval_upper_bound: '0',
                    scaling_adjustment: -1,
                  },
                ],
              },
            ],
          }),
        ],
      },
    },
    configuration: {
      root_module: {
        resources: [
          {
            address: 'aws_appautoscaling_target.api',
            type: 'aws_appautoscaling_target',
            name: 'api',
            expressions: { resource_id: { references: ['aws_ecs_service.api.name', 'aws_ecs_service.api'] } },
          },
          {
            address: 'aws_appautoscaling_scheduled_action.api_business_hours',
            type: 'x',
            name: 'x',
            expressions: onTarget,
          },
          { address: 'aws_appautoscaling_policy.api_out', type: 'x', name: 'x', expressions: onTarget },
          { address: 'aws_appautoscaling_policy.api_in', type: 'x', name: 'x', expressions: onTarget },
          {
            address: 'aws_cloudwatch_metric_alarm.api_out',
            type: 'x',
            name: 'x',
            expressions: {
              alarm_actions: {
                references: ['aws_appautoscaling_policy.api_out.arn', 'aws_appautoscaling_policy.api_out'],
              },
            },
          },
        ],
      },
    },
  };
  const scaleIn = [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -1 }];

  it('reads policies, scaling alarms and scheduled actions onto the service they scale', () => {
    const service = cfnEntities(resolveTemplate(cfn(60, scaleIn)), 'cloudformation').find(
      (e) => e.kind === 'ecs-service',
    )!;
    expect(service.props).toMatchObject({
      scalingPolicies: [
        'step ChangeInCapacity cooldown=300 Average [-inf,0):-1',
        'step ChangeInCapacity cooldown=60 Average [0,20):1 [20,inf):3',
      ],
      scalingAlarms: [
        'AWS/ECS/CPUUtilization Average GreaterThanOrEqualToThreshold 60 for 3 of 3x60s -> step ChangeInCapacity cooldown=60 Average [0,20):1 [20,inf):3',
      ],
      scheduledActions: ['business-hours cron(0 7 ? * MON-FRI *) UTC min=3 max=8'],
    });
    expect(terraformEntities(plan).find((e) => e.kind === 'ecs-service')!.props).toMatchObject({
      scalingPolicies: service.props.scalingPolicies,
      scalingAlarms: service.props.scalingAlarms,
      scheduledActions: service.props.scheduledActions,
    });
  });

  it('reports a different threshold or a missing scale-in step on the service', () => {
    const lines = compareEntities({
      terraform: terraformEntities(plan),
      cloudformation: cfnEntities(resolveTemplate(cfn(80, [])), 'cloudformation'),
    }).map((d) => `${d.resource} / ${d.property}`);
    expect(lines).toEqual(['ecs-service Api / scalingAlarms', 'ecs-service Api / scalingPolicies']);
  });
});

describe('keptResourceProblems', () => {
  const resource = {
    Type: 'AWS::SSM::Parameter',
    DependsOn: ['Queue'],
    Properties: { Type: 'String', Value: { 'Fn::GetAtt': ['Queue', 'Arn'] } },
  };
  it('accepts the same resource in any key order, with CDK metadata aside', () => {
    const cdk = {
      Resources: {
        Param: {
          Properties: { Value: { 'Fn::GetAtt': ['Queue', 'Arn'] }, Type: 'String' },
          Type: 'AWS::SSM::Parameter',
          DependsOn: ['Queue'],
          Metadata: { 'aws:cdk:path': 'Stack/Param' },
        },
      },
    };
    expect(keptResourceProblems(['Param'], cdk, { Resources: { Param: resource } })).toEqual([]);
  });
  it('names a kept resource that differs or is missing', () => {
    const changed = { ...resource, Properties: { Type: 'StringList', Value: 'x' } };
    expect(
      keptResourceProblems(['Param'], { Resources: { Param: changed } }, { Resources: { Param: resource } }),
    ).toHaveLength(1);
    expect(keptResourceProblems(['Param'], { Resources: {} }, { Resources: { Param: resource } })[0]).toMatch(
      /^Param \/ kept resource: cdk=\{\} cloudformation=/,
    );
  });
});
