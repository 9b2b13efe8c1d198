// Each environment deploys into its own region when the design names one (issue 12 item 3): the
// zip's README gives the same per-region commands as each target's README.
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { buildExport } from './bundle.ts';

function regionsDesign(prodRegion?: string) {
  const builder = design('Regions').environments('dev', 'prod').node('sqs', { id: 'queue', placement: null });
  if (prodRegion) builder.deployTo('prod', { region: prodRegion });
  return builder.build();
}

const readmeOf = (files: Record<string, string>, path: string) =>
  files[Object.keys(files).find((p) => p.endsWith(path))!]!;

describe('environment regions in the export', () => {
  it('the zip README names each region and deploys each CloudFormation stack with its --region', () => {
    const { files } = buildExport(regionsDesign('eu-west-1'));
    const readme = readmeOf(files, 'regions/README.md');
    expect(readme).toContain('Regions: `dev` in `us-east-1`, `prod` in `eu-west-1`');
    expect(readme).toMatch(/--stack-name regions-prod [^\n]*\\\n {2}--region eu-west-1 \\/);
    expect(readme).toMatch(/--stack-name regions-dev [^\n]*\\\n {2}--region us-east-1 \\/);
    // The same lines as the CloudFormation README.
    const cfn = readmeOf(files, 'cloudformation/README.md');
    for (const line of readme.split('\n').filter((l) => l.includes('--region'))) expect(cfn).toContain(line);
    expect(readmeOf(files, 'terraform/environments/prod.tfvars')).toMatch(/region\s+= "eu-west-1"/);
  });

  it('one region: the README says it once, and the commands still pin it', () => {
    const { files } = buildExport(regionsDesign());
    const readme = readmeOf(files, 'regions/README.md');
    expect(readme).toContain('Region `us-east-1`; environments: `dev`, `prod`.');
    expect(readme.match(/--region us-east-1/g)).toHaveLength(2);
  });
});
