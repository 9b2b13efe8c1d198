/**
 * Finding a service by what people call it: display names, types, categories, descriptions and
 * each service's `keywords` ("elb", "k8s", "bucket"). Shared by the palette and the CLI.
 */
import type { ServiceDefinition } from './types.ts';
import { ALL_SERVICES as SERVICES } from './services/index.ts';

const getService = (type: string) => SERVICES.find((s) => s.type === type);

/** AWS services people look for that the catalog does not have yet, and what comes closest. */
const NOT_YET: readonly { name: string; terms: readonly string[]; closest: string }[] = [
  { name: 'Amazon EFS', terms: ['efs', 'elastic file system', 'nfs', 'file system'], closest: 's3' },
  { name: 'Amazon FSx', terms: ['fsx'], closest: 's3' },
  { name: 'Amazon EBS', terms: ['ebs', 'block storage', 'volume'], closest: 'ec2-asg' },
  { name: 'Route 53', terms: ['route 53', 'route53', 'dns', 'hosted zone', 'domain'], closest: 'cloudfront' },
  {
    name: 'AWS WAF',
    terms: ['waf', 'web application firewall', 'firewall', 'shield'],
    closest: 'cloudfront',
  },
  { name: 'Amazon MSK', terms: ['msk kafka', 'managed kafka'], closest: 'kinesis-stream' },
  { name: 'Amazon ECR', terms: ['ecr', 'container registry', 'registry'], closest: 'ecs-fargate' },
  { name: 'AWS KMS', terms: ['kms', 'key management', 'encryption key'], closest: 'secret' },
  { name: 'AWS Certificate Manager', terms: ['acm', 'certificate', 'tls certificate'], closest: 'alb' },
  {
    name: 'Amazon Redshift',
    terms: ['redshift', 'data warehouse', 'warehouse'],
    closest: 'athena-workgroup',
  },
  { name: 'AWS Glue', terms: ['glue', 'etl'], closest: 'athena-workgroup' },
  { name: 'Amazon DocumentDB', terms: ['documentdb', 'docdb', 'mongo', 'mongodb'], closest: 'dynamodb' },
  { name: 'Amazon SES', terms: ['ses', 'email'], closest: 'sns' },
  { name: 'AWS AppSync', terms: ['appsync', 'graphql'], closest: 'api-gateway' },
  { name: 'Transit Gateway', terms: ['transit gateway', 'tgw', 'peering', 'vpn'], closest: 'nat-gateway' },
  { name: 'VPC endpoint', terms: ['vpc endpoint', 'privatelink', 'endpoint'], closest: 'nat-gateway' },
  { name: 'AWS Batch', terms: ['batch'], closest: 'ecs-fargate' },
];

export interface ServiceSearch {
  /** The services the query names, in catalog order. */
  matches: ServiceDefinition[];
  /** When nothing matches: what was asked for and the nearest service the catalog has. */
  missing?: { name: string; closest?: ServiceDefinition };
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

function haystack(service: ServiceDefinition): string {
  return normalise(
    [
      service.displayName,
      service.type,
      service.category,
      service.description,
      ...(service.keywords ?? []),
    ].join(' | '),
  );
}

const HAYSTACKS = new Map(SERVICES.map((s) => [s.type, haystack(s)]));

export function matchesService(service: ServiceDefinition, query: string): boolean {
  const q = normalise(query);
  if (!q) return true;
  const text = HAYSTACKS.get(service.type) ?? haystack(service);
  return q.split(' ').every((word) => text.includes(word));
}

/** Edit distance, for typos ("dynamo db", "lamda"). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The service whose name or keyword is nearest to `query`, when it is near enough to help. */
function closestByName(query: string): ServiceDefinition | undefined {
  let best: { service: ServiceDefinition; score: number } | undefined;
  for (const service of SERVICES) {
    const names = [service.displayName, service.type, ...(service.keywords ?? [])].map(normalise);
    for (const name of names) {
      const words = name.split(' ');
      const score = Math.min(distance(query, name), ...words.map((w) => distance(query, w)));
      if (!best || score < best.score) best = { service, score };
    }
  }
  return best && best.score <= Math.max(2, Math.floor(query.length / 3)) ? best.service : undefined;
}

export function searchServices(query: string): ServiceSearch {
  const q = normalise(query);
  const matches = SERVICES.filter((s) => matchesService(s, q));
  if (matches.length > 0 || !q) return { matches };
  const known = NOT_YET.find((n) => n.terms.some((t) => t === q || q.includes(t)));
  if (known) return { matches, missing: { name: known.name, closest: getService(known.closest) } };
  return { matches, missing: { name: query.trim(), closest: closestByName(q) } };
}
