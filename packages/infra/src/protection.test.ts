/**
 * Stateful resources are protected in production (issue 12 item 4): deletion protection, what a
 * stack or configuration does when it deletes them, final snapshots, with a per-resource override.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { deletionActionOf, strongestAction } from './protection.ts';
import type { ResolvedGraph } from './types.ts';

const component = (graph: ResolvedGraph, id: string) => {
  const c = graph.components.find((x) => x.id === id);
  if (!c) throw new Error(`no component ${id}`);
  return c;
};

describe('deletionActionOf', () => {
  it('default protects in production only, with a snapshot where the service takes one', () => {
    expect(deletionActionOf('default', true, true)).toBe('snapshot');
    expect(deletionActionOf('default', true, false)).toBe('retain');
    expect(deletionActionOf('default', false, true)).toBe('delete');
    expect(deletionActionOf(undefined, true, false)).toBe('retain');
  });
  it('an explicit choice wins over the environment; snapshot without snapshots retains', () => {
    expect(deletionActionOf('delete', true, true)).toBe('delete');
    expect(deletionActionOf('retain', false, true)).toBe('retain');
    expect(deletionActionOf('snapshot', false, false)).toBe('retain');
  });
  it('the literal policy is the strongest: retain > snapshot > delete', () => {
    expect(strongestAction(['delete', 'snapshot'])).toBe('snapshot');
    expect(strongestAction(['snapshot', 'retain', 'delete'])).toBe('retain');
    expect(strongestAction(['delete'])).toBe('delete');
  });
});

describe('lowerProtection', () => {
  const graph = lowerDesign(
    design('Stateful')
      .environments('dev', 'prod')
      .vpc()
      .node('rds', { id: 'db', placement: { vpcId: 'main', tier: 'isolated' } })
      .node('dynamodb', { id: 'orders' })
      .node('s3', { id: 'files' })
      .node('s3', { id: 'scratch', properties: { onDelete: 'delete' } })
      .node('sqs', { id: 'jobs' })
      .override('dev', 'orders', { onDelete: 'retain' })
      .build(),
  );

  it('a database snapshots and is protected in prod, is deleted in dev', () => {
    const db = component(graph, 'db');
    expect(db.protection).toEqual({
      onDelete: { byEnv: { dev: 'delete', prod: 'snapshot' }, varies: true },
      policy: 'snapshot',
      finalSnapshot: { byEnv: { dev: false, prod: true }, varies: true },
      deletionProtection: { byEnv: { dev: false, prod: true }, varies: true },
    });
    expect(db.deletionProtection).toEqual(db.protection?.deletionProtection);
  });

  it('the per-environment override keeps the dev table too', () => {
    const table = component(graph, 'orders');
    expect(table.protection?.onDelete.byEnv).toEqual({ dev: 'retain', prod: 'retain' });
    expect(table.deletionProtection).toEqual({ byEnv: { dev: true, prod: true }, varies: false });
    expect(table.protection?.finalSnapshot).toBeUndefined();
  });

  it('a bucket is retained in prod; one set to delete is deleted everywhere', () => {
    expect(component(graph, 'files').protection).toEqual({
      onDelete: { byEnv: { dev: 'delete', prod: 'retain' }, varies: true },
      policy: 'retain',
    });
    expect(component(graph, 'scratch').protection?.policy).toBe('delete');
  });

  it('stateless components get no protection', () => {
    expect(component(graph, 'jobs').protection).toBeUndefined();
  });

  it('the environment flag decides, not its name, where the design sets it', () => {
    const base = design('Flag').environments('live', 'prod').node('s3', { id: 'b' }).build();
    const flagged = {
      ...base,
      environments: base.environments.map((e) => ({ ...e, production: e.name === 'live' })),
    };
    expect(component(lowerDesign(flagged), 'b').protection?.onDelete.byEnv).toEqual({
      live: 'retain',
      prod: 'delete',
    });
  });

  it('a database switch can turn deletion protection off where the database is kept', () => {
    const g = lowerDesign(
      design('Switch')
        .environments('prod')
        .vpc()
        .node('aurora', {
          id: 'db',
          placement: { vpcId: 'main', tier: 'isolated' },
          properties: { deletionProtection: false },
        })
        .build(),
    );
    expect(component(g, 'db').deletionProtection?.byEnv).toEqual({ prod: false });
    expect(component(g, 'db').protection?.policy).toBe('snapshot');
  });
});
