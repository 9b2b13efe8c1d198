/**
 * Designs that switch on the options the shared examples leave off (REST API with Cognito,
 * memcached, provisioned DynamoDB with auto scaling, step and scheduled Fargate scaling, spot
 * ASG behind an ALB, Lambda behind an ALB, CMK log group, ...), so the toolchain suite plans
 * those code paths too. Test-only (imported by *.test.ts files).
 */
import { design, type Design } from '@archgen/model';

export function variantsDesign(): Design {
  return (
    design('Terraform variants')
      .environments('dev', 'prod')
      .tag('team', 'platform')
      .vpc({ azCount: 3 })
      .node('users', { id: 'users', name: 'Users', placement: null })
      .node('nat-gateway', { id: 'nat', name: 'NAT' })
      .node('alb', { id: 'alb', name: 'Plain ALB', properties: { certificateArn: '' } })
      .node('ec2-asg', {
        id: 'fleet',
        name: 'Spot fleet',
        properties: { useSpot: true, instanceType: 'c7i.large' },
      })
      .node('lambda', { id: 'albfn', name: 'ALB function', placement: null })
      .node('ecs-fargate', { id: 'stepsvc', name: 'Step service', properties: { scaling: 'step' } })
      .node('ecs-fargate', {
        id: 'cronsvc',
        name: 'Cron service',
        properties: { scaling: 'scheduled', spot: true },
      })
      .node('api-gateway', {
        id: 'rest',
        name: 'REST API',
        properties: { apiType: 'rest', authorizer: 'cognito' },
      })
      .node('cognito-user-pool', {
        id: 'pool',
        name: 'Users pool',
        properties: { mfa: 'required', advancedSecurity: true },
      })
      .node('lambda', { id: 'restfn', name: 'REST function', placement: null })
      .node('lambda', { id: 'vpcfn', name: 'VPC function', tier: 'private' })
      .node('elasticache', { id: 'memcache', name: 'Memcache', properties: { engine: 'memcached' } })
      .node('aurora', {
        id: 'mysql',
        name: 'MySQL cluster',
        properties: { engine: 'aurora-mysql', readers: 2 },
      })
      .node('opensearch', {
        id: 'search',
        name: 'Search',
        properties: { dedicatedMasters: true, zoneAwareness: false, instanceCount: 1 },
      })
      .node('dynamodb', {
        id: 'table',
        name: 'Provisioned table',
        placement: null,
        properties: {
          billingMode: 'provisioned',
          autoScaling: true,
          sortKey: '',
          ttlAttribute: 'expiresAt',
          stream: 'keys-only',
        },
      })
      .node('kinesis-stream', {
        id: 'stream',
        name: 'Provisioned stream',
        properties: { mode: 'provisioned', shards: 2 },
      })
      .node('log-group', {
        id: 'audit',
        name: 'Audit log',
        properties: { kmsEncryption: true, retentionDays: 365 },
      })
      .node('s3', {
        id: 'lake',
        name: 'Tiered bucket',
        placement: null,
        properties: { intelligentTiering: true, encryption: 'kms', accessLogs: true, expirationDays: 400 },
      })
      .node('sqs', { id: 'fifo', name: 'FIFO queue', properties: { fifo: true } })
      .node('sqs', { id: 'uploads', name: 'Upload events', properties: { encryption: 'kms' } })
      .node('sns', { id: 'fifotopic', name: 'FIFO topic', properties: { fifo: true } })
      .node('eventbridge-rule', { id: 'cron', name: 'Nightly', properties: { schedule: 'rate(1 day)' } })
      .node('step-functions', {
        id: 'flow',
        name: 'Express flow',
        properties: { workflowType: 'EXPRESS', logLevel: 'ERROR' },
      })
      .node('secret', { id: 'apikey', name: 'API key', properties: { rotationDays: 0 } })
      .connect('users', 'alb', 'traffic')
      .connect('alb', 'fleet', 'traffic')
      .connect('alb', 'albfn', 'invoke')
      .connect('rest', 'restfn', 'invoke')
      .connect('rest', 'pool', 'read')
      .connect('vpcfn', 'memcache', 'traffic')
      .connect('vpcfn', 'mysql', 'traffic')
      .connect('stepsvc', 'search', 'traffic')
      .connect('stream', 'restfn', 'event-source')
      .connect('table', 'vpcfn', 'event-source')
      .connect('lake', 'uploads', 'publish')
      .connect('fifotopic', 'fifo', 'subscribe')
      .connect('cron', 'flow', 'route')
      .connect('flow', 'restfn', 'invoke')
      .connect('vpcfn', 'audit', 'write')
      .connect('restfn', 'apikey', 'read')
      .override('prod', 'fleet', { instanceType: 'm7g.large', minSize: 2 })
      .override('prod', 'table', { readCapacity: 20, writeCapacity: 20 })
      .override('dev', 'nat', { mode: 'single' })
      // Shape that differs per environment: billing mode, lifecycle expiration, stream mode, masters.
      .override('dev', 'table', { billingMode: 'on-demand' })
      .override('dev', 'lake', { expirationDays: 0 })
      .override('dev', 'stream', { mode: 'on-demand' })
      .override('dev', 'search', { dedicatedMasters: false })
      .build()
  );
}
