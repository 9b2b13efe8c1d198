import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { ecrLifecyclePolicy, ecrLifecycleRules, ecrRepositoryPolicy } from './ecr.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

describe('ECR repositories', () => {
  const graph = lowerDesign(
    design('Images')
      .vpc()
      .node('ecr-repository', { id: 'images' })
      .node('ecs-fargate', { id: 'api', tier: 'private' })
      .node('eks', { id: 'k8s', tier: 'private' })
      .connect('api', 'images', 'read', { properties: { tag: 'release-7' } })
      .connect('k8s', 'images', 'read')
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;
  const grantsTo = (id: string) => graph.grants.filter((g) => g.targetId === id);

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('expires untagged images first and keeps the last images by default', () => {
    expect(component('images').ecrRepository).toEqual({
      encryption: 'AES256',
      // Fargate and EKS pull with roles: no repository policy.
      pullingServices: [],
      lifecycleRules: [
        expect.objectContaining({
          priority: 1,
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countNumber: 14,
        }),
        expect.objectContaining({
          priority: 2,
          tagStatus: 'any',
          countType: 'imageCountMoreThan',
          countNumber: 30,
        }),
      ],
    });
    expect(ecrLifecycleRules(0, 0)).toEqual([]);
    // The only rule then takes priority 1; ECR needs the "any" rule last, which a lone rule is.
    expect(ecrLifecycleRules(0, 5).map((r) => [r.priority, r.tagStatus])).toEqual([[1, 'any']]);
  });

  it('prints the policy as CDK renders it (days only on age rules)', () => {
    expect(JSON.stringify(ecrLifecyclePolicy(ecrLifecycleRules(7, 10)))).toBe(
      '{"rules":[{"rulePriority":1,"description":"Expire untagged images after 7 days","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countNumber":7,"countUnit":"days"},"action":{"type":"expire"}},' +
        '{"rulePriority":2,"description":"Keep the last 10 images","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":10},"action":{"type":"expire"}}]}',
    );
  });

  it('runs the Fargate service from the repository at the connection’s tag', () => {
    expect(component('api').containerImage).toMatchObject({ repositoryId: 'images', tag: 'release-7' });
    expect(component('k8s').containerImage).toBeUndefined();
  });

  it('grants the pull to the roles that pull: the task execution role and the EKS node role', () => {
    expect(grantsTo('images').map((g) => [g.granteeId, g.roleId])).toEqual([
      ['api', 'api.execution-role'],
      ['k8s', 'k8s.node-role'],
    ]);
    const execution = graph.roles.find((r) => r.id === 'api.execution-role')!;
    const pull = execution.statements.find((s) => s.actions.includes('ecr:BatchGetImage'))!;
    expect(pull.resources).toEqual([{ componentId: 'images', attribute: 'arn' }]);
    const token = execution.statements.find((s) => s.actions.includes('ecr:GetAuthorizationToken'))!;
    expect(token.wildcardResource).toBeDefined();
    // The task role (the application's own calls) gets nothing from the repository.
    const task = graph.roles.find((r) => r.id === 'api.task-role')!;
    expect(task.statements.flatMap((s) => s.actions).filter((a) => a.startsWith('ecr:'))).toEqual([]);
  });
});

describe('image functions (Lambda running an image from a repository)', () => {
  const graph = lowerDesign(
    design('Image functions')
      .vpc()
      .node('ecr-repository', { id: 'images' })
      .node('ecr-repository', { id: 'other' })
      .node('s3', { id: 'bucket' })
      .node('lambda', { id: 'fn' })
      .node('lambda', { id: 'untagged' })
      .node('lambda', { id: 'zip' })
      .node('ecs-fargate', { id: 'api', tier: 'private' })
      .connect('fn', 'images', 'read', { properties: { tag: 'build-9' } })
      // A second repository runs nothing (ECR-04) and grants nothing.
      .connect('fn', 'other', 'read')
      .connect('fn', 'bucket', 'read')
      .connect('untagged', 'images', 'read', { properties: { tag: '' } })
      .connect('api', 'other', 'read')
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;
  const role = (id: string) => graph.roles.find((r) => r.id === id)!;
  const actionsOf = (roleId: string) => role(roleId).statements.flatMap((s) => s.actions);

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('runs the first repository’s image at the connection’s tag, latest when it has none', () => {
    expect(component('fn').containerImage).toMatchObject({ repositoryId: 'images', tag: 'build-9' });
    expect(component('untagged').containerImage).toMatchObject({ repositoryId: 'images', tag: 'latest' });
    expect(component('zip').containerImage).toBeUndefined();
  });

  it('lets Lambda pull through the repository policy, not the function’s role', () => {
    expect(component('images').ecrRepository!.pullingServices).toEqual(['lambda.amazonaws.com']);
    // The second repository is Fargate's only: its execution role pulls.
    expect(component('other').ecrRepository!.pullingServices).toEqual([]);
    expect(graph.grants.filter((g) => g.granteeId === 'fn').map((g) => g.targetId)).toEqual(['bucket']);
    for (const fn of ['fn', 'untagged'])
      expect(actionsOf(`${fn}.role`).filter((a) => a.startsWith('ecr:'))).toEqual([]);
    // Its other grants stay on its role.
    expect(actionsOf('fn.role')).toContain('s3:GetObject');
    expect(actionsOf('api.execution-role')).toContain('ecr:BatchGetImage');
  });

  it('prints the repository policy as CDK’s DockerImageCode.fromEcr renders it', () => {
    expect(JSON.stringify(ecrRepositoryPolicy(['lambda.amazonaws.com']))).toBe(
      '{"Statement":[{"Action":["ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"],' +
        '"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"}}],"Version":"2012-10-17"}',
    );
    expect(ecrRepositoryPolicy([])).toBeUndefined();
  });
});
