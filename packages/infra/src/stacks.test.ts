import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign, type Design } from '@archgen/model';
import { denseDesign } from '../../../bench/dense.ts';
import { syntheticDesign } from '../../../bench/synthetic.ts';
import { lowerDesign } from './lower.ts';
import { STACK_BUDGET, stackIndexById } from './stacks.ts';
import type { ResolvedGraph } from './types.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

/** Every reference a stack's resources make, as [from id, to id] (what stacks.ts orders by). */
function references(graph: ResolvedGraph): [string, string][] {
  const out: [string, string][] = [];
  const add = (from: string, to: string | undefined) => to && from !== to && out.push([from, to]);
  for (const c of graph.components) {
    add(c.id, c.placement?.vpcId);
    for (const id of [
      c.logGroupId,
      c.secretId,
      c.deadLetterQueueId,
      c.functionDeadLetterQueueId,
      c.eventBusId,
    ])
      add(c.id, id);
    for (const v of c.environment) if ('componentId' in v.value) add(c.id, v.value.componentId);
    // A front door (an API's custom domains) names its certificate, which names its zone, whose
    // alias records name the front doors.
    add(c.id, c.certificateId);
    add(c.id, c.acmCertificate?.zoneId);
    for (const record of c.hostedZone?.records ?? []) add(c.id, record.targetId);
  }
  for (const role of graph.roles)
    for (const s of role.statements) for (const r of s.resources) add(role.id, r.componentId);
  for (const target of graph.ruleTargets) add(target.ruleId, target.targetId);
  return out;
}

/**
 * The design with an HTTP API whose custom domain's certificate is validated in the zone naming
 * it: zone -> API -> certificate -> zone, a cycle of units the partition keeps in one stack.
 */
function withApiDomain(design: Design): Design {
  return {
    ...design,
    nodes: [
      ...design.nodes,
      {
        id: 'domainZone',
        type: 'route53-zone',
        name: 'Domain zone',
        properties: { zoneName: 'example.org' },
        placement: null,
      },
      {
        id: 'domainCert',
        type: 'acm-certificate',
        name: 'Domain cert',
        properties: { domainName: 'api.example.org' },
        placement: null,
      },
      { id: 'domainApi', type: 'api-gateway', name: 'Domain API', properties: {}, placement: null },
    ],
    connections: [
      ...design.connections,
      { id: 'domainValidate', from: 'domainCert', to: 'domainZone', kind: 'validate-in' },
      { id: 'domainServe', from: 'domainCert', to: 'domainApi', kind: 'certificate' },
      {
        id: 'domainAlias',
        from: 'domainZone',
        to: 'domainApi',
        kind: 'alias',
        properties: { recordName: 'api' },
      },
    ],
  };
}

function split(design: Design): ResolvedGraph {
  return lowerDesign(design);
}

describe('stack partition', () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')))(
    'keeps %s in one stack holding everything',
    (file) => {
      const result = parseDesign(readFileSync(join(EXAMPLES, file), 'utf8'));
      if (!result.ok) throw new Error(file);
      const graph = lowerDesign(result.design);
      expect(graph.stacks).toHaveLength(1);
      expect(graph.stacks![0]!.name).toBe('Main');
      expect(graph.stacks![0]!.componentIds).toEqual(graph.components.map((c) => c.id));
    },
  );

  it('keeps an API, the certificate of its custom domain and the zone naming it in one stack', () => {
    const graph = split(withApiDomain(denseDesign(300)));
    const at = stackIndexById(graph.stacks!);
    expect(graph.stacks!.length).toBeGreaterThan(1);
    expect(graph.components.find((c) => c.id === 'domainApi')!.apiDomains).toHaveLength(1);
    expect(at.get('domainCert')).toBe(at.get('domainApi'));
    expect(at.get('domainZone')).toBe(at.get('domainApi'));
  });

  describe.each([
    ['dense 300', () => denseDesign(300)],
    ['synthetic 500', () => syntheticDesign(500)],
    ['dense 300 with an API named through its own certificate', () => withApiDomain(denseDesign(300))],
  ] as const)('%s', (_name, make) => {
    const graph = split(make());
    const stacks = graph.stacks!;
    const at = stackIndexById(stacks);

    it('is cut into named stacks under the budget, the network first', () => {
      expect(stacks.length).toBeGreaterThan(2);
      expect(stacks[0]!.name).toBe('Network');
      expect(new Set(stacks.map((s) => s.name)).size).toBe(stacks.length);
      for (const stack of stacks) {
        expect(stack.name).toMatch(/^(Network|Data|Messaging|App|Edge)\d*$/);
        expect(stack.estimatedResources).toBeLessThanOrEqual(STACK_BUDGET);
      }
    });

    it('puts every VPC, component, role and security group in exactly one stack', () => {
      const ids = stacks.flatMap((s) => s.ids);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of [
        ...graph.vpcs.map((v) => v.id),
        ...graph.components.map((c) => c.id),
        ...graph.roles.map((r) => r.id),
        ...graph.securityGroups.map((g) => g.id),
      ])
        expect(at.has(id), id).toBe(true);
    });

    it('only refers back to earlier stacks: no cross-stack cycle', () => {
      const forward = references(graph).filter(([from, to]) => at.get(from)! < at.get(to)!);
      expect(forward).toEqual([]);
    });

    it('is deterministic, whatever the order of the design arrays', () => {
      const design = make();
      const reversed = {
        ...design,
        nodes: [...design.nodes].reverse(),
        connections: [...design.connections].reverse(),
      };
      expect(lowerDesign(reversed).stacks).toEqual(stacks);
    });
  });
});
