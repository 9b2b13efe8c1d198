/**
 * One stack class serves every environment, so every value that differs between environments
 * must reach the stack through lib/config.ts, including values that add or remove constructs.
 * (The toolchain suite synthesizes each environment and checks its template.)
 */
import { describe, expect, it } from 'vitest';
import { lowerDesign, type ResolvedGraph } from '@archgen/infra';
import { exampleDesigns } from '../../../test-support/designs.ts';
import { generateCdk } from './index.ts';

const examples = new Map(exampleDesigns().map((d) => [d.name, d.design]));

function generated(name: string): { config: string; stack: string } {
  const design = examples.get(name);
  if (!design) throw new Error(`No example "${name}"`);
  const files = generateCdk(lowerDesign(design));
  const stack = Object.entries(files).find(([path]) => path.endsWith('-stack.ts'))?.[1] ?? '';
  return { config: files['lib/config.ts'] ?? '', stack };
}

describe('per-environment CDK', () => {
  it('never builds an environment from another environment’s value', () => {
    for (const name of examples.keys()) {
      const { stack } = generated(name);
      expect(stack, name).not.toMatch(/differs between environments/);
      // Config values are read, not compared with the design's values baked into the stack;
      // the only comparisons left pick where a cdk-nag finding is acknowledged.
      const lines = stack.split('\n');
      lines.forEach((line, i) => {
        if (!/config\.\w+ (===|!==) (?!undefined)/.test(line)) return;
        expect(`${line.trim()} ${lines[i + 1]?.trim()}`, name).toMatch(/^if \(.*\{ Validations\.of\(/);
      });
    }
  });

  it('runs Fargate on Spot only where config says so', () => {
    const { config, stack } = generated('three-tier-web-app');
    expect(config).toMatch(/prod: \{[^}]*webServiceSpot: false/);
    expect(stack).toContain('enableFargateCapacityProviders: config.webServiceSpot,');
    expect(stack).toContain('capacityProviderStrategies: config.webServiceSpot');
  });

  it('creates the EventBridge archive only where config has its retention', () => {
    const { config, stack } = generated('eventbridge-fanout');
    expect(config).toContain('readonly ordersBusArchiveDays?: number;');
    expect(config).toMatch(/dev: \{(?![^}]*ordersBusArchiveDays)[^}]*\}/);
    expect(config).toMatch(/prod: \{[^}]*ordersBusArchiveDays: 90,/);
    expect(stack).toContain('if (config.ordersBusArchiveDays !== undefined) {');
    expect(stack).toContain('retention: Duration.days(config.ordersBusArchiveDays),');
  });

  it('reads lifecycle expiry and the Athena scan limit from config', () => {
    const { config, stack } = generated('data-lake');
    expect(config).toMatch(/prod: \{(?![^}]*rawZoneExpirationDays)[^}]*\}/);
    expect(config).toMatch(/staging: \{[^}]*rawZoneExpirationDays: 365,/);
    expect(stack).toContain('Duration.days(config.rawZoneExpirationDays)');
    // The lowering's limit in bytes (100 GiB), as both templates print it.
    expect(config).toMatch(/prod: \{[^}]*analyticsWorkgroupBytesScannedCutoffBytes: 107374182400,/);
    expect(stack).toContain('bytesScannedCutoffPerQuery: config.analyticsWorkgroupBytesScannedCutoffBytes,');
  });

  it('takes EKS node types and CloudFront aliases and price class from config', () => {
    const eks = generated('eks-platform');
    expect(eks.config).toMatch(/prod: \{[^}]*platformClusterNodeInstanceType: 'm7g\.large',/);
    expect(eks.stack).toContain('new ec2.InstanceType(config.platformClusterNodeInstanceType)');
    const site = generated('static-site');
    expect(site.config).toContain('readonly websiteCDNAliases: string[];');
    expect(site.config).toMatch(/prod: \{[^}]*websiteCDNAliases: \['www\.example\.com'\],/);
    expect(site.config).toMatch(
      /prod: \{[^}]*websiteCDNPriceClass: cloudfront\.PriceClass\.PRICE_CLASS_ALL,/,
    );
    expect(site.stack).toContain('domainNames: config.websiteCDNAliases,');
    expect(site.stack).toContain('priceClass: config.websiteCDNPriceClass,');
  });

  it('refuses, by name, a value one stack class cannot vary (instead of using one environment’s)', () => {
    const graph = lowerDesign(examples.get('three-tier-web-app')!);
    const db = graph.components.find((c) => c.type === 'aurora');
    expect(db).toBeDefined();
    const varied: ResolvedGraph = {
      ...graph,
      components: graph.components.map((c) =>
        c === db
          ? {
              ...c,
              props: {
                ...c.props,
                engine: {
                  byEnv: { dev: 'aurora-mysql', staging: 'aurora-postgresql', prod: 'aurora-postgresql' },
                  varies: true,
                },
              },
            }
          : c,
      ),
    };
    expect(() => generateCdk(varied)).toThrow(/"engine" differs between environments \(dev: "aurora-mysql"/);
  });
});
