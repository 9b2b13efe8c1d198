import { describe, expect, it } from 'vitest';
import { searchServices } from './search.ts';

const names = (query: string) => searchServices(query).matches.map((s) => s.displayName);

describe('searchServices', () => {
  it.each([
    ['elb', 'Application Load Balancer'],
    ['alb', 'Application Load Balancer'],
    ['nlb', 'Application Load Balancer'],
    ['cdn', 'CloudFront distribution'],
    ['kafka', 'Kinesis data stream'],
    ['queue', 'SQS queue'],
    ['bucket', 'S3 bucket'],
    ['k8s', 'EKS cluster'],
    ['sfn', 'Step Functions state machine'],
    ['bastion', 'EC2 Auto Scaling group'],
    ['redis', 'ElastiCache cluster'],
    ['Lambda', 'Lambda function'],
  ])('"%s" finds %s', (query, name) => {
    expect(names(query)).toContain(name);
  });

  it('says what is not in the catalog yet and offers the closest service', () => {
    for (const [query, missing, closest] of [
      ['efs', 'Amazon EFS', 'S3 bucket'],
      ['route 53', 'Route 53', 'CloudFront distribution'],
      ['waf', 'AWS WAF', 'CloudFront distribution'],
    ] as const) {
      const result = searchServices(query);
      expect(result.matches, query).toEqual([]);
      expect(result.missing?.name).toBe(missing);
      expect(result.missing?.closest?.displayName).toBe(closest);
    }
  });

  it('offers the nearest name for a typo', () => {
    const result = searchServices('lamda');
    expect(result.matches).toEqual([]);
    expect(result.missing?.closest?.displayName).toBe('Lambda function');
  });

  it('lists everything for an empty query', () => {
    expect(searchServices('  ').matches.length).toBeGreaterThan(20);
  });
});
