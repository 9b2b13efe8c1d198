/** README.md of the generated CloudFormation output: how to deploy, and what each environment sets. */
import { regionOf, regionsVary, windowsSafeStem, type ResolvedGraph } from '@archgen/infra';
import { ENVIRONMENT_PARAMETER, type EmitContext } from './context.ts';
import type { SplitTemplates } from './split.ts';

/** Markdown table cell: user text must not break the table or inject markup. */
function cell(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Larger templates must be uploaded to S3 first (`--template-body` takes at most 51,200 bytes). */
const INLINE_TEMPLATE_LIMIT = 51_200;

/** Stack names start with a letter: `<stem>-<env>`. */
const POLICY = { retain: 'Retain', snapshot: 'Snapshot', delete: 'Delete' } as const;

/** What deleting a stack does to its databases, tables and buckets (the lowering's protection). */
function protectionSection(graph: ResolvedGraph): string[] {
  const stateful = graph.components.filter((c) => c.protection);
  if (stateful.length === 0) return [];
  return [
    '## Deleting stateful resources',
    '',
    '`DeletionPolicy` and `UpdateReplacePolicy` take only a literal (no `Fn::If`), so one template',
    'cannot keep a database in prod and delete it in dev: each resource gets the strongest policy',
    'any environment asks for (production keeps by default; "When deleted" in the design overrides',
    'it per resource), and a non-production stack keeps it too. Deletion protection is a parameter',
    'and follows each environment. A bucket that still holds objects cannot be deleted.',
    '',
    ...stateful.map((c) => {
      const p = c.protection!;
      const dp = c.deletionProtection
        ? `; deletion protection ${graph.environments.map((e) => `${e} ${c.deletionProtection!.byEnv[e] ? 'on' : 'off'}`).join(', ')}`
        : '';
      return `- ${cell(c.names.display)}: \`${POLICY[p.policy]}\`${dp}`;
    }),
    '',
  ];
}

export function stackStem(graph: ResolvedGraph): string {
  return /^[a-z]/i.test(graph.design.slug) ? graph.design.slug : `stack-${graph.design.slug}`;
}

/**
 * The commands that deploy each environment as a stack of its own. `deploy` creates or updates
 * the stack; above 51,200 bytes it uploads the template to the artifact bucket first (no
 * `--template-body` limit). The template names no IAM resource, so CAPABILITY_IAM is enough.
 * `regions` (each environment's, from graph.regions) adds `--region`; without one the CLI's
 * default region applies.
 * The zip's top-level README shows the same lines.
 */
export function deployCommands(
  stem: string,
  environments: readonly string[],
  templateBytes: number,
  regions: Readonly<Record<string, string>> = {},
  nested = false,
): string[] {
  const viaS3 = templateBytes > INLINE_TEMPLATE_LIMIT;
  // `deploy` uploads to a bucket in the stack's region: one per region when regions differ.
  const perRegion = new Set(environments.map((env) => regions[env])).size > 1;
  const bucket = (env: string) => (perRegion ? `<artifact-bucket-${regions[env]}>` : '<artifact-bucket>');
  if (nested) {
    // Nested stacks: `package` uploads stacks/*.yaml and writes a root whose TemplateURLs point
    // at the uploads, in the bucket of the region that deploys it.
    const packaged = (env: string) => (perRegion ? `packaged-${windowsSafeStem(env)}.yaml` : 'packaged.yaml');
    const packages = perRegion ? environments : environments.slice(0, 1);
    return [
      ...packages.map(
        (env) =>
          `aws cloudformation package --template-file template.yaml \\\n` +
          (regions[env] ? `  --region ${regions[env]} \\\n` : '') +
          `  --s3-bucket ${bucket(env)} --output-template-file ${packaged(env)}`,
      ),
      ...environments.map(
        (env) =>
          `aws cloudformation deploy --stack-name ${stem}-${env} --template-file ${packaged(env)} \\\n` +
          (regions[env] ? `  --region ${regions[env]} \\\n` : '') +
          // Always through the bucket: `package` rewrites the root in long form with S3 URLs, which
          // can take it over the inline limit however small template.yaml is (38 KB became 53 KB).
          `  --s3-bucket ${bucket(env)} \\\n` +
          `  --capabilities CAPABILITY_IAM \\\n` +
          `  --parameter-overrides file://parameters/${windowsSafeStem(env)}.json`,
      ),
    ];
  }
  return [
    viaS3
      ? 'aws s3 cp template.yaml s3://<artifact-bucket>/ && aws cloudformation validate-template --template-url https://<artifact-bucket>.s3.amazonaws.com/template.yaml'
      : 'aws cloudformation validate-template --template-body file://template.yaml',
    ...environments.map(
      (env) =>
        `aws cloudformation deploy --stack-name ${stem}-${env} --template-file template.yaml \\\n` +
        // The environment's region (graph.regions): never the CLI's default.
        (regions[env] ? `  --region ${regions[env]} \\\n` : '') +
        (viaS3 ? `  --s3-bucket ${bucket(env)} \\\n` : '') +
        `  --capabilities CAPABILITY_IAM \\\n` +
        `  --parameter-overrides file://parameters/${windowsSafeStem(env)}.json`,
    ),
  ];
}

/** Each environment's region, for deployCommands. */
export function regionsIn(graph: ResolvedGraph, environments: readonly string[]): Record<string, string> {
  return Object.fromEntries(environments.map((env) => [env, regionOf(graph, env)]));
}

/** `bytes`: the size of template.yaml in UTF-8 bytes. */
export function renderReadme(
  graph: ResolvedGraph,
  ctx: EmitContext,
  bytes: number,
  split?: SplitTemplates,
): string {
  const viaS3 = bytes > INLINE_TEMPLATE_LIMIT;
  const envs = ctx.environments;
  const parameterRows = [...ctx.template.parameters].map(([name, parameter]) => {
    // Parameters kept from imported code may have no description, and a number as default.
    const values = envs.map((env) =>
      cell(String(ctx.parameterValues.get(name)?.[env] ?? parameter.Default ?? '')),
    );
    return `| \`${name}\` | ${cell(typeof parameter.Description === 'string' ? parameter.Description : '')} | ${values.map((v) => (v === '' ? '""' : `\`${v}\``)).join(' | ')} |`;
  });
  const conditions = [...ctx.template.conditions.keys()];
  const lines = [
    `# ${cell(graph.design.name)}: CloudFormation`,
    '',
    'Generated by archgen from the design. One template for every environment; each',
    'environment is a stack of its own, configured by its parameter file.',
    '',
    '## Files',
    '',
    ...(split
      ? [
          '- `template.yaml`: the root stack (short-form intrinsics such as `!Ref` and `!GetAtt`). The design',
          `  makes more resources than one stack may hold (500), so the root creates ${split.children.length} nested stacks,`,
          '  each from its own template; a stack takes what it uses from earlier ones as parameters',
          '  (`!GetAtt <Stack>.Outputs.<Name>` in the root):',
          ...split.children.map(
            (c) =>
              `  - \`${c.path}\` (\`${c.logicalId}\`): ${c.stack.description}, ${c.resources.size} resources.`,
          ),
        ]
      : ['- `template.yaml`: the stack (short-form intrinsics such as `!Ref` and `!GetAtt`).']),
    `- \`parameters/<env>.json\`: every ${split ? 'root ' : ''}parameter's value for one environment (${envs.map((e) => `\`${e}\``).join(', ')}), in the`,
    '  `[{ "ParameterKey": ..., "ParameterValue": ... }]` format the AWS CLI reads.',
    '',
    '## Deploy',
    '',
    '```sh',
    ...deployCommands(stackStem(graph), envs, bytes, regionsIn(graph, envs), split !== undefined),
    '```',
    '',
    ...(split
      ? [
          '`package` uploads each nested template to the artifact bucket and writes the root with their',
          'S3 URLs; `deploy` then creates or updates the root stack, which updates its nested stacks.',
          '',
        ]
      : []),
    ...(viaS3
      ? [
          `The template is ${bytes} bytes, over the 51,200 bytes CloudFormation takes inline: \`deploy\` uploads it to the artifact bucket.`,
          '',
        ]
      : []),
    regionsVary(graph)
      ? `Each environment deploys in its own region (${envs.map((e) => `${e}: ${regionOf(graph, e)}`).join(', ')}); ${split ? 'its `EnvironmentValues` entries set' : 'its parameter file sets'} that region's availability zones, and the template's Rules refuse any other region.`
      : `Deploy in ${graph.design.region}: the availability zone ${split ? 'values of the `EnvironmentValues` mappings are' : 'parameters default to'} that region's zones.`,
    'Current AWS CLI v2 releases read the parameter file in `--parameter-overrides file://...`; an',
    'older CLI takes the same values as `Key=Value` pairs, or use',
    '`aws cloudformation create-stack --parameters file://parameters/<env>.json` (same file format).',
    '',
    '## What each environment sets',
    '',
    `\`${ENVIRONMENT_PARAMETER}\` selects the environment; conditions built on it switch resources that exist only in`,
    `some environments${conditions.length > 0 ? ` (${conditions.map((c) => `\`${c}\``).join(', ')})` : ''}.`,
    ...(split
      ? [
          `The root takes only \`${ENVIRONMENT_PARAMETER}\` (a template holds at most 200 parameters): each nested`,
          'template keeps the values below that it uses in its `EnvironmentValues` mapping, one entry per',
          'environment; change them there.',
        ]
      : []),
    '',
    `| Parameter | Meaning | ${envs.join(' | ')} |`,
    `| --- | --- | ${envs.map(() => '---').join(' | ')} |`,
    ...parameterRows,
    '',
    ...(ctx.omissions.length > 0
      ? ['## Not generated', '', ...ctx.omissions.map((o) => `- ${cell(o.display)}: ${cell(o.reason)}.`), '']
      : []),
    ...protectionSection(ctx.graph),
    '## Before the first deployment',
    '',
    '- Lambda functions deploy with placeholder inline code: replace each `Code` with your build',
    '  artifact (for Java, upload the jar and set its `...CodeBucket` / `...CodeKey` parameters).',
    '- Database master passwords are created and rotated by RDS in Secrets Manager',
    '  (`ManageMasterUserPassword`); the stack outputs the secret ARNs.',
    '- REST APIs with access logs need the account-level API Gateway CloudWatch role set once per',
    '  region (API Gateway console, Settings).',
    "- A VPC's default security group is left as AWS creates it; nothing generated uses it.",
    '',
  ];
  return `${lines.join('\n')}`;
}
