import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

describe('bastion hosts', () => {
  const graph = lowerDesign(
    design('Bastion')
      .vpc({ id: 'main' })
      .node('bastion', { id: 'jump', name: 'Jump', tier: 'private' })
      .node('rds', { id: 'db', tier: 'isolated' })
      .override('prod', 'jump', { instanceType: 't3.micro' })
      .connect('jump', 'db', 'traffic')
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;
  const group = (id: string) => graph.securityGroups.find((g) => g.id === component(id).securityGroupId)!;

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('admits nothing: Session Manager needs only HTTPS out, plus the database port it forwards to', () => {
    expect(group('jump').ingress).toEqual([]);
    expect(group('jump').allowHttpsEgress).toBe(true);
    expect(group('jump').egress.map((r) => [r.peer, r.port])).toEqual([[{ componentId: 'db' }, 5432]]);
    expect(group('db').ingress.map((r) => [r.peer, r.port])).toEqual([[{ componentId: 'jump' }, 5432]]);
  });

  it('has an instance role with the Session Manager policy and nothing else', () => {
    const role = graph.roles.find((r) => r.componentId === 'jump')!;
    expect(role.purpose).toBe('instance');
    expect(role.assumedBy).toBe('ec2.amazonaws.com');
    expect(role.managedPolicies).toEqual(['AmazonSSMManagedInstanceCore']);
  });

  it('boots the latest Amazon Linux 2023 for each environment’s architecture', () => {
    expect(component('jump').props.imageParameter!.byEnv).toEqual({
      dev: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64',
      staging: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64',
      prod: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    });
  });
});
