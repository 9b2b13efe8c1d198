import { describe, expect, it } from 'vitest';
import { SERVICES } from './index.ts';
import { article, nounPhrase, serviceNoun } from './wording.ts';

describe('article', () => {
  it.each([
    ['Aurora cluster', 'an'],
    ['Application Load Balancer', 'an'],
    ['API Gateway', 'an'],
    ['EC2 Auto Scaling group', 'an'],
    ['ElastiCache cluster', 'an'],
    ['RDS database', 'an'],
    ['S3 bucket', 'an'],
    ['SQS queue', 'an'],
    ['NAT gateway', 'a'],
    ['Lambda function', 'a'],
    ['DynamoDB table', 'a'],
    ['CloudFront distribution', 'a'],
    ['Step Functions state machine', 'a'],
    ['user pool', 'a'],
    ['event-source connection', 'an'],
    ['read-write connection', 'a'],
    ['', 'a'],
  ])('%s takes "%s"', (phrase, expected) => {
    expect(article(phrase)).toBe(expected);
  });
});

describe('nounPhrase', () => {
  it('gives a singular name its article and "is"', () => {
    expect(nounPhrase('Aurora cluster')).toEqual({
      a: 'an Aurora cluster',
      A: 'An Aurora cluster',
      is: 'is',
      does: 'does',
    });
  });

  it('gives a plural name no article and "are"', () => {
    expect(nounPhrase('Internet users', { plural: true })).toEqual({
      a: 'Internet users',
      A: 'Internet users',
      is: 'are',
      does: 'do',
    });
  });

  it('reads every catalog service without "a" before a vowel or an article before a plural', () => {
    for (const service of SERVICES) {
      const phrase = serviceNoun(service).a;
      expect(phrase, service.type).not.toMatch(/^a [AEIO]/);
      if (service.plural) expect(phrase).toBe(service.displayName);
    }
    expect(serviceNoun(SERVICES.find((s) => s.type === 'users')!).is).toBe('are');
  });
});
