/**
 * Environment regions (issue 12 item 3): the lowering says where each environment deploys and
 * decides what depends on the region from that environment's region, not the design's.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { regionOf, regionsVary, zonesIn, type ResolvedGraph } from './types.ts';

const component = (graph: ResolvedGraph, id: string) => {
  const c = graph.components.find((x) => x.id === id);
  if (!c) throw new Error(`no component ${id}`);
  return c;
};

function shop() {
  return design('Shop')
    .region('us-east-1')
    .environments('dev', 'staging', 'prod')
    .vpc({ azCount: 3 })
    .node('alb', { id: 'alb', properties: { waf: true } })
    .node('cloudfront', { id: 'cdn', properties: { waf: true } });
}

describe('graph.regions', () => {
  it('holds every environment: its own region, else the design region', () => {
    const graph = lowerDesign(shop().deployTo('prod', { region: 'eu-west-1' }).build());
    expect(graph.regions).toEqual({ dev: 'us-east-1', staging: 'us-east-1', prod: 'eu-west-1' });
    expect(regionOf(graph, 'prod')).toBe('eu-west-1');
    expect(regionsVary(graph)).toBe(true);
    expect(graph.design.region).toBe('us-east-1');
  });

  it('is the design region everywhere when no environment names one', () => {
    const graph = lowerDesign(shop().build());
    expect(graph.regions).toEqual({ dev: 'us-east-1', staging: 'us-east-1', prod: 'us-east-1' });
    expect(regionsVary(graph)).toBe(false);
  });

  it('only for the environments lowered', () => {
    const graph = lowerDesign(shop().deployTo('prod', { region: 'eu-west-1' }).build(), {
      environments: ['dev'],
    });
    expect(graph.regions).toEqual({ dev: 'us-east-1' });
  });
});

describe('availability zones per environment', () => {
  it("each environment gets its own region's zone names; the design's stay the default", () => {
    const graph = lowerDesign(shop().deployTo('prod', { region: 'eu-central-1' }).build());
    const vpc = graph.vpcs[0]!;
    expect(vpc.azCount).toBe(3);
    expect(vpc.availabilityZones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(zonesIn(vpc, 'dev')).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(zonesIn(vpc, 'prod')).toEqual(['eu-central-1a', 'eu-central-1b', 'eu-central-1c']);
  });

  it('an environment in a region with fewer zones caps the AZ count for all (same subnets)', () => {
    const graph = lowerDesign(shop().deployTo('staging', { region: 'us-west-1' }).build());
    const vpc = graph.vpcs[0]!;
    expect(vpc.azCount).toBe(2);
    expect(vpc.subnets.every((s) => s.azIndex < 2)).toBe(true);
    expect(vpc.availabilityZones).toEqual(['us-east-1a', 'us-east-1b']);
    expect(zonesIn(vpc, 'staging')).toEqual(['us-west-1a', 'us-west-1c']);
    expect(zonesIn(vpc, 'prod')).toEqual(['us-east-1a', 'us-east-1b']);
    // Exporting one environment builds the same subnets as exporting all of them.
    const devOnly = lowerDesign(shop().deployTo('staging', { region: 'us-west-1' }).build(), {
      environments: ['dev'],
    });
    expect(devOnly.vpcs[0]!.azCount).toBe(2);
  });
});

describe('CloudFront web ACL source follows the environments that attach it', () => {
  it('stack when every environment with WAF deploys in us-east-1', () => {
    const graph = lowerDesign(shop().build());
    expect(component(graph, 'cdn').webAcl?.source).toBe('stack');
  });

  it('external when an environment with WAF deploys elsewhere, even if the design region is us-east-1', () => {
    const graph = lowerDesign(shop().deployTo('prod', { region: 'eu-west-1' }).build());
    expect(component(graph, 'cdn').webAcl?.source).toBe('external');
    // A regional ACL is made in whatever region the load balancer is.
    expect(component(graph, 'alb').webAcl?.source).toBe('stack');
  });

  it('stack when the design region is elsewhere but every environment with WAF is in us-east-1', () => {
    const graph = lowerDesign(
      shop()
        .region('eu-west-1')
        .deployTo('dev', { region: 'us-east-1' })
        .deployTo('staging', { region: 'us-east-1' })
        .deployTo('prod', { region: 'us-east-1' })
        .build(),
    );
    expect(component(graph, 'cdn').webAcl?.source).toBe('stack');
  });

  it('ignores the region of an environment without WAF', () => {
    const graph = lowerDesign(
      shop().deployTo('dev', { region: 'eu-west-1' }).override('dev', 'cdn', { waf: false }).build(),
    );
    expect(component(graph, 'cdn').webAcl?.source).toBe('stack');
  });
});
