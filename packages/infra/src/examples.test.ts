import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** examples/*.json and fixtures/adversarial/*.json, parsed (the root test-support loader is for toolchain suites). */
function verificationDesigns() {
  return ['examples', 'fixtures/adversarial'].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const result = parseDesign(readFileSync(join(ROOT, dir, f), 'utf8'));
        if (!result.ok)
          throw new Error(`${dir}/${f}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
        return { name: `${dir}/${f}`, design: result.design };
      }),
  );
}

// Every example and adversarial design lowers into a consistent graph, the same way twice.
describe.each(verificationDesigns())('$name', ({ design }) => {
  it('lowers into a consistent graph', () => {
    const graph = lowerDesign(design);
    expect(graphProblems(graph)).toEqual([]);
    expect(graph.components.filter((c) => !c.derived).length).toBe(
      design.nodes.filter((n) => n.type !== 'users').length,
    );
  });

  it('is deterministic', () => {
    const reversed = {
      ...design,
      nodes: [...design.nodes].reverse(),
      connections: [...design.connections].reverse(),
    };
    expect(JSON.stringify(lowerDesign(reversed))).toBe(JSON.stringify(lowerDesign(design)));
  });
});

describe('examples/three-tier-web-app.json', () => {
  const example = verificationDesigns().find((d) => d.name === 'examples/three-tier-web-app.json')!;
  const graph = lowerDesign(example.design);
  const ingress = (componentId: string) =>
    graph.securityGroups
      .find((s) => s.componentId === componentId)!
      .ingress.map((r) => `${'cidr' in r.peer ? r.peer.cidr : r.peer.componentId}:${r.port}`);

  it('admits the internet to the ALB, the ALB to the service, the service to the data stores', () => {
    expect(ingress('alb')).toEqual(expect.arrayContaining(['0.0.0.0/0:443']));
    expect(ingress('web')).toEqual(['alb:8080']);
    expect(ingress('db')).toEqual(expect.arrayContaining(['web:5432']));
    expect(ingress('cache')).toEqual(['web:6379']);
  });

  it('shares one NAT gateway in dev and staging and has one per AZ in prod', () => {
    const vpc = graph.vpcs[0]!;
    expect(vpc.natGatewayCount.byEnv).toEqual({ dev: 1, staging: 1, prod: vpc.azCount });
    expect(vpc.natGatewayCount.varies).toBe(true);
  });

  it('lets the service read its secret and write its log group, and nothing else', () => {
    const taskRole = graph.roles.find((r) => r.id === 'web.task-role')!;
    const targets = [
      ...new Set(taskRole.statements.flatMap((s) => s.resources.map((r) => r.componentId))),
    ].sort();
    expect(targets).toEqual(['apiKey', 'cache.auth-token', 'db.secret', 'logs']);
  });
});
