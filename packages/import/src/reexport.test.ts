/**
 * design -> CloudFormation -> import -> CloudFormation, for every example and adversarial
 * fixture: the re-export generates, prints each logical id once, keeps every resource's logical
 * id and type, and passes the CloudFormation specification check. A part the importer does not
 * account to the node whose emitter makes it again (an OpenSearch domain's log resource policy)
 * would be kept besides and printed twice.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '@archgen/model';
import { generateAll } from '@archgen/export';
import { parseTemplate } from '@archgen/generator-cloudformation';
import { validateTemplate } from '../../../generators/cloudformation/src/verify/spec-validator.toolchain.ts';
import { importCloudFormation } from './index.ts';
import { propertyDifferences } from './property-differences.test-support.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const DESIGNS = ['examples', join('fixtures', 'adversarial')]
  .flatMap((dir) => readdirSync(join(repoRoot, dir)).map((f) => join(dir, f)))
  .filter((f) => f.endsWith('.json'))
  .sort();

/** The templates of generated CloudFormation files: the main one and each stack's. */
function templatesOf(files: Record<string, string>): [string, Record<string, unknown>][] {
  return Object.entries(files)
    .filter(([path]) => path === 'template.yaml' || (path.startsWith('stacks/') && path.endsWith('.yaml')))
    .map(([path, text]) => [path, parseTemplate(text)]);
}

/** `id type` of every resource over all templates (an id twice, in two stacks, is listed twice). */
function resourcesOf(templates: [string, Record<string, unknown>][]): string[] {
  return templates
    .flatMap(([, t]) =>
      Object.entries((t as { Resources?: Record<string, { Type: string }> }).Resources ?? {}).map(
        ([id, r]) => `${id} ${r.Type}`,
      ),
    )
    .sort();
}

/**
 * Resources the re-export of a design generated for all its environments does not make again
 * ("-id Type") or makes besides ("+id Type"), pinned exactly so a fix or a regression fails here.
 * None today: every example and adversarial design comes back with each resource under its id.
 */
const LOST_OR_ADDED: Readonly<Record<string, readonly string[]>> = {};

/** Service nodes that do not come back ("-<type> <id>") or come back as more than one ("+..."). */
const NODES_NOT_READ_BACK: Readonly<Record<string, readonly string[]>> = {
  'fixtures/adversarial/every-connection.json': [
    // An alarm on a secret watches no metric: it makes nothing to read back.
    '-cloudwatch-alarm alarm22',
  ],
  'fixtures/adversarial/every-service.json': [
    // Buckets the lowering made for a workgroup's results and a distribution's origin, read as
    // drawn buckets with their connections (the re-export is the same).
    '+s3 EveryAthenaWorkgroupResults',
    '+s3 EveryCloudfrontOrigin',
  ],
};

/**
 * Property values of the adversarial designs that do not come back from their template ("<node>
 * <env> <property>: <drawn> -> <imported>"; see property-differences.test-support.ts).
 */
const PROPERTIES_NOT_READ_BACK: Readonly<Record<string, readonly string[]>> = {
  'fixtures/adversarial/environment-shapes.json': [
    // Dev has no certificate, and a distribution serves names only with one.
    'cloudfront dev aliases: "dev.example.com" -> ""',
  ],
  'fixtures/adversarial/every-service.json': [
    // Left to the metric's defaults in the design; the template holds what they give.
    'cloudwatchAlarm prod evaluationPeriods: 3 -> 1',
    'cloudwatchAlarm prod threshold: 5 -> 1',
    // A Terraform-only kept resource: the CloudFormation template does not hold it.
    'otherResource * terraformArguments: {"name":"/every-service/kept","type":"String","value":"kept as imported","description":"A resource the designer does not model, passed through"} -> {}',
    'otherResource * terraformType: "aws_ssm_parameter" -> ""',
    // Off in dev, where archgen's default deletes the database and turns protection off anyway.
    'rds dev deletionProtection: false -> true',
    // No rotation without a rotation function.
    'secret dev rotationDays: 30 -> 0',
    'secret prod rotationDays: 7 -> 0',
    'secret staging rotationDays: 30 -> 0',
    // A state machine without a task has no retries or catches to hold.
    'stepFunctions * catches: [{"errorName":"States.Timeout","then":"succeed"},{"errorName":"States.ALL","then":"fail"}] -> []',
    'stepFunctions * retries: [{"errorName":"Lambda.TooManyRequestsException","maxAttempts":5,"intervalSeconds":1,"backoffRate":1.5},{"errorName":"States.ALL","maxAttempts":2,"intervalSeconds":3,"backoffRate":2}] -> [{"errorName":"Lambda.ServiceException","maxAttempts":3,"intervalSeconds":2,"backoffRate":2},{"errorName":"Lambda.AWSLambdaException","maxAttempts":3,"intervalSeconds":2,"backoffRate":2},{"errorName":"Lambda.SdkClientException","maxAttempts":3,"intervalSeconds":2,"backoffRate":2},{"errorName":"Lambda.TooManyRequestsException","maxAttempts":3,"intervalSeconds":2,"backoffRate":2},{"errorName":"States.Timeout","maxAttempts":3,"intervalSeconds":2,"backoffRate":2}]',
  ],
  'fixtures/adversarial/every-connection.json': [
    // Set beside a drawn certificate, zone alias or log group, which the lowering uses instead.
    'cloudfront * aliases: "www.example.com" -> ""',
    'cloudfront * certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/example" -> ""',
    'cloudtrail-1 * logRetentionDays: 365 -> 30',
    'internalAlb * certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/example" -> ""',
    'publicAlb * certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/example" -> ""',
    'wsRestApi * certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/example" -> ""',
    // A Terraform-only kept resource: the CloudFormation template does not hold it.
    'kept * terraformArguments: {"name":"/every-connection/kept","type":"String","value":"kept as imported"} -> {}',
    'kept * terraformType: "aws_ssm_parameter" -> ""',
    // No rotation without a rotation function.
    'secret * rotationDays: 30 -> 0',
    // A stream fed by a Kinesis stream takes that stream's encryption: no SSE setting of its own.
    'firehose * encryption: true -> false',
    // A queue drawn as a dead-letter target, with the catalog's defaults the lowering ignores.
    'sqsDlq * deadLetterQueue: true -> false',
    'sqsDlq * isDeadLetterQueue: false -> true',
  ],
  'fixtures/adversarial/hostile-names.json': [
    // The same pattern, printed without the drawn text's spaces.
    'rule * eventPattern: "{\\"source\\": [\\"app.\\\\\\"quoted\\\\\\" ${x} #{x} %{x} */ </script>\\"], \\"detail-type\\": [\\"a\\\\\\\\b\\\\nc\\"]}" -> "{\\"source\\":[\\"app.\\\\\\"quoted\\\\\\" ${x} #{x} %{x} */ </script>\\"],\\"detail-type\\":[\\"a\\\\\\\\b\\\\nc\\"]}"',
    'secretNode * rotationDays: 30 -> 0',
  ],
  'fixtures/adversarial/kept-resources.json': [
    'queueArnParameter * terraformArguments: {"name":"/${local.name_prefix}/orders-queue-arn","type":"String","value":"${aws_sqs_queue.orders_queue.arn}","description":"ARN of the orders queue, for other stacks","tags":{"kept":"yes"},"depends_on":["${aws_lambda_function.worker_function}"]} -> {}',
    'queueArnParameter * terraformType: "aws_ssm_parameter" -> ""',
  ],
};

/** Multiset difference, each side marked: "-x" in the original only, "+x" in the re-export only. */
function differences(original: string[], again: string[]): string[] {
  const count = (list: string[]) =>
    list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const a = count(original);
  const b = count(again);
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const d = (b.get(key) ?? 0) - (a.get(key) ?? 0);
    for (let i = 0; i < Math.abs(d); i++) out.push(`${d > 0 ? '+' : '-'}${key}`);
  }
  return out.sort();
}

describe('design -> CloudFormation -> import -> CloudFormation', () => {
  it('covers the examples and the adversarial fixtures', () => {
    // Every pinned design is one of them (a renamed file cannot leave a stale entry).
    expect(Object.keys(LOST_OR_ADDED).filter((f) => !DESIGNS.includes(f))).toEqual([]);
    expect(DESIGNS.filter((f) => f.startsWith('examples')).length).toBeGreaterThanOrEqual(8);
    expect(DESIGNS).toContain(join('fixtures', 'adversarial', 'every-service.json'));
    expect(DESIGNS).toContain(join('fixtures', 'adversarial', 'every-connection.json'));
  });

  // Importing and generating the largest fixtures twice, and the specification check, take seconds.
  for (const file of DESIGNS) {
    it(
      `${file}: regenerates each resource once, under its id, passing the specification check`,
      {
        timeout: 60_000,
      },
      () => {
        const parsed = parseDesign(readFileSync(join(repoRoot, file), 'utf8'));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const files = generateAll(parsed.design, { targets: ['cloudformation'] }).cloudformation!;
        const result = importCloudFormation(
          Object.entries(files)
            .filter(([path]) => path === 'template.yaml' || path.startsWith('parameters/'))
            .map(([path, text]) => ({ path, text })),
        );
        // The generator refuses a duplicate logical id within a template: this throws then.
        const again = templatesOf(
          generateAll(result.design, { targets: ['cloudformation'] }).cloudformation!,
        );
        const ids = resourcesOf(again).map((r) => r.split(' ')[0]!);
        expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
        expect(differences(resourcesOf(templatesOf(files)), resourcesOf(again))).toEqual(
          [...(LOST_OR_ADDED[file] ?? [])].sort(),
        );
        for (const [path, template] of again) expect(validateTemplate(template), path).toEqual([]);
        // The examples' properties are compared in roundtrip.test.ts.
        if (file.startsWith('fixtures')) {
          // The same service nodes (kept resources are compared above, as resources).
          const ids = (nodes: readonly { id: string; type: string }[]) =>
            nodes.filter((n) => n.type !== 'other-resource').map((n) => `${n.type} ${n.id}`);
          expect(differences(ids(parsed.design.nodes), ids(result.design.nodes))).toEqual(
            [...(NODES_NOT_READ_BACK[file] ?? [])].sort(),
          );
          expect(propertyDifferences(parsed.design, result.design)).toEqual(
            [...(PROPERTIES_NOT_READ_BACK[file] ?? [])].sort(),
          );
        }
      },
    );
  }
});
