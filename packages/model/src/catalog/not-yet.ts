/**
 * AWS services people search the palette for that the catalog does not have yet, so the search
 * can say so honestly ("AWS WAF is not in the catalog yet") and offer what comes closest. When a
 * service lands in the catalog, delete its entry here: not-yet.test.ts fails while an entry names
 * a type the catalog has, or a term a catalog service answers to.
 */

export interface NotYetService {
  /** The service as people know it, used in the message. */
  name: string;
  /** The catalog type it will get (issue 14 lists most of these). */
  type: string;
  /** What people type for it (lower case, words separated by single spaces). */
  terms: readonly string[];
  /** Catalog types that come closest, best first; empty when nothing does. */
  closest: readonly string[];
  /** What the catalog offers meanwhile, when the closest services alone do not say it. */
  hint?: string;
}

export const NOT_YET_SERVICES: readonly NotYetService[] = [
  { name: 'Amazon FSx', type: 'fsx', terms: ['fsx', 'lustre', 'smb'], closest: ['s3'] },
  {
    name: 'Amazon EBS volumes',
    type: 'ebs-volume',
    terms: ['ebs', 'block storage', 'volume'],
    closest: ['ec2-asg'],
  },
  {
    name: 'Network Load Balancer',
    type: 'nlb',
    terms: ['nlb', 'network load balancer', 'tcp load balancer'],
    closest: ['alb'],
  },
  {
    name: 'Amazon Redshift',
    type: 'redshift',
    terms: ['redshift', 'data warehouse', 'warehouse', 'dwh'],
    closest: ['athena-workgroup', 's3'],
  },
  {
    name: 'AWS Glue',
    type: 'glue-job',
    terms: ['glue', 'etl', 'glue job', 'crawler', 'data catalog'],
    closest: ['athena-workgroup', 'step-functions'],
  },
  {
    name: 'Amazon DocumentDB',
    type: 'documentdb',
    terms: ['documentdb', 'docdb', 'mongo', 'mongodb', 'document database'],
    closest: ['dynamodb'],
  },
  { name: 'Amazon SES', type: 'ses', terms: ['ses', 'email', 'smtp'], closest: ['sns'] },
  { name: 'AWS AppSync', type: 'appsync', terms: ['appsync', 'graphql'], closest: ['api-gateway'] },
  {
    name: 'Amazon MQ',
    type: 'amazon-mq',
    terms: ['amazon mq', 'rabbitmq', 'activemq'],
    closest: ['sqs'],
  },
  {
    name: 'AWS Transit Gateway',
    type: 'transit-gateway',
    terms: ['transit gateway', 'tgw', 'peering', 'vpc peering', 'vpn', 'direct connect'],
    closest: [],
  },
  {
    name: 'AWS Batch',
    type: 'batch-job',
    terms: ['batch', 'aws batch', 'batch job'],
    closest: ['ecs-fargate', 'step-functions'],
  },
];
