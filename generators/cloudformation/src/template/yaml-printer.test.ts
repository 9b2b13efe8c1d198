/**
 * The direct YAML printer must print exactly what the `yaml` library prints: checked on the
 * template of every example, adversarial fixture and a 200-node synthetic design (none may need
 * the library fallback), and on seeded random values built from hostile strings. The UTF-8 size it
 * counts while printing must be the text's.
 */
import { describe, expect, it, vi } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { verificationDesigns } from '../../../../test-support/designs.ts';
import { syntheticDesign } from '../../../../bench/synthetic.ts';
import { generateCloudFormation } from '../generate.ts';
import { utf8ByteLength } from '../text.ts';
import { Intrinsic, type IntrinsicFunction, type TemplateValue } from './intrinsics.ts';
import { UnsupportedShape } from './yaml-printer.ts';
import { printTemplate, printTemplateDirect, printTemplateWithLibrary, parseTemplate } from './yaml.ts';
import { seededRandom } from '../../../../test-support/random.ts';

/** The (template, comments) pairs the generator prints, captured on their way to `printTemplate`. */
const printed = vi.hoisted(() => [] as [TemplateValue, Record<string, string>][]);
vi.mock('./yaml.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./yaml.ts')>();
  return {
    ...actual,
    printTemplate: (
      template: TemplateValue,
      comments: Record<string, string> = {},
      size?: { utf8Bytes: number },
    ) => {
      printed.push([template, comments]);
      return actual.printTemplate(template, comments, size);
    },
  };
});

describe('direct printer on generated templates', () => {
  const designs = [...verificationDesigns(), { name: 'synthetic-200', design: syntheticDesign(200) }];
  for (const { name, design } of designs) {
    it(`prints ${name} as the library does, without falling back`, () => {
      printed.length = 0;
      const files = generateCloudFormation(lowerDesign(design));
      // One template, or for a split design (synthetic-200) each nested one and then the root.
      const templates = Object.keys(files).filter((path) => path.endsWith('.yaml'));
      expect(printed).toHaveLength(templates.length);
      printed.forEach(([template, comments], i) => {
        const direct = printTemplateDirect(template, comments);
        expect(direct).toBe(printTemplateWithLibrary(template, comments));
        expect(files[templates[i]!]).toBe(direct);
        const size = { utf8Bytes: -1 };
        printTemplate(template, comments, size);
        expect(size.utf8Bytes).toBe(utf8ByteLength(direct));
      });
    });
  }
});

/** Strings YAML treats specially, whole or as pieces of a longer string. */
const HOSTILE = [
  '',
  ' ',
  '  ',
  '-',
  '- ',
  '?',
  '? x',
  ':',
  ': ',
  'a: b',
  'a:b',
  'a :b',
  'a:',
  '#',
  ' #',
  'a #b',
  'a#b',
  '&a',
  '*a',
  '!x',
  '!!str',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
  '{',
  '}',
  '[',
  ']',
  ',',
  '{}',
  '[]',
  '---',
  '...',
  '--- x',
  '%YAML 1.1',
  '<<',
  '~',
  'null',
  'Null',
  'NULL',
  'yes',
  'Yes',
  'YES',
  'no',
  'No',
  'on',
  'On',
  'off',
  'OFF',
  'y',
  'Y',
  'n',
  'N',
  'true',
  'False',
  '0',
  '-0',
  '+1',
  '0123',
  '0o17',
  '0x1F',
  '0b101',
  '1_000',
  '1e3',
  '1.5',
  '.5',
  '5.',
  '-.inf',
  '.NaN',
  '12:30',
  '1:20:30.5',
  '2024-01-01',
  '2024-1-1 10:00:00 +01:00',
  '\n',
  '\n\n',
  'a\nb',
  'a\n',
  '\nb',
  'a \nb',
  'a\n b',
  'a\n\n\n',
  '\t',
  'a\tb',
  '\r\n',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ud800',
  '🚀',
  'ü',
  '支付',
  'خدمة',
  '${AWS::StackName}',
  '${!x}',
  'arn:aws:s3:::bucket/*',
  'Fn::GetAtt',
  'Ref',
  '\\',
  '\\n',
  'a\\b',
  "it's",
  'say "hi"',
  `both ' and "`,
  'x'.repeat(1100),
  'word',
  'Word_2',
  'a.b/c',
  '(x)',
  'a=b',
  'a+b',
  'a,b',
  'a;b',
  'a{b}',
  '$x',
  '/path',
  'lower case text',
];
const FUNCTIONS: IntrinsicFunction[] = ['Ref', 'Fn::Sub', 'Fn::If', 'Fn::Join', 'Fn::GetAZs', 'Fn::Select'];
const NUMBERS = [0, -0, 1, -7, 42, 3.25, -0.5, 1e21, 1e-7, 2 ** 53, Number.NaN, Infinity, -Infinity];

function hostileString(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const parts = 1 + Math.floor(next() * 3);
  let text = '';
  for (let i = 0; i < parts; i++) text += pick(HOSTILE);
  return text;
}

function hostileValue(next: () => number, depth: number): TemplateValue {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const roll = next();
  if (depth <= 0 || roll < 0.35) {
    const kind = next();
    if (kind < 0.75) return hostileString(next);
    if (kind < 0.9) return pick(NUMBERS);
    return next() < 0.5;
  }
  if (roll < 0.55) {
    const size = Math.floor(next() * 4);
    return Array.from({ length: size }, () => hostileValue(next, depth - 1));
  }
  if (roll < 0.8) {
    const map: Record<string, TemplateValue | undefined> = {};
    const size = Math.floor(next() * 4);
    for (let i = 0; i < size; i++)
      map[hostileString(next)] = next() < 0.1 ? undefined : hostileValue(next, depth - 1);
    return map;
  }
  return new Intrinsic(pick(FUNCTIONS), hostileValue(next, depth - 1));
}

describe('direct printer on maps that are not object literals', () => {
  it('prints only own members, as the library does', () => {
    const inheriting = Object.create({ Inherited: 'from the prototype' }) as Record<string, TemplateValue>;
    inheriting.Own = 'own';
    const bare = Object.create(null) as Record<string, TemplateValue>;
    bare.Key = 'value';
    const template = { Resources: { A: { Properties: inheriting }, B: bare } };
    const text = printTemplateDirect(template);
    expect(text).not.toContain('Inherited');
    expect(text).toBe(printTemplateWithLibrary(template));
  });

  it('ignores members an enumerable Object.prototype member adds to every map', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    const template = { Resources: { A: { Type: 'AWS::SQS::Queue', Properties: { B: [1] } } } };
    const expected = printTemplateWithLibrary(template);
    prototype.polluted = 'x';
    try {
      expect(printTemplateDirect(template)).toBe(expected);
    } finally {
      delete prototype.polluted;
    }
  });
});

describe('direct printer reusing printed strings', () => {
  // A string's printed form depends on its indent and on being a key, a block value or a flow
  // item; the printer caches each form. The same hostile string in every one of those places in
  // one document, in both orders, shows a form reused where it prints differently.
  it('prints each hostile string the same as the library as key, block value and flow item at several depths', () => {
    for (const text of HOSTILE.filter((t) => t.length <= 1024)) {
      const flow = new Intrinsic('Fn::If', [text, text, [text]]);
      const deep = { Deeper: { [text]: text } };
      const template = {
        [text]: text,
        Resources: { FlowFirst: flow, Block: deep, [text]: { [text]: text, Flow: flow } },
        Outputs: { Block: deep, FlowLast: flow, List: [text, [text], flow] },
      };
      expect(printTemplateDirect(template), JSON.stringify(text)).toBe(printTemplateWithLibrary(template));
    }
  });
});

describe('direct printer on hostile values', () => {
  it('prints what the library prints, or leaves the value to the library', () => {
    const next = seededRandom(20261128);
    let direct = 0;
    const cases = 1500;
    for (let i = 0; i < cases; i++) {
      const sections: Record<string, TemplateValue> = {};
      const comments: Record<string, string> = {};
      for (const section of ['Parameters', 'Resources', hostileString(next)]) {
        const entries: Record<string, TemplateValue> = {};
        for (let j = 0; j < 3; j++) {
          const key = hostileString(next);
          entries[key] = hostileValue(next, 4);
          if (next() < 0.3) comments[`${section}.${key}`] = hostileString(next);
        }
        sections[section] = entries;
      }
      const expected = printTemplateWithLibrary(sections, comments);
      let text: string | undefined;
      try {
        text = printTemplateDirect(sections, comments);
      } catch (error) {
        expect(error, JSON.stringify(sections)).toBeInstanceOf(UnsupportedShape);
      }
      if (text !== undefined) {
        direct++;
        expect(text, JSON.stringify(sections)).toBe(expected);
      }
      const size = { utf8Bytes: -1 };
      expect(printTemplate(sections, comments, size)).toBe(expected);
      expect(size.utf8Bytes, JSON.stringify(sections)).toBe(utf8ByteLength(expected));
    }
    // The fallback is for rare shapes (maps inside flow sequences, keys over 1024 characters).
    expect(direct).toBeGreaterThan(cases * 0.5);
  }, 60_000);

  it('reads its hostile output back as the same values', () => {
    const next = seededRandom(7);
    for (let i = 0; i < 300; i++) {
      // A key of exactly "<<" is printed bare and reads back as a YAML 1.1 merge key (the library's
      // behaviour, kept byte for byte); template keys are logical ids and property names.
      const key = hostileString(next).replace(/^<<$/, '<<x');
      const value = hostileString(next);
      const text = printTemplate({ Resources: { [key]: value, List: [value, key] } });
      expect(parseTemplate(text)).toEqual({ Resources: { [key]: value, List: [value, key] } });
    }
  }, 60_000);
});

describe('strings the AWS CLI (PyYAML) would refuse plain', () => {
  it('quotes a flow item starting with ":" or "?", in both printers, and reads it back', () => {
    const template = {
      Outputs: {
        Topic: {
          Value: new Intrinsic('Fn::Split', [':cluster/', new Intrinsic('Fn::GetAtt', ['Kafka', 'Arn'])]),
          Other: new Intrinsic('Fn::Join', ['', ['?x', '-y', 'a:b']]),
        },
      },
    } as unknown as Record<string, TemplateValue>;
    for (const text of [printTemplateDirect(template, {}), printTemplateWithLibrary(template, {})]) {
      expect(text).toContain("!Split [':cluster/', !GetAtt [Kafka, Arn]]");
      expect(text).toContain(`!Join ["", ['?x', -y, a:b]]`);
      expect(parseTemplate(text)).toEqual({
        Outputs: {
          Topic: {
            Value: { 'Fn::Split': [':cluster/', { 'Fn::GetAtt': ['Kafka', 'Arn'] }] },
            Other: { 'Fn::Join': ['', ['?x', '-y', 'a:b']] },
          },
        },
      });
    }
  });
});
