/**
 * Loops and shortcuts that replaced regular expressions on the generator's hot paths give what
 * the expressions gave: compared with the original one-liners on hostile and random text.
 */
import { describe, expect, it } from 'vitest';
import { camelCase, pascalCase, plainText, words } from './naming.ts';
import { isIdentifier, lit, obj } from './ts/ast.ts';
import { ec2Description } from './emitters/security-groups.ts';
import { markdownText } from './files/readme.ts';

const referenceWords = (text: string): string[] =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
const referenceIsIdentifier = (name: string): boolean => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
const referencePlainText = (text: string, maxLength = Infinity): string =>
  text.replace(/([$#])\{(\s*)Token\[/g, '$1{ $2Token[').slice(0, maxLength);
const referenceEc2Description = (text: string): string =>
  referencePlainText(text)
    .replace(/[^a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255) || 'Managed by archgen';

const referenceMarkdownText = (text: string): string =>
  text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`)
    .trim();

/** Seeded random text over a small alphabet that hits every character class involved. */
function randomTexts(count: number): string[] {
  const alphabet = [...'aZz09AM_$-. \t\n{}[]#é🚀', 'Token[', '${Token[', '#{ Token[', '  '];
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  return Array.from({ length: count }, () => {
    let text = '';
    for (let n = Math.floor(next() * (next() < 0.1 ? 300 : 16)); n > 0; n--)
      text += alphabet[Math.floor(next() * alphabet.length)];
    return text;
  });
}

const TEXTS = [
  '',
  'orderApi2Handler',
  'ABCDef',
  'a1B',
  'aBcD',
  'HTTPServer',
  '__x__',
  '1abc',
  'web-tier_ALB.v2',
  'Ünïcode wörds',
  '${Token[TOKEN.1]} and #{ Token[x]}',
  'Allow 443 from the internet',
  ' padded ',
  'x'.repeat(300),
  ...randomTexts(3000),
];

describe('hot-path shortcuts', () => {
  it('split words like the regular expressions did', () => {
    for (const text of TEXTS) expect(words(text), JSON.stringify(text)).toEqual(referenceWords(text));
    expect(pascalCase('orderApi2Handler')).toBe('OrderApi2Handler');
    expect(camelCase('Web tier ALB')).toBe('webTierALB');
  });

  it('recognize identifiers like the regular expression did', () => {
    for (const text of [...TEXTS, 'a', '_', '$', '$1', 'a-b', 'a b', 'café'])
      expect(isIdentifier(text), JSON.stringify(text)).toBe(referenceIsIdentifier(text));
  });

  it('break CDK token markers and cut text like before', () => {
    for (const text of TEXTS)
      for (const maxLength of [Infinity, 0, 5, 255])
        expect(plainText(text, maxLength), JSON.stringify(text)).toBe(referencePlainText(text, maxLength));
  });

  it('clean EC2 descriptions like before', () => {
    for (const text of [...TEXTS, 'from alb on 8080', 'a  b', 'ok(1)', 'x'.repeat(255), 'x'.repeat(256)])
      expect(ec2Description(text), JSON.stringify(text)).toBe(referenceEc2Description(text));
  });

  it('escape Markdown like before', () => {
    for (const text of [...TEXTS, '\\`*_{}[]<>()#+!|~ $& $1 $$'])
      expect(markdownText(text), JSON.stringify(text)).toBe(referenceMarkdownText(text));
  });

  it('keep object entries in key order and leave out undefined values', () => {
    const record = { b: lit(1), a: undefined, 2: lit(2), c: lit(3), 1: lit(4) };
    const expected = Object.entries(record)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => ({ key, value }));
    expect(obj(record)).toEqual({ kind: 'object', entries: expected });
    expect(expected.map((e) => e.key)).toEqual(['1', '2', 'b', 'c']);
    expect(
      obj([
        ['z', lit(1)],
        ['y', undefined],
        ['x', lit(2)],
      ]),
    ).toEqual({
      kind: 'object',
      entries: [
        { key: 'z', value: lit(1) },
        { key: 'x', value: lit(2) },
      ],
    });
  });
});
