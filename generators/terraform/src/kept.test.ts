/**
 * Imported designs going back out in Terraform: a kept resource's block from hcl2json's JSON
 * form, and the layout line at the top of main.tf.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateTerraform } from './index.ts';
import { isKeptExpression } from './hcl/ast.ts';

function mainTf(terraformArguments: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const files = generateTerraform(
    lowerDesign(
      design('Imported')
        .node('sqs', { id: 'q', name: 'Queue', position: { x: 1.005, y: 2 } })
        .node('other-resource', {
          id: 'kept',
          name: 'Kept thing',
          position: { x: 30, y: 40 },
          properties: { terraformType: 'aws_ssm_parameter', terraformArguments, ...extra } as never,
        })
        .build(),
    ),
  );
  return files['main.tf']!;
}

describe('Terraform for imported designs', () => {
  it('turns hcl2json strings back into expressions, templates and escaped text', () => {
    const tf = mainTf({
      name: '/${local.name_prefix}/arn',
      value: '${aws_sqs_queue.queue.arn}',
      description: 'literal $${not.interpolated} and "quotes"',
      insecure_value: '${jsonencode({ a = [1, 2], b = "}" })}',
      tier: 'Standard',
      overwrite: true,
      count_hint: 3,
      nothing: null,
    });
    expect(tf).toContain('resource "aws_ssm_parameter" "kept_thing" {');
    expect(tf).toMatch(/\n {2}name += "\/\$\{local\.name_prefix\}\/arn"\n/);
    expect(tf).toMatch(/\n {2}value += aws_sqs_queue\.queue\.arn\n/);
    expect(tf).toMatch(/\n {2}description += "literal \$\$\{not\.interpolated\} and \\"quotes\\""\n/);
    expect(tf).toMatch(/\n {2}insecure_value += jsonencode\(\{ a = \[1, 2\], b = "\}" \}\)\n/);
    expect(tf).toMatch(/\n {2}overwrite += true\n/);
    expect(tf).toMatch(/\n {2}count_hint += 3\n/);
    expect(tf).toMatch(/\n {2}nothing += null\n/);
  });

  it('writes lists of objects as nested blocks and maps as maps', () => {
    const tf = mainTf({
      tags: { team: 'orders', 'cost-center': '42' },
      lifecycle: [{ ignore_changes: ['${value}'] }],
      rule: [{ id: 'a' }, { id: 'b', filter: [{ prefix: 'logs/' }] }],
    });
    expect(tf).toMatch(/tags = \{\n {4}team += "orders"\n {4}cost-center = "42"\n {2}\}/);
    expect(tf).toContain('  lifecycle {\n    ignore_changes = [value]\n  }');
    expect(tf).toMatch(
      / {2}rule \{\n {4}id = "a"\n {2}\}\n+ {2}rule \{\n {4}id = "b"\n+ {4}filter \{\n {6}prefix = "logs\/"\n {4}\}\n {2}\}/,
    );
  });

  it('never lets kept text end its attribute or block', () => {
    // Interpolations stay interpolations; the text around them stays escaped text.
    const hostile = '${x }\nresource "aws_iam_user" "evil" { name = "y" }\n# ${1}';
    const tf = mainTf({ value: hostile, other: '${a.b # comment}' });
    expect(tf).not.toMatch(/^resource "aws_iam_user"/m);
    expect(tf).toContain(
      '  value = "${x}\\nresource \\"aws_iam_user\\" \\"evil\\" { name = \\"y\\" }\\n# ${1}"',
    );
    // An expression that is not one (a comment would swallow the rest of the line) is text, with a note.
    expect(tf).toContain(
      '# archgen: other could not be kept as an expression and is written as text; check it.',
    );
    expect(tf).toContain('  other = "$${a.b # comment}"');
    expect(isKeptExpression('a }{ b')).toBe(false);
    expect(isKeptExpression('f(\n  1,\n  2\n)')).toBe(true);
    expect(isKeptExpression('a\nb')).toBe(false);
    expect(isKeptExpression('"${"}"}"')).toBe(true);
    expect(isKeptExpression('"unterminated')).toBe(false);
  });

  it('puts the layout first in main.tf, keyed by each primary resource address', () => {
    const tf = mainTf({ name: 'x' });
    const [first] = tf.split('\n');
    expect(first).toBe(
      '# archgen:layout {"nodes":{"aws_sqs_queue.queue":{"id":"q","x":1,"y":2},"aws_ssm_parameter.kept_thing":{"id":"kept","x":30,"y":40}},"vpcs":{}}',
    );
  });

  it('prints nothing for a resource kept only in CloudFormation form', () => {
    const files = generateTerraform(
      lowerDesign(
        design('Imported')
          .node('other-resource', {
            id: 'kept',
            name: 'Kept',
            properties: {
              cloudFormationType: 'AWS::SSM::Parameter',
              cloudFormationProperties: { Type: 'String' },
            },
          })
          .build(),
      ),
    );
    expect(Object.values(files).join('\n')).not.toMatch(/aws_ssm_parameter|AWS::SSM/);
  });
});
