/** Environment regions (issue 12 item 3): lib/config.ts holds each region, bin/app.ts pins the stack to it. */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCdk } from './index.ts';

function shop() {
  return design('Shop')
    .environments('dev', 'prod')
    .vpc({ azCount: 2 })
    .node('lambda', { id: 'fn' })
    .node('cloudfront', { id: 'cdn', properties: { waf: true } });
}

function generate(d: ReturnType<typeof shop>) {
  const files = generateCdk(lowerDesign(d.build()));
  const stack = Object.entries(files).find(([path]) => path.endsWith('-stack.ts'))?.[1] ?? '';
  return { files, config: files['lib/config.ts']!, stack };
}

/** The object literal of one environment in lib/config.ts. */
function entry(config: string, env: string): string {
  const match = new RegExp(`\\n  ${env}: \\{([\\s\\S]*?)\\n  \\}`).exec(config);
  if (!match) throw new Error(`no ${env} in config`);
  return match[1]!;
}

describe('CDK environment regions', () => {
  it("each environment's config names its region and zones; the stack env reads them", () => {
    const { files, config, stack } = generate(
      shop().deployTo('prod', { region: 'eu-west-1', account: '333333333333' }),
    );
    expect(entry(config, 'dev')).toContain("region: 'us-east-1'");
    expect(entry(config, 'prod')).toContain("region: 'eu-west-1'");
    expect(entry(config, 'prod')).toContain("account: '333333333333'");
    expect(entry(config, 'dev')).toMatch(/AvailabilityZones: \['us-east-1a', 'us-east-1b'\]/);
    expect(entry(config, 'prod')).toMatch(/AvailabilityZones: \['eu-west-1a', 'eu-west-1b'\]/);
    expect(stack).toMatch(/availabilityZones: config\.\w+AvailabilityZones,/);
    expect(files['bin/app.ts']).toMatch(/region: config\.region/);
    // The distribution's web ACL must come from us-east-1 for prod.
    expect(stack).toContain('create the CLOUDFRONT-scope web ACL in us-east-1 (prod deploys in eu-west-1)');
    expect(files['README.md']).toContain('`Shop-prod` in `eu-west-1`');
  });

  it('one region everywhere: literal zones in the stack, the design region in config', () => {
    const { config, stack } = generate(shop().region('eu-central-1'));
    expect(entry(config, 'prod')).toContain("region: 'eu-central-1'");
    expect(config).not.toMatch(/AvailabilityZones/);
    expect(stack).toContain("availabilityZones: ['eu-central-1a', 'eu-central-1b'],");
  });
});
