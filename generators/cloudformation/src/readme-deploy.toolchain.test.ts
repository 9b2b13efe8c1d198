/**
 * The generated README's own deploy commands, run as a user would run them, up to the step that
 * needs AWS credentials. The real AWS CLI runs every upload step (`aws s3 cp`, `aws cloudformation
 * package`) against a local S3 stand-in (test-only AWS_ENDPOINT_URL_S3, dummy credentials); the steps
 * that call CloudFormation itself (`validate-template`, `deploy`) are checked for what they would
 * send: the template they name exists (packaged where the design is split), is under the quotas,
 * goes through the artifact bucket when over 51,200 bytes, and each environment's parameter file
 * gives exactly the template's parameters.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import type { Design } from '@archgen/model';
import { REPO_ROOT, exampleDesigns, toolchainsRequired } from '../../../test-support/designs.ts';
import { denseDesign } from '../../../bench/dense.ts';
import { generateCloudFormation } from './generate.ts';
import { parseTemplate } from './template/yaml.ts';

const run = promisify(execFile);
const AWS = process.env.AWS_CLI_BIN ?? 'aws';
const WORK = join(REPO_ROOT, '.tmp', 'cloudformation-readme');
const INLINE_LIMIT = 51_200;
const TEMPLATE_QUOTA = 1_000_000;
const RESOURCE_QUOTA = 500;

async function awsVersion(): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await run(AWS, ['--version']);
    return (stdout || stderr).trim();
  } catch {
    return undefined;
  }
}
/** AWS_ENDPOINT_URL_S3 (what points `package` at the stand-in) came in CLI 1.29 and 2.13. */
function redirectsS3(version: string): boolean {
  const [, major, minor] = /aws-cli\/(\d+)\.(\d+)/.exec(version) ?? [];
  return (Number(major) === 1 && Number(minor) >= 29) || (Number(major) === 2 && Number(minor) >= 13);
}
const version = await awsVersion();
const missing =
  version === undefined
    ? `the AWS CLI (${AWS}) is not on PATH (set AWS_CLI_BIN)`
    : !redirectsS3(version)
      ? `${version} cannot send S3 to a local endpoint (AWS_ENDPOINT_URL_S3 needs CLI 1.29+ or 2.13+)`
      : undefined;
if (missing && toolchainsRequired()) throw new Error(`AWS CLI required (CI) but missing: ${missing}`);
if (missing) console.warn(`\n!!! [cloudformation README] deploy-command suite SKIPPED: ${missing}\n`);

/** A local S3 that keeps what is PUT (path style: /bucket/key) and answers HEAD for it. */
function s3StandIn(): { server: Server; objects: Map<string, Buffer> } {
  const objects = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const key = decodeURIComponent((req.url ?? '').split('?')[0]!);
    if (req.method === 'PUT') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        objects.set(key, Buffer.concat(chunks));
        res.writeHead(200, { ETag: '"stand-in"' }).end();
      });
      return;
    }
    if (req.method === 'HEAD' && objects.has(key)) {
      res.writeHead(200, { 'Content-Length': objects.get(key)!.length, ETag: '"stand-in"' }).end();
      return;
    }
    res
      .writeHead(404, { 'Content-Type': 'application/xml' })
      .end(
        req.method === 'HEAD'
          ? undefined
          : '<Error><Code>NoSuchKey</Code><Message>stand-in</Message></Error>',
      );
  });
  return { server, objects };
}

/** The README's first ```sh block as commands (continuation lines joined, `&&` chains split). */
function readmeCommands(readme: string): string[][] {
  const block = /```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README has no ```sh block');
  return block[1]!
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .flatMap((line) => line.split('&&'))
    .map((command) => command.trim())
    .filter((command) => command !== '')
    .map((command) => command.split(/\s+/));
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
}

interface Template {
  Parameters?: Record<string, { Default?: unknown }>;
  Resources: Record<string, { Type: string; Properties?: { TemplateURL?: string } }>;
}

const designs = (): { name: string; design: Design }[] => [
  ...['three-tier-web-app', 'seed-vpc'].map((name) => ({
    name,
    design: exampleDesigns().find((d) => d.name === name)!.design,
  })),
  // Over the one-stack quotas (about 1.2 MB and 1,400 resources as one template): nested stacks.
  { name: 'dense-300', design: denseDesign(300) },
];

describe.skipIf(missing !== undefined)('the CloudFormation README deploys as written', () => {
  const { server, objects } = s3StandIn();
  let endpoint = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(designs())(
    '$name: uploads run with the real CLI, the CloudFormation calls get what they need',
    async ({ name, design }) => {
      const files = generateCloudFormation(lowerDesign(design));
      const dir = join(WORK, name);
      rmSync(dir, { recursive: true, force: true });
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      objects.clear();
      const env = {
        ...process.env,
        // Test-only: no account, nothing leaves the machine.
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: join(WORK, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(WORK, 'no-credentials'),
        AWS_DEFAULT_REGION: 'us-east-1',
        // Test-only: S3 is the local stand-in (what `package` uploads through, too).
        AWS_ENDPOINT_URL_S3: endpoint,
      };
      const bucket = 'artifact-bucket';
      const commands = readmeCommands(readFileSync(join(dir, 'README.md'), 'utf8')).map((args) =>
        args.map((arg) => arg.replace(/<artifact-bucket(-[a-z0-9-]+)?>/g, bucket)),
      );
      const environments = design.environments.map((e) => e.name);
      const deploys = commands.filter((a) => a[1] === 'cloudformation' && a[2] === 'deploy');
      expect(deploys.map((a) => option(a, '--stack-name'))).toEqual(
        environments.map((e) => expect.stringContaining(e) as unknown as string),
      );
      const report: string[] = [];
      for (const args of commands) {
        expect(args[0]).toBe('aws');
        const [service, action] = [args[1], args[2]];
        if (service === 's3' && action === 'cp') {
          await run(AWS, args.slice(1), { cwd: dir, env });
          const key = `/${args[4]!.replace(/^s3:\/\//, '').replace(/\/$/, '')}/${args[3]}`;
          expect(objects.get(key)?.toString('utf8')).toBe(files[args[3]!]);
        } else if (service === 'cloudformation' && action === 'package') {
          await run(AWS, args.slice(1), { cwd: dir, env });
          const packaged = parseTemplate(
            readFileSync(join(dir, option(args, '--output-template-file')!), 'utf8'),
          ) as unknown as Template;
          const nested = Object.values(packaged.Resources).filter(
            (r) => r.Type === 'AWS::CloudFormation::Stack',
          );
          expect(nested.length).toBeGreaterThan(1);
          // The root now points at uploads (content-addressed: a later package finds them there).
          const uploaded = [...objects.keys()];
          for (const stack of nested) {
            const url = String(stack.Properties?.TemplateURL);
            expect(url).toMatch(/^https?:\/\//);
            expect(uploaded.some((key) => url.endsWith(key.split('/').pop()!))).toBe(true);
          }
          for (const body of objects.values()) {
            expect(body.length).toBeLessThanOrEqual(TEMPLATE_QUOTA);
            const uploaded = parseTemplate(body.toString('utf8')) as unknown as Template;
            expect(Object.keys(uploaded.Resources).length).toBeLessThanOrEqual(RESOURCE_QUOTA);
          }
          report.push(`package uploaded ${nested.length} nested templates`);
        } else if (service === 'cloudformation' && action === 'validate-template') {
          // Calls CloudFormation: the template it names is the uploaded one, or small enough inline.
          const url = option(args, '--template-url');
          if (url) expect(objects.has(`/${bucket}/${url.split('/').pop()}`)).toBe(true);
          else {
            const body = option(args, '--template-body')!.replace(/^file:\/\//, '');
            expect(Buffer.byteLength(files[body]!, 'utf8')).toBeLessThanOrEqual(INLINE_LIMIT);
          }
        } else if (service === 'cloudformation' && action === 'deploy') {
          // Needs credentials: check what it would send.
          const templateFile = join(dir, option(args, '--template-file')!);
          expect(existsSync(templateFile), `${templateFile} exists when deploy runs`).toBe(true);
          const text = readFileSync(templateFile, 'utf8');
          const bytes = Buffer.byteLength(text, 'utf8');
          expect(bytes).toBeLessThanOrEqual(TEMPLATE_QUOTA);
          if (bytes > INLINE_LIMIT) expect(option(args, '--s3-bucket')).toBe(bucket);
          const template = parseTemplate(text) as unknown as Template;
          expect(Object.keys(template.Resources).length).toBeLessThanOrEqual(RESOURCE_QUOTA);
          for (const r of Object.values(template.Resources))
            if (r.Type === 'AWS::CloudFormation::Stack')
              expect(String(r.Properties?.TemplateURL)).toMatch(/^https?:\/\//);
          expect(option(args, '--capabilities')).toMatch(/^CAPABILITY_(NAMED_)?IAM$/);
          const parameterFile = option(args, '--parameter-overrides')!.replace(/^file:\/\//, '');
          const given = (
            JSON.parse(readFileSync(join(dir, parameterFile), 'utf8')) as { ParameterKey: string }[]
          ).map((p) => p.ParameterKey);
          const parameters = template.Parameters ?? {};
          const required = Object.keys(parameters).filter((p) => parameters[p]!.Default === undefined);
          expect(given.filter((p) => !(p in parameters))).toEqual([]);
          expect(required.filter((p) => !given.includes(p))).toEqual([]);
          report.push(`deploy ${option(args, '--stack-name')} ${bytes} bytes`);
        } else {
          throw new Error(`the README runs a command this check does not know: ${args.join(' ')}`);
        }
      }
      console.log(`[cloudformation README] ${name}: ${report.join('; ')} (${version})`);
    },
    180_000,
  );
});
