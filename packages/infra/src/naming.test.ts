import { describe, expect, it } from 'vitest';
import {
  MAX_SLUG_LENGTH,
  NameRegistry,
  toConstantCase,
  toKebabCase,
  toPascalCase,
  toSnakeCase,
  isWindowsReservedStem,
  windowsSafeStem,
  words,
} from './naming.ts';

const SAFE_LOGICAL_ID = /^[A-Za-z][A-Za-z0-9]*$/;
const SAFE_TF_NAME = /^[a-z][a-z0-9_]*$/;
const SAFE_SLUG = /^[a-z][a-z0-9-]*[a-z0-9]$|^[a-z]$/;

describe('case conversions', () => {
  it('splits on separators and camelCase', () => {
    expect(words('Orders queue')).toEqual(['Orders', 'queue']);
    expect(words('OrdersQueue')).toEqual(['Orders', 'Queue']);
    expect(words('HTTPApi v2')).toEqual(['HTTP', 'Api', 'v2']);
    expect(toPascalCase('orders queue')).toBe('OrdersQueue');
    expect(toSnakeCase('Orders Queue')).toBe('orders_queue');
    expect(toKebabCase('Orders Queue')).toBe('orders-queue');
    expect(toConstantCase('orders_table')).toBe('ORDERS_TABLE');
  });

  it('folds diacritics to ASCII', () => {
    expect(toPascalCase('Café crème')).toBe('CafeCreme');
  });
});

describe('NameRegistry', () => {
  it('names from the display name and dedupes with a numeric suffix, ignoring case', () => {
    const names = new NameRegistry();
    const a = names.name('Orders', 'sqs orders');
    const b = names.name('orders', 'sqs orders2');
    const c = names.name('ORDERS!', 'sqs orders3');
    expect([a.logicalId, b.logicalId, c.logicalId]).toEqual(['Orders', 'Orders2', 'ORDERS3']);
    expect([a.tfName, b.tfName, c.tfName]).toEqual(['orders', 'orders_2', 'orders_3']);
    expect([a.slug, b.slug, c.slug]).toEqual(['orders', 'orders-2', 'orders-3']);
  });

  it('derives names with a suffix', () => {
    const names = new NameRegistry();
    const queue = names.name('Orders queue', 'sqs q');
    const dlq = names.derive(queue, 'Dlq', 'Orders queue DLQ');
    expect(dlq.logicalId).toBe('OrdersQueueDlq');
    expect(dlq.tfName).toBe('orders_queue_dlq');
    expect(dlq.slug).toBe('orders-queue-dlq');
    expect(dlq.display).toBe('Orders queue DLQ');
  });

  it('never starts an identifier with a digit', () => {
    const names = new NameRegistry();
    const n = names.name('3 tier web', 'alb web');
    expect(n.logicalId).toBe('Alb3TierWeb');
    expect(n.tfName).toBe('alb_3_tier_web');
  });

  it('falls back to the fallback when the display name has no usable characters', () => {
    const names = new NameRegistry();
    const n = names.name('注文 🚀', 'lambda orders-fn');
    expect(n.logicalId).toBe('LambdaOrdersFn');
    expect(n.display).toBe('注文 🚀');
  });

  it.each([
    'a"b ${x} \n',
    "'; DROP TABLE x; --",
    '${jsonencode(var.secret)} %{ if true }',
    'line1\nline2\r\n\ttab',
    '__proto__',
    'x'.repeat(200),
    '\u0000\u202e evil \u200b',
    '!!!',
    '',
  ])('hostile name %j yields safe ids', (hostile) => {
    const names = new NameRegistry();
    const n = names.name(hostile, 'sqs queue1');
    expect(n.logicalId).toMatch(SAFE_LOGICAL_ID);
    expect(n.tfName).toMatch(SAFE_TF_NAME);
    expect(n.slug).toMatch(SAFE_SLUG);
    expect(n.logicalId.length).toBeLessThanOrEqual(64);
    expect(n.slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    const derived = names.derive(n, 'Dlq', `${hostile} DLQ`);
    expect(derived.logicalId).toMatch(SAFE_LOGICAL_ID);
    expect(derived.tfName).toMatch(SAFE_TF_NAME);
    expect(derived.slug).toMatch(SAFE_SLUG);
  });

  it('keeps slugs within the limit while deduping long names', () => {
    const names = new NameRegistry();
    const long = 'a very long service name that keeps going and going and going';
    const first = names.name(long, 'x a');
    const second = names.name(long, 'x b');
    expect(first.slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(second.slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(second.slug).not.toBe(first.slug);
    expect(second.slug.endsWith('-2')).toBe(true);
  });

  it('is deterministic for the same claim order', () => {
    const run = () => {
      const names = new NameRegistry();
      return ['b', 'a', 'B', 'a b', 'ab'].map((n) => names.name(n, 'x y'));
    };
    expect(run()).toEqual(run());
  });
});

describe('names Windows reserves for devices', () => {
  it('are never a slug or a file stem, whatever the case; other names are unchanged', () => {
    for (const name of ['CON', 'nul', 'Aux', 'prn', 'COM1', 'lpt9'])
      expect(toKebabCase(name), name).toBe(`${name.toLowerCase()}-name`);
    expect(windowsSafeStem('nul')).toBe('nul-name');
    expect(isWindowsReservedStem('NUL.json')).toBe(true);
    for (const name of ['console', 'con-prod', 'nullable', 'com10', 'prod', 'dev', 'aux2'])
      expect(windowsSafeStem(name), name).toBe(name);
    expect(toKebabCase('Orders Queue')).toBe('orders-queue');
  });
});
