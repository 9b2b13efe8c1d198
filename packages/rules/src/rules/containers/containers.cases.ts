import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const vpc = () => design('Containers fixture').vpc();

export const containerCases: RuleCase[] = [
  {
    ruleId: 'ECR-01',
    name: 'repository that does not scan on push',
    compliant: design('ECR').node('ecr-repository', { id: 'images' }).build(),
    nonCompliant: design('ECR')
      .node('ecr-repository', { id: 'images', properties: { scanOnPush: false } })
      .build(),
    expect: { target: 'images', severity: 'medium' },
  },
  {
    ruleId: 'ECR-02',
    name: 'mutable tags in production only',
    compliant: design('ECR')
      .node('ecr-repository', { id: 'images' })
      .override('dev', 'images', { tagMutability: 'MUTABLE' })
      .build(),
    nonCompliant: design('ECR')
      .node('ecr-repository', { id: 'images' })
      .override('prod', 'images', { tagMutability: 'MUTABLE' })
      .build(),
    expect: { target: 'images', severity: 'medium', environment: 'prod' },
  },
  {
    ruleId: 'ECR-03',
    name: 'repository that keeps every image',
    compliant: design('ECR')
      .node('ecr-repository', { id: 'images', properties: { keepLastImages: 0 } })
      .build(),
    nonCompliant: design('ECR')
      .node('ecr-repository', { id: 'images', properties: { keepLastImages: 0, untaggedExpiryDays: 0 } })
      .build(),
    expect: { target: 'images', severity: 'low' },
  },
  {
    ruleId: 'ECR-04',
    name: 'image function connected to two repositories',
    compliant: design('ECR')
      .node('ecr-repository', { id: 'images' })
      .node('ecr-repository', { id: 'tools' })
      .node('lambda', { id: 'fn' })
      .node('lambda', { id: 'other' })
      .connect('fn', 'images', 'read')
      .connect('other', 'tools', 'read')
      .build(),
    nonCompliant: design('ECR')
      .node('ecr-repository', { id: 'images' })
      .node('ecr-repository', { id: 'tools' })
      .node('lambda', { id: 'fn' })
      .connect('fn', 'images', 'read')
      .connect('fn', 'tools', 'read', { id: 'second' })
      .build(),
    expect: { target: 'second', targetKind: 'connection', severity: 'medium' },
  },
  {
    ruleId: 'ECR-04',
    name: 'Fargate service connected to two repositories (EKS nodes may pull from many)',
    compliant: vpc()
      .node('ecr-repository', { id: 'images' })
      .node('ecr-repository', { id: 'tools' })
      .node('eks', { id: 'k8s', tier: 'private' })
      .node('ecs-fargate', { id: 'api', tier: 'private' })
      .connect('k8s', 'images', 'read')
      .connect('k8s', 'tools', 'read')
      .connect('api', 'images', 'read')
      .build(),
    nonCompliant: vpc()
      .node('ecr-repository', { id: 'images' })
      .node('ecr-repository', { id: 'tools' })
      .node('ecs-fargate', { id: 'api', tier: 'private' })
      .connect('api', 'images', 'read')
      .connect('api', 'tools', 'read', { id: 'second' })
      .build(),
    expect: { target: 'second', targetKind: 'connection', severity: 'medium' },
  },
  {
    ruleId: 'ECS-01',
    name: 'writable root file system',
    compliant: vpc().node('ecs-fargate', { id: 'api' }).build(),
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api', properties: { readonlyRootFilesystem: false } })
      .build(),
    expect: { target: 'api', severity: 'high' },
  },
  {
    ruleId: 'ECS-02',
    name: 'Container Insights off',
    compliant: vpc().node('ecs-fargate', { id: 'api' }).build(),
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api', properties: { containerInsights: false } })
      .build(),
    expect: { target: 'api', severity: 'medium' },
  },
  {
    ruleId: 'ECS-03',
    name: 'CPU and memory Fargate does not offer',
    compliant: vpc()
      .node('ecs-fargate', { id: 'api', properties: { cpu: '1024', memoryMiB: 2048 } })
      .build(),
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api', properties: { cpu: '1024', memoryMiB: 512 } })
      .build(),
    expect: { target: 'api', severity: 'critical' },
  },
  {
    ruleId: 'ECS-03',
    name: 'invalid pair only in production',
    compliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .override('prod', 'api', { cpu: '2048', memoryMiB: 4096 })
      .build(),
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .override('prod', 'api', { cpu: '2048', memoryMiB: 2048 })
      .build(),
    expect: { target: 'api', severity: 'critical', environment: 'prod' },
  },
  {
    ruleId: 'ECS-04',
    name: 'one task in production',
    compliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .override('dev', 'api', { desiredCount: 1, minCount: 1 })
      .build(),
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api' })
      .override('prod', 'api', { desiredCount: 1, minCount: 1 })
      .build(),
    expect: { target: 'api', severity: 'medium', environment: 'prod' },
  },
  {
    ruleId: 'ECS-04',
    name: 'no deployment circuit breaker',
    compliant: vpc()
      .node('ecs-fargate', { id: 'api', properties: { circuitBreaker: true } })
      .build(),
    nonCompliant: vpc()
      .node('ecs-fargate', { id: 'api', properties: { circuitBreaker: false } })
      .build(),
    expect: { target: 'api', severity: 'medium' },
  },
  {
    ruleId: 'EKS-01',
    name: 'public Kubernetes API endpoint',
    compliant: vpc().node('eks', { id: 'k8s' }).build(),
    nonCompliant: vpc()
      .node('eks', { id: 'k8s', properties: { endpointPublicAccess: true } })
      .build(),
    expect: { target: 'k8s', severity: 'high' },
  },
  {
    ruleId: 'EKS-02',
    name: 'Kubernetes version past standard support',
    compliant: vpc()
      .node('eks', { id: 'k8s', properties: { version: '1.35' } })
      .build(),
    nonCompliant: vpc()
      .node('eks', { id: 'k8s', properties: { version: '1.31' } })
      .build(),
    expect: { target: 'k8s', severity: 'medium' },
  },
];
