import { describe, expect, it } from 'vitest';
import {
  generatedTagKeyFor,
  hasAwsTagPrefix,
  hasDynamicReference,
  iamDescriptionProblem,
  iamSafeDescription,
  isDeployableDesignTag,
  neutralizeDynamicReferences,
  tagKeyProblem,
  tagSafeText,
  tagValueProblem,
} from './text-rules.ts';

describe('tag rules', () => {
  it('accepts what AWS accepts: Unicode letters, digits, white space and _ . : / = + - @', () => {
    for (const text of ['CostCenter', 'Équipe café', 'チーム', 'a_b.c:d/e=f+g-h@i', '0o17', '１２'])
      expect(tagKeyProblem(text)).toBeUndefined();
    expect(tagValueProblem('')).toBeUndefined();
    expect(tagKeyProblem('')).toMatch(/empty/);
  });

  it('rejects other characters and lengths over 128 / 256 characters', () => {
    expect(tagKeyProblem('a"b')).toMatch(/"\\""/);
    expect(tagValueProblem('{{resolve:ssm:x}}')).toMatch(/"\{", "\}"/);
    expect(tagValueProblem('a\nb')).toMatch(/not allow/);
    expect(tagKeyProblem('k'.repeat(128))).toBeUndefined();
    expect(tagKeyProblem('k'.repeat(129))).toMatch(/129 characters/);
    expect(tagValueProblem('é'.repeat(256))).toBeUndefined();
    expect(tagValueProblem('v'.repeat(257))).toMatch(/257 characters long; AWS allows 256/);
  });

  it('knows the aws: prefix (any case) and our keys (IAM compares keys ignoring case)', () => {
    expect(hasAwsTagPrefix('AWS:x')).toBe(true);
    expect(hasAwsTagPrefix('awsx')).toBe(false);
    expect(generatedTagKeyFor('environment')).toBe('Environment');
    expect(generatedTagKeyFor('Owner')).toBeUndefined();
    expect(isDeployableDesignTag('Owner', 'team')).toBe(true);
    expect(isDeployableDesignTag('Name', 'x')).toBe(false);
    expect(isDeployableDesignTag('aws:x', 'x')).toBe(false);
  });

  it('makes text tag-safe', () => {
    expect(tagSafeText('Orders (v2) "api"', 256)).toBe('Orders _v2_ _api_');
    expect(tagSafeText('ab', 1)).toBe('a');
  });
});

describe('dynamic references', () => {
  it('finds and breaks {{resolve: in any spelling CloudFormation might take', () => {
    for (const text of ['{{resolve:secretsmanager:db}}', 'x {{RESOLVE:ssm:/a}}', '{{ resolve :ssm:/a}}']) {
      expect(hasDynamicReference(text)).toBe(true);
      const safe = neutralizeDynamicReferences(text);
      expect(hasDynamicReference(safe)).toBe(false);
      expect(neutralizeDynamicReferences(safe)).toBe(safe);
    }
    expect(neutralizeDynamicReferences('a {{resolve:ssm:/p}} b')).toBe('a { {resolve:ssm:/p}} b');
    expect(neutralizeDynamicReferences('{{{resolve:x}}')).toBe('{{ {resolve:x}}');
    expect(hasDynamicReference('{resolve:x} {{other}}')).toBe(false);
  });
});

describe('IAM role descriptions', () => {
  it('allows Latin-1 printable text up to 1000 characters', () => {
    expect(iamDescriptionProblem('Café ¡olé! \t\n')).toBeUndefined();
    expect(iamDescriptionProblem('Zahlung 支払い')).toMatch(/"支", "払", "い"/);
    expect(iamDescriptionProblem('x'.repeat(1001))).toMatch(/1001/);
    expect(iamDescriptionProblem('\u0080')).toMatch(/Latin-1/);
  });

  it('replaces what IAM rejects and cuts to 1000', () => {
    expect(iamSafeDescription('function role of 支払い 🚀')).toBe('function role of ??? ?');
    expect(iamSafeDescription('x'.repeat(1200))).toHaveLength(1000);
    expect(iamDescriptionProblem(iamSafeDescription('€'.repeat(2000)))).toBeUndefined();
  });
});
