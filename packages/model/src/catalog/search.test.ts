import { describe, expect, it } from 'vitest';
import { searchServices } from './search.ts';

const names = (query: string) => searchServices(query).matches.map((s) => s.displayName);
const first = (query: string) => searchServices(query).ranked[0];

describe('searchServices', () => {
  it.each([
    ['elb', 'Application Load Balancer'],
    ['alb', 'Application Load Balancer'],
    ['load balancer', 'Application Load Balancer'],
    ['cdn', 'CloudFront distribution'],
    ['queue', 'SQS queue'],
    ['bucket', 'S3 bucket'],
    ['k8s', 'EKS cluster'],
    ['kubernetes', 'EKS cluster'],
    ['sfn', 'Step Functions state machine'],
    ['Lambda', 'Lambda function'],
    ['serverless', 'Lambda function'],
    ['db', 'Aurora cluster'],
    ['sql', 'Aurora cluster'],
    ['postgres', 'Aurora cluster'],
    ['mysql', 'Aurora cluster'],
    ['redis', 'ElastiCache cluster'],
    ['cache', 'ElastiCache cluster'],
    ['nosql', 'DynamoDB table'],
    ['ddb', 'DynamoDB table'],
    ['pubsub', 'SNS topic'],
    ['Pub/Sub', 'SNS topic'],
    ['topic', 'SNS topic'],
    ['stream', 'Kinesis data stream'],
    ['cron', 'EventBridge rule'],
    ['scheduler', 'EventBridge rule'],
    ['secrets', 'Secrets Manager secret'],
    ['auth', 'Cognito user pool'],
    ['login', 'Cognito user pool'],
    ['container', 'ECS Fargate service'],
    ['docker', 'ECS Fargate service'],
    ['api', 'API Gateway'],
    ['search', 'OpenSearch domain'],
    ['elastic', 'OpenSearch domain'],
    ['graph', 'Neptune cluster'],
    ['nat', 'NAT gateway'],
    ['logs', 'CloudWatch log group'],
    ['kms', 'KMS key'],
    ['vpce', 'VPC endpoint'],
    ['bastion', 'Bastion host (Session Manager)'],
    ['ecr', 'ECR repository'],
    ['efs', 'EFS file system'],
    ['nfs', 'EFS file system'],
    ['shared storage', 'EFS file system'],
    ['registry', 'ECR repository'],
    ['container image', 'ECR repository'],
    ['jump host', 'Bastion host (Session Manager)'],
    ['ssh', 'Bastion host (Session Manager)'],
    ['ssm', 'Bastion host (Session Manager)'],
    ['session manager', 'Bastion host (Session Manager)'],
    ['privatelink', 'VPC endpoint'],
    ['endpoint', 'VPC endpoint'],
    ['vpc endpoint', 'VPC endpoint'],
    ['firehose', 'Data Firehose'],
    ['kinesis firehose', 'Data Firehose'],
    ['delivery stream', 'Data Firehose'],
    ['fireh', 'Data Firehose'],
    ['msk', 'MSK cluster'],
    ['kafka', 'MSK cluster'],
    ['apache kafka', 'MSK cluster'],
    ['cmk', 'KMS key'],
    ['waf', 'WAF web ACL'],
    ['acm', 'ACM certificate'],
    ['cert', 'ACM certificate'],
    ['certificate', 'ACM certificate'],
    ['certificate manager', 'ACM certificate'],
    ['ssl', 'ACM certificate'],
    ['tls', 'ACM certificate'],
    ['route 53', 'Route 53 hosted zone'],
    ['route53', 'Route 53 hosted zone'],
    ['dns', 'Route 53 hosted zone'],
    ['domain name', 'Route 53 hosted zone'],
    ['cloudtrail', 'CloudTrail trail'],
    ['trail', 'CloudTrail trail'],
    ['audit log', 'CloudTrail trail'],
    ['cloudtr', 'CloudTrail trail'],
    ['config', 'Config recorder'],
    ['aws config', 'Config recorder'],
    ['compliance', 'Config recorder'],
    ['config rules', 'Config recorder'],
    ['hosted zone', 'Route 53 hosted zone'],
    ['firewall', 'WAF web ACL'],
    ['web acl', 'WAF web ACL'],
    ['encryption key', 'KMS key'],
    ['customer managed key', 'KMS key'],
    ['  DynamoDB  ', 'DynamoDB table'],
  ])('"%s" puts %s first', (query, name) => {
    expect(names(query)[0]).toBe(name);
    expect(searchServices(query).missing).toBeUndefined();
  });

  it('ranks an exact name over an abbreviation over a synonym over a word being typed', () => {
    // "rds" is RDS's own type and an Aurora synonym.
    expect(names('rds').slice(0, 2)).toEqual(['RDS database', 'Aurora cluster']);
    expect(
      searchServices('rds')
        .ranked.slice(0, 2)
        .map((m) => m.kind),
    ).toEqual(['name', 'synonym']);
    // "cache" is ElastiCache's synonym and a word of CloudFront's "edge cache".
    expect(names('cache').slice(0, 2)).toEqual(['ElastiCache cluster', 'CloudFront distribution']);
    // "elastic": OpenSearch's synonym, a word of "elastic load balancing", "elastic container
    // registry" and "elastic file system", the start of "ElastiCache".
    expect(names('elastic').slice(0, 5)).toEqual([
      'OpenSearch domain',
      'Application Load Balancer',
      'ECR repository',
      'EFS file system',
      'ElastiCache cluster',
    ]);
    // "api": API Gateway's name before Secrets Manager's "api key", before descriptions naming APIs.
    expect(names('api').slice(0, 2)).toEqual(['API Gateway', 'Secrets Manager secret']);
    expect(searchServices('api').ranked.at(-1)?.kind).toBe('description');
  });

  it('says which abbreviation or synonym matched, so the palette can show it', () => {
    expect(first('k8s')).toMatchObject({ kind: 'abbreviation', term: 'k8s' });
    expect(first('cron')).toMatchObject({ kind: 'synonym', term: 'cron' });
    expect(first('lambda')).toMatchObject({ kind: 'name' });
    expect(first('lambda')?.term).toBeUndefined();
  });

  it('finds as you type, names first', () => {
    expect(names('dyna')[0]).toBe('DynamoDB table');
    expect(names('step func')[0]).toBe('Step Functions state machine');
    // Equal-rank synonym prefixes ("ssh", "server", "serverless", "shared storage"...) in name order.
    expect(names('s').slice(0, 5)).toEqual([
      'Bastion host (Session Manager)',
      'EC2 Auto Scaling group',
      'ECS Fargate service',
      'EFS file system',
      'S3 bucket',
    ]);
    expect(first('kube')).toMatchObject({ kind: 'abbreviation', term: 'kube' });
    expect(first('kuber')).toMatchObject({ kind: 'prefix', term: 'kubernetes' });
  });

  it.each([
    ['nlb', 'Network Load Balancer', ['Application Load Balancer']],
    ['graphql', 'AWS AppSync', ['API Gateway']],
    ['warehouse', 'Amazon Redshift', ['Athena workgroup', 'S3 bucket']],
    ['etl', 'AWS Glue', ['Athena workgroup', 'Step Functions state machine']],
    ['AWS Glue jobs', 'AWS Glue', ['Athena workgroup', 'Step Functions state machine']],
  ])('"%s" says %s is not in the catalog yet and offers %j', (query, missing, closest) => {
    const result = searchServices(query);
    expect(result.missing?.name).toBe(missing);
    expect(result.missing?.notYet?.name).toBe(missing);
    expect(result.missing?.closest.map((s) => s.displayName)).toEqual(closest);
    expect(result.matches).toEqual([]);
  });

  it('names a missing service while its name is being typed, when nothing else fits', () => {
    expect(searchServices('lustr').missing?.name).toBe('Amazon FSx');
    // "dyn" starts a catalog name: no message.
    expect(searchServices('dyn').missing).toBeUndefined();
  });

  it('offers the nearest names for a typo, and nothing for gibberish', () => {
    const typo = searchServices('lamda');
    expect(typo.matches).toEqual([]);
    expect(typo.missing).toMatchObject({ name: 'lamda' });
    expect(typo.missing?.notYet).toBeUndefined();
    expect(typo.missing?.closest.map((s) => s.displayName)[0]).toBe('Lambda function');
    expect(searchServices('cloudfrnt').missing?.closest[0]?.displayName).toBe('CloudFront distribution');
    expect(searchServices('qqqqqq').missing).toEqual({ name: 'qqqqqq', closest: [] });
  });

  it('finds every service by its own name, with no missing-service message', () => {
    for (const service of searchServices('').matches) {
      const result = searchServices(service.displayName);
      expect(result.matches[0], service.displayName).toBe(service);
      expect(result.missing, service.displayName).toBeUndefined();
    }
  });

  it('lists everything in palette order for an empty query', () => {
    const all = searchServices('  ');
    expect(all.matches.length).toBeGreaterThan(20);
    expect(all.missing).toBeUndefined();
  });
});
