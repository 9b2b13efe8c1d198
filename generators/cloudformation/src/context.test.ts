import { describe, expect, it } from 'vitest';
import type { ResolvedComponent, ResolvedGraph } from '@archgen/infra';
import { EmitContext, type ComponentEmitter } from './context.ts';
import { getAtt, toLongForm } from './template/intrinsics.ts';

function component(props: Record<string, Record<string, unknown>>): ResolvedComponent {
  return {
    id: 'fn',
    type: 'lambda',
    names: { display: 'Orders "fn" ${x}', logicalId: 'OrdersFn', tfName: 'orders_fn', slug: 'orders-fn' },
    props: Object.fromEntries(
      Object.entries(props).map(([key, byEnv]) => [
        key,
        {
          byEnv: byEnv as never,
          varies: new Set(Object.values(byEnv).map((v) => JSON.stringify(v))).size > 1,
        },
      ]),
    ),
    placement: null,
    roleIds: [],
    environment: [],
    acknowledgements: [],
  };
}

function context(c: ResolvedComponent, environments = ['dev', 'staging', 'prod']): EmitContext {
  const graph: ResolvedGraph = {
    design: { name: 'Test', description: '', region: 'eu-west-1', slug: 'test' },
    environments: ['dev', 'staging', 'prod'],
    tags: { team: 'a"b' },
    vpcs: [],
    components: [c],
    securityGroups: [],
    roles: [],
    grants: [],
    eventSources: [],
    subscriptions: [],
    ruleTargets: [],
    routes: [],
    alarms: [],
  };
  const emitters: Record<string, ComponentEmitter> = {
    lambda: { references: { arn: (id) => getAtt(id, 'Arn') }, emit() {} },
  };
  return new EmitContext(graph, environments, emitters);
}

describe('EmitContext.value', () => {
  it('prints a literal when the environments agree', () => {
    const c = component({ memorySize: { dev: 512, staging: 512, prod: 512 } });
    const ctx = context(c);
    expect(ctx.value(c, 'memorySize')).toBe(512);
    expect(ctx.template.parameters.size).toBe(0);
  });

  it('turns differing scalars into one parameter with a value per environment', () => {
    const c = component({ memorySize: { dev: 512, staging: 512, prod: 2048 } });
    const ctx = context(c);
    expect(toLongForm(ctx.value(c, 'memorySize'))).toEqual({ Ref: 'OrdersFnMemorySize' });
    expect(toLongForm(ctx.value(c, 'memorySize'))).toEqual({ Ref: 'OrdersFnMemorySize' });
    expect(ctx.template.parameters.get('OrdersFnMemorySize')?.Type).toBe('Number');
    expect(ctx.parameterValues.get('OrdersFnMemorySize')).toEqual({
      dev: '512',
      staging: '512',
      prod: '2048',
    });
  });

  it('compares only the selected environments', () => {
    const c = component({ memorySize: { dev: 512, staging: 1024, prod: 2048 } });
    expect(context(c, ['prod']).value(c, 'memorySize')).toBe(2048);
  });

  it('chooses structured or left-out values with Fn::If over environment conditions', () => {
    const c = component({ reservedConcurrency: { dev: -1, staging: -1, prod: 50 } });
    const ctx = context(c);
    const value = ctx.value(c, 'reservedConcurrency', (n) =>
      typeof n === 'number' && n >= 0 ? { Count: n } : undefined,
    );
    expect(toLongForm(value)).toEqual({ 'Fn::If': ['IsProd', { Count: 50 }, { Ref: 'AWS::NoValue' }] });
    expect(toLongForm(ctx.template.conditions.get('IsProd'))).toEqual({
      'Fn::Equals': [{ Ref: 'EnvironmentName' }, 'prod'],
    });
  });

  it('uses literals per environment when asked (where a parameter string would not do)', () => {
    const c = component({ retries: { dev: 1, staging: 1, prod: 3 } });
    const ctx = context(c);
    expect(toLongForm(ctx.literal(c, 'retries'))).toEqual({ 'Fn::If': ['IsDevOrStaging', 1, 3] });
    expect(ctx.template.parameters.size).toBe(0);
  });
});

describe('EmitContext.when', () => {
  it('is true or false when all environments agree, else a condition over them', () => {
    const c = component({});
    const ctx = context(c);
    expect(ctx.when({ dev: true, staging: true, prod: true })).toBe(true);
    expect(ctx.when({ dev: false, staging: false, prod: false })).toBe(false);
    expect(ctx.when({ dev: false, staging: true, prod: true })).toBe('IsStagingOrProd');
    expect(toLongForm(ctx.template.conditions.get('IsStagingOrProd'))).toEqual({
      'Fn::Or': [
        { 'Fn::Equals': [{ Ref: 'EnvironmentName' }, 'staging'] },
        { 'Fn::Equals': [{ Ref: 'EnvironmentName' }, 'prod'] },
      ],
    });
  });
});

describe('EmitContext.metadata and tags', () => {
  it('maps accepted findings to cfn_nag, checkov and cfn-lint by their ids', () => {
    const ctx = context(component({}));
    const metadata = ctx.metadata(
      [
        {
          ruleId: 'NET-06',
          reason: 'Single AZ in dev',
          equivalents: ['LINT E3680', 'CKV_AWS_157', 'Sol-RDS3', 'CNAG F22', 'TRV AWS-0180'],
        },
      ],
      [{ id: 'CNAG W9', reason: 'Public entry point' }],
    );
    expect(toLongForm(metadata)).toEqual({
      cfn_nag: {
        rules_to_suppress: [
          { id: 'W9', reason: 'Public entry point' },
          { id: 'F22', reason: 'NET-06: Single AZ in dev' },
        ],
      },
      checkov: { skip: [{ id: 'CKV_AWS_157', comment: 'NET-06: Single AZ in dev' }] },
      'cfn-lint': { config: { ignore_checks: ['E3680'] } },
    });
    expect(ctx.metadata([], [])).toBeUndefined();
  });

  it('tags with a Name, the design tags, the environment and ManagedBy', () => {
    const ctx = context(component({}));
    expect(toLongForm(ctx.tags('My "thing"'))).toEqual([
      { Key: 'Name', Value: 'My "thing"' },
      { Key: 'team', Value: 'a"b' },
      { Key: 'Environment', Value: { Ref: 'EnvironmentName' } },
      { Key: 'ManagedBy', Value: 'archgen' },
    ]);
  });
});

describe('EmitContext parameters', () => {
  it('reuses a parameter asked for twice and separates one mapped to other values', () => {
    const c = component({ nodes: { dev: 1, staging: 2, prod: 3 } });
    const ctx = context(c);
    expect(toLongForm(ctx.value(c, 'nodes'))).toEqual({ Ref: 'OrdersFnNodes' });
    expect(toLongForm(ctx.value(c, 'nodes'))).toEqual({ Ref: 'OrdersFnNodes' });
    expect(toLongForm(ctx.value(c, 'nodes', (n) => `${String(n)} nodes`))).toEqual({ Ref: 'OrdersFnNodes2' });
    expect(ctx.parameterValues.get('OrdersFnNodes2')).toEqual({
      dev: '1 nodes',
      staging: '2 nodes',
      prod: '3 nodes',
    });
    expect([...ctx.template.parameters.keys()]).toEqual(['OrdersFnNodes', 'OrdersFnNodes2']);
  });
});
