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
import { parse } from 'yaml';
import { parseTemplate, printTemplate, printTemplateDirect, printTemplateWithLibrary } from './yaml.ts';

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

  it('quotes every string a YAML 1.1 or 1.2 reader would read as something else', () => {
    // 1.2 (core schema) reads 0o17 as 15 and 1e3 as 1000; 1.1 reads yes/on/012/dates/1:20 as
    // booleans, numbers and timestamps. A template is read by both kinds of tools.
    const hostile = [
      '0o17',
      '0o7',
      '0x1F',
      '0X1f',
      '0b101',
      '1e3',
      '1E-3',
      '+1e3',
      '.inf',
      '-.Inf',
      '+.INF',
      '.nan',
      '.NaN',
      'yes',
      'No',
      'on',
      'OFF',
      'y',
      'N',
      '~',
      'null',
      'Null',
      'NULL',
      'true',
      'False',
      'TRUE',
      '2024-01-01',
      '2024-1-1 10:00:00',
      '2024-01-01T10:00:00Z',
      '012',
      '0123',
      '08',
      '-0',
      '+12',
      '1_000',
      '1:20',
      '190:20:30',
      '0.5',
      '1.',
      '.5',
      '-.5',
      '<<',
      '=',
      '',
      ' a',
      'a ',
      '0o',
      '0x',
    ];
    const value = { Tags: hostile.map((v, i) => ({ Key: `k${i}`, Value: v })), List: hostile };
    for (const print of [printTemplate, printTemplateDirect, printTemplateWithLibrary]) {
      const text = print(value);
      for (const version of ['1.1', '1.2'] as const) {
        expect(parse(text, { version }), `${print.name} read as YAML ${version}`).toEqual(value);
      }
    }
    expect(printTemplate({ V: '0o17' })).toBe('V: "0o17"\n');
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
