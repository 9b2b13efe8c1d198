import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getAtt,
  getAZs,
  ifCondition,
  join as joinValues,
  NO_VALUE,
  ref,
  select,
  sub,
  subLiteral,
  toLongForm,
  withSuffix,
  Intrinsic,
  type TemplateValue,
} from './intrinsics.ts';
import { parseTemplate, printTemplate } from './yaml.ts';

const roundTrip = (value: TemplateValue) => parseTemplate(printTemplate(value));

describe('printTemplate / parseTemplate', () => {
  it('prints intrinsics as short-form tags and reads them back in long form', () => {
    const template = {
      Resources: {
        Q: {
          Type: 'AWS::SQS::Queue',
          Properties: {
            A: ref('X'),
            B: getAtt('Q', 'Arn'),
            C: sub('${AWS::StackName}-q'),
            D: ifCondition('IsProd', 1, NO_VALUE),
            E: select(0, getAZs()),
            F: joinValues(',', [ref('A'), 'b']),
          },
        },
      },
    };
    const text = printTemplate(template);
    expect(text).toContain('A: !Ref X');
    expect(text).toContain('B: !GetAtt Q.Arn');
    expect(text).toContain('D: !If [IsProd, 1, !Ref AWS::NoValue]');
    expect(text).toContain('E: !Select [0, !GetAZs ""]');
    expect(parseTemplate(text)).toEqual(toLongForm(template));
  });

  it('writes an intrinsic whose argument is another intrinsic in long form (one tag per node)', () => {
    const value = { V: new Intrinsic('Fn::GetAZs', ref('AWS::Region')) };
    const text = printTemplate(value);
    expect(text).toContain('Fn::GetAZs: !Ref AWS::Region');
    expect(roundTrip(value)).toEqual({ V: { 'Fn::GetAZs': { Ref: 'AWS::Region' } } });
  });

  it('keeps YAML 1.1 look-alikes strings, as CloudFormation reads them', () => {
    const words = ['yes', 'No', 'on', 'OFF', 'y', '0123', '0x1F', '1e3', '12:30', '~', 'null', '', 'true'];
    const text = printTemplate({ Words: words });
    expect(roundTrip({ Words: words })).toEqual({ Words: words });
    for (const word of ['yes', 'on', 'y', '0123', '12:30']) expect(text).toContain(`"${word}"`);
  });

  it('carries hostile text through unchanged, never as YAML structure', () => {
    const hostile = JSON.parse(
      readFileSync(join(__dirname, '../../../../fixtures/adversarial/hostile-names.json'), 'utf8'),
    ) as {
      nodes: { name: string }[];
    };
    const names = hostile.nodes.map((n) => n.name);
    expect(names.length).toBeGreaterThan(5);
    const value = {
      Names: names,
      Keyed: Object.fromEntries(names.map((n, i) => [`k${i}`, { Description: n }])),
    };
    expect(roundTrip(value)).toEqual(value);
    expect(roundTrip({ 'a: b\nc': '- d', '!Ref X': '&anchor *alias' })).toEqual({
      'a: b\nc': '- d',
      '!Ref X': '&anchor *alias',
    });
  });

  it('puts comments above top-level entries', () => {
    const text = printTemplate(
      { Resources: { Q: { Type: 'AWS::SQS::Queue' } } },
      { 'Resources.Q': 'why\nand more' },
    );
    expect(text).toContain('  # why\n  # and more\n  Q:');
  });

  it('rejects invalid YAML and duplicate keys', () => {
    expect(() => parseTemplate('a: [1, 2')).toThrow(/invalid template YAML/);
    expect(() => parseTemplate('a: 1\na: 2')).toThrow(/invalid template YAML/);
    expect(() => parseTemplate('- 1')).toThrow(/must be a YAML map/);
  });
});

describe('intrinsic helpers', () => {
  it('escapes text placed inside Fn::Sub', () => {
    expect(subLiteral('cost ${x} and ${AWS::Region}')).toBe('cost ${!x} and ${!AWS::Region}');
  });

  it('appends a suffix inside Fn::Sub for references, with Fn::Join otherwise', () => {
    expect(toLongForm(withSuffix(getAtt('B', 'Arn'), '/*'))).toEqual({ 'Fn::Sub': '${B.Arn}/*' });
    expect(toLongForm(withSuffix(sub('arn:x:${G}'), ':*'))).toEqual({ 'Fn::Sub': 'arn:x:${G}:*' });
    expect(toLongForm(withSuffix(ifCondition('C', ref('A'), ref('B')), '/*'))).toEqual({
      'Fn::Join': ['', [{ 'Fn::If': ['C', { Ref: 'A' }, { Ref: 'B' }] }, '/*']],
    });
    expect(withSuffix(ref('A'), undefined)).toEqual(ref('A'));
  });
});
