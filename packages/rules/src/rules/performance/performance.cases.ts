import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const fixture = () => design('Performance fixture').vpc();

const apiReadingDatabase = () =>
  fixture()
    .node('api-gateway', { id: 'api' })
    .node('lambda', { id: 'fn', tier: 'private' })
    .node('rds', { id: 'db' })
    .connect('api', 'fn', 'invoke')
    .connect('fn', 'db', 'traffic');

export const performanceCases: RuleCase[] = [
  {
    ruleId: 'PERF-01',
    name: 'API path reads a database with no cache',
    compliant: apiReadingDatabase()
      .node('elasticache', { id: 'cache' })
      .connect('fn', 'cache', 'traffic')
      .build(),
    nonCompliant: apiReadingDatabase().build(),
    expect: { target: 'fn', severity: 'low' },
  },
  {
    ruleId: 'PERF-02',
    name: '128 MB function behind an API',
    compliant: fixture()
      .node('api-gateway', { id: 'api' })
      .node('lambda', { id: 'fn', properties: { memorySize: 256 } })
      .connect('api', 'fn', 'invoke')
      .build(),
    nonCompliant: fixture()
      .node('api-gateway', { id: 'api' })
      .node('lambda', { id: 'fn', properties: { memorySize: 128 } })
      .connect('api', 'fn', 'invoke')
      .build(),
    expect: { target: 'fn', severity: 'medium' },
  },
  {
    ruleId: 'PERF-03',
    name: 'static site bucket without CloudFront',
    compliant: fixture().node('s3', { id: 'lake', name: 'Data lake' }).build(),
    nonCompliant: fixture().node('s3', { id: 'site', name: 'Static site' }).build(),
    expect: { target: 'site', severity: 'low' },
  },
  {
    ruleId: 'PERF-04',
    name: 'previous-generation database class',
    compliant: fixture()
      .node('rds', { id: 'db', properties: { instanceClass: 'db.m7g.large' } })
      .build(),
    nonCompliant: fixture()
      .node('rds', { id: 'db', properties: { instanceClass: 'db.m4.large' } })
      .build(),
    expect: { target: 'db', severity: 'medium' },
  },
];
