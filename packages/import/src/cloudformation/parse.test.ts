import { describe, expect, it } from 'vitest';
import { TemplateSyntaxError, parseTemplateText } from './parse.ts';
import { cidrList, evaluate, referencesIn, UNRESOLVED, type Scope } from './intrinsics.ts';

const yaml = (lines: string[]) => lines.join('\n');

describe('parseTemplateText', () => {
  it('reads every short-form tag as its long form', () => {
    const { template, problems } = parseTemplateText(
      't.yaml',
      yaml([
        'Resources:',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      A: !Ref X',
        '      B: !GetAtt Fn.Arn',
        '      C: !GetAtt [Fn, Arn]',
        '      D: !Sub "${X}-q"',
        '      E: !If [IsProd, !Ref X, !Ref AWS::NoValue]',
        '      F: !Join ["-", [a, !Select [0, !GetAZs ""]]]',
        '      G: !Base64 { "Fn::Sub": "x" }',
        '      H: !Cidr [10.0.0.0/16, 2, 8]',
        '      I: !FindInMap [M, !Ref AWS::Region, k]',
        '      J: !ImportValue shared-vpc',
        '      K: !Condition IsProd',
        '      L: !Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }',
        '      M: !Split [",", !Ref L]',
        '      N: !Equals [a, b]',
        '      O: !Not [!And [!Or [!Condition A, !Condition B], !Condition C]]',
        '      V: 2012-10-17',
      ]),
    );
    expect(problems).toEqual([]);
    const p = (template.Resources as Record<string, { Properties: Record<string, unknown> }>).Q!.Properties;
    expect(p.A).toEqual({ Ref: 'X' });
    expect(p.B).toEqual({ 'Fn::GetAtt': ['Fn', 'Arn'] });
    expect(p.C).toEqual({ 'Fn::GetAtt': ['Fn', 'Arn'] });
    expect(p.D).toEqual({ 'Fn::Sub': '${X}-q' });
    expect(p.E).toEqual({ 'Fn::If': ['IsProd', { Ref: 'X' }, { Ref: 'AWS::NoValue' }] });
    expect(p.F).toEqual({ 'Fn::Join': ['-', ['a', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }]] });
    expect(p.G).toEqual({ 'Fn::Base64': { 'Fn::Sub': 'x' } });
    expect(p.H).toEqual({ 'Fn::Cidr': ['10.0.0.0/16', 2, 8] });
    expect(p.I).toEqual({ 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'k'] });
    expect(p.J).toEqual({ 'Fn::ImportValue': 'shared-vpc' });
    expect(p.K).toEqual({ Condition: 'IsProd' });
    expect(p.L).toEqual({ 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } });
    expect(p.M).toEqual({ 'Fn::Split': [',', { Ref: 'L' }] });
    expect(p.N).toEqual({ 'Fn::Equals': ['a', 'b'] });
    expect(p.O).toEqual({
      'Fn::Not': [
        { 'Fn::And': [{ 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }, { Condition: 'C' }] },
      ],
    });
    // A policy version is text, as CloudFormation reads it, not a date.
    expect(p.V).toBe('2012-10-17');
  });

  it('accepts duplicate keys (the last wins) and says where each one is', () => {
    const { template, problems } = parseTemplateText(
      'dup.yaml',
      yaml(['Resources:', '  Q:', '    Type: AWS::SQS::Queue', '  Q:', '    Type: AWS::SNS::Topic']),
    );
    expect((template.Resources as Record<string, { Type: string }>).Q!.Type).toBe('AWS::SNS::Topic');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', file: 'dup.yaml', line: 4 });
    expect(problems[0]!.message).toContain('duplicate key "Q" (first at line 2)');
  });

  it('reads JSON templates', () => {
    const { template } = parseTemplateText(
      't.json',
      JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { A: { Ref: 'X' } } } } }),
    );
    expect(template.Resources).toEqual({ Q: { Type: 'AWS::SQS::Queue', Properties: { A: { Ref: 'X' } } } });
  });

  it('names the file and line of malformed input', () => {
    const bad = yaml(['Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Properties: {a: [1, 2}']);
    const error = (() => {
      try {
        parseTemplateText('bad.yaml', bad);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    expect((error as TemplateSyntaxError).line).toBe(4);
    expect((error as Error).message).toMatch(/^bad\.yaml:4: not valid YAML or JSON/);
  });

  it('refuses what is not a template, saying why', () => {
    expect(() => parseTemplateText('e.yaml', '  \n')).toThrow('e.yaml: the file is empty');
    expect(() => parseTemplateText('l.yaml', '- a\n- b\n')).toThrow(/must be a map/);
    expect(() => parseTemplateText('n.yaml', 'Parameters: {}\n')).toThrow(/no "Resources" map/);
  });

  it('keeps unknown tags as text with a warning', () => {
    const { problems } = parseTemplateText('r.yaml', 'Resources:\n  B:\n    Type: !Rain::Module x.yml\n');
    expect(problems.some((p) => p.severity === 'warning' && p.line === 3)).toBe(true);
  });
});

describe('intrinsics', () => {
  const scope: Scope = {
    parameters: new Map<string, unknown>([
      ['Env', 'prod'],
      ['Size', 512],
    ]),
    mappings: { Sizes: { prod: { mem: 1024 }, dev: { mem: 256 } } },
    conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
    region: 'eu-west-1',
  };

  it('finds references in Ref, GetAtt and Sub (not Sub variables or pseudo parameters)', () => {
    expect(
      referencesIn({
        a: { Ref: 'Q' },
        b: { 'Fn::GetAtt': ['T', 'Arn'] },
        c: { 'Fn::Sub': '${Fn.Arn}:${AWS::Region}:${!Literal}' },
        d: { 'Fn::Sub': ['${x}-${Y}', { x: { Ref: 'Z' } }] },
        e: { Ref: 'AWS::StackName' },
      }),
    ).toEqual([
      { target: 'Q' },
      { target: 'T', attribute: 'Arn' },
      { target: 'Fn', attribute: 'Arn' },
      { target: 'Y' },
      { target: 'Z' },
    ]);
  });

  it('works out parameters, mappings, conditions and functions; resources stay unresolved', () => {
    expect(evaluate({ 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'mem'] }, scope)).toBe(1024);
    expect(evaluate({ 'Fn::If': ['IsProd', 3, 1] }, scope)).toBe(3);
    expect(evaluate({ 'Fn::Sub': 'q-${Env}-${AWS::Region}' }, scope)).toBe('q-prod-eu-west-1');
    expect(evaluate({ 'Fn::Select': [1, { 'Fn::GetAZs': '' }] }, scope)).toBe('eu-west-1b');
    expect(evaluate({ 'Fn::Join': ['/', ['a', { Ref: 'Size' }]] }, scope)).toBe('a/512');
    expect(evaluate({ Ref: 'SomeQueue' }, scope)).toBe(UNRESOLVED);
    expect(evaluate({ a: [1, { Ref: 'AWS::NoValue' }] }, scope)).toEqual({ a: [1] });
  });

  it('carves Fn::Cidr blocks in order', () => {
    expect(cidrList('10.0.0.0/16', 3, 8)).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
    expect(cidrList('10.1.0.0/16', 2, 12)).toEqual(['10.1.0.0/20', '10.1.16.0/20']);
    expect(cidrList('10.0.0.0/24', 2, 12)).toBeUndefined();
  });
});
