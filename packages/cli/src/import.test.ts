import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDesign } from '@archgen/model';
import { runCli } from './main.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'archgen-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: 'Orders: a queue and its worker'
Parameters:
  Timeout: { Type: Number, Default: 30 }
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: !Ref Timeout
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: !GetAtt WorkerRole.Arn
  WorkerRole:
    Type: AWS::IAM::Role
    Properties: { AssumeRolePolicyDocument: {} }
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Worker
      EventSourceArn: !GetAtt Queue.Arn
  Host:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-1 }
`;
const template = join(dir, 'orders.yaml');
writeFileSync(template, TEMPLATE);

describe('archgen import', () => {
  it('writes the design and a report, and sums up on stderr', async () => {
    const out = join(dir, 'design.json');
    const report = join(dir, 'report.json');
    const result = await run('import', template, '--out', out, '--report', report);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain(
      'orders.yaml (cloudformation): 5 resources: 2 nodes, 2 parts, 1 kept, 0 skipped, 0 network',
    );
    const design = JSON.parse(readFileSync(out, 'utf8')) as {
      name: string;
      nodes: { id: string; type: string }[];
    };
    expect(design.name).toBe('Orders');
    expect(design.nodes.map((n) => `${n.id}:${n.type}`)).toEqual([
      'Queue:sqs',
      'Worker:lambda',
      'Host:other-resource',
    ]);
    const written = JSON.parse(readFileSync(report, 'utf8')) as {
      summary: Record<string, number>;
      resources: { sourceId: string; outcome: { kind: string } }[];
    };
    expect(written.summary).toEqual({ nodes: 2, parts: 2, kept: 1, skipped: 0, network: 0 });
    expect(written.resources.map((e) => `${e.sourceId}:${e.outcome.kind}`)).toEqual([
      'Queue:node',
      'Worker:node',
      'WorkerRole:part-of',
      'Mapping:part-of',
      'Host:kept',
    ]);
  });

  it('takes parameter values from a file', async () => {
    const params = join(dir, 'params.json');
    writeFileSync(params, JSON.stringify([{ ParameterKey: 'Timeout', ParameterValue: '120' }]));
    const result = await run('import', template, '--out', '-', '--parameters', params);
    expect(result.code, result.err).toBe(0);
    const design = JSON.parse(result.out) as { nodes: { id: string; properties: Record<string, unknown> }[] };
    expect(design.nodes.find((n) => n.id === 'Queue')!.properties.visibilityTimeoutSeconds).toBe(120);
  });

  it('exits 2 with the file and line for malformed input', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'Resources:\n  Q:\n    Type: [\n');
    const result = await run('import', bad, '--out', join(dir, 'x.json'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^archgen: bad\.yaml:\d+: not valid YAML or JSON/);
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a missing source, an unknown format and broken HCL', async () => {
    expect((await run('import', join(dir, 'nope.yaml'), '--out', 'x.json')).code).toBe(2);
    const notes = join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'readme.json'), '{"hello": 1}');
    const unknown = await run('import', notes, '--out', join(dir, 'y.json'));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/say which with --from/);
    const broken = join(dir, 'broken-tf');
    mkdirSync(broken);
    writeFileSync(join(broken, 'main.tf'), 'resource "aws_sqs_queue" "q" {\n  name = \n');
    const hcl = await run('import', broken, '--out', join(dir, 'b.json'));
    expect(hcl.code).toBe(2);
    expect(hcl.err).toMatch(/main\.tf/);
    expect(hcl.err).not.toMatch(/\n\s+at /);
    expect((await run('import', template)).code).toBe(2);
  });

  it('imports a Terraform folder with its tfvars, laid out', async () => {
    const tf = join(dir, 'tf');
    mkdirSync(tf);
    writeFileSync(
      join(tf, 'main.tf'),
      'variable "timeout" {\n  default = 30\n}\nresource "aws_sqs_queue" "orders" {\n  visibility_timeout_seconds = var.timeout\n}\n',
    );
    writeFileSync(join(tf, 'terraform.tfvars'), 'timeout = 120\n');
    const out = join(dir, 'tf.json');
    const result = await run('import', tf, '--out', out);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/\(terraform\): 1 resources: 1 nodes/);
    const design = JSON.parse(readFileSync(out, 'utf8')) as {
      nodes: { type: string; properties: Record<string, unknown>; position?: unknown }[];
    };
    expect(design.nodes).toHaveLength(1);
    expect(design.nodes[0]!.type).toBe('sqs');
    expect(design.nodes[0]!.properties.visibilityTimeoutSeconds).toBe(120);
    expect(design.nodes[0]!.position).toBeDefined();
  });

  it('reads a cdk.out folder', async () => {
    const out = join(dir, 'cdk.out');
    mkdirSync(out);
    writeFileSync(
      join(out, 'Shop.template.json'),
      JSON.stringify({
        Resources: {
          QueueABC: { Type: 'AWS::SQS::Queue', Metadata: { 'aws:cdk:path': 'Shop/Queue/Resource' } },
        },
      }),
    );
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({
        artifacts: {
          Shop: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Shop.template.json' } },
        },
      }),
    );
    const result = await run('import', out, '--out', '-');
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('(cdk): 1 resources: 1 nodes');
    expect((JSON.parse(result.out) as { nodes: { name: string }[] }).nodes[0]!.name).toBe('Queue');
  });

  // A child process starting tsx takes a few seconds on a busy machine.
  it(
    'runs as a program from another working directory, the design piped on stdout',
    { timeout: 60_000 },
    () => {
      const elsewhere = mkdtempSync(join(tmpdir(), 'archgen-cwd-'));
      try {
        writeFileSync(join(elsewhere, 'orders.yaml'), TEMPLATE);
        const child = spawnSync(
          join(root, 'node_modules', '.bin', 'tsx'),
          [join(root, 'packages', 'cli', 'src', 'main.ts'), 'import', 'orders.yaml', '--out', '-'],
          {
            cwd: elsewhere,
            encoding: 'utf8',
          },
        );
        expect(child.status, child.stderr).toBe(0);
        // stdout is the design alone; the summary is on stderr.
        // Kept nodes aside (their catalog entry is on another branch), the piped design parses.
        const piped = JSON.parse(child.stdout) as { nodes: { type: string }[] };
        const parsed = parseDesign({
          ...piped,
          nodes: piped.nodes.filter((n) => n.type !== 'other-resource'),
        });
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
        expect(JSON.parse(child.stdout)).toMatchObject({ name: 'Orders' });
        expect(child.stderr).toContain('orders.yaml (cloudformation): 5 resources');
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    },
  );
});
