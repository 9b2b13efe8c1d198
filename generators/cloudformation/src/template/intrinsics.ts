/**
 * The values a template is built from: plain data plus intrinsic function calls. Intrinsics are
 * objects, not strings, so the printer decides how they look (short-form YAML tags) and user text
 * can never turn into a function call.
 */

export type IntrinsicFunction =
  | 'Ref'
  | 'Fn::GetAtt'
  | 'Fn::Sub'
  | 'Fn::If'
  | 'Fn::Select'
  | 'Fn::Join'
  | 'Fn::GetAZs'
  | 'Fn::FindInMap'
  | 'Fn::Split'
  | 'Fn::Equals'
  | 'Fn::Or'
  | 'Fn::And'
  | 'Fn::Not'
  | 'Condition';

/** Every function a template may contain; the YAML reader accepts exactly these short tags. */
export const INTRINSIC_FUNCTIONS: readonly IntrinsicFunction[] = [
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::If',
  'Fn::Select',
  'Fn::Join',
  'Fn::GetAZs',
  'Fn::FindInMap',
  'Fn::Split',
  'Fn::Equals',
  'Fn::Or',
  'Fn::And',
  'Fn::Not',
  'Condition',
];

export class Intrinsic {
  constructor(
    readonly fn: IntrinsicFunction,
    readonly argument: TemplateValue,
  ) {}
}

/** A value anywhere in the template. `undefined` members of a map are left out when printed. */
export type TemplateValue =
  string | number | boolean | Intrinsic | TemplateValue[] | { [key: string]: TemplateValue | undefined };

export type TemplateMap = { [key: string]: TemplateValue | undefined };

export const ref = (name: string): Intrinsic => new Intrinsic('Ref', name);
export const getAtt = (logicalId: string, attribute: string): Intrinsic =>
  new Intrinsic('Fn::GetAtt', `${logicalId}.${attribute}`);
export const sub = (text: string, variables?: Record<string, TemplateValue>): Intrinsic =>
  new Intrinsic('Fn::Sub', variables ? [text, variables] : text);
export const join = (delimiter: string, values: TemplateValue[]): Intrinsic =>
  new Intrinsic('Fn::Join', [delimiter, values]);
export const select = (index: number, list: TemplateValue): Intrinsic =>
  new Intrinsic('Fn::Select', [index, list]);
export const findInMap = (map: string, topKey: TemplateValue, key: string): Intrinsic =>
  new Intrinsic('Fn::FindInMap', [map, topKey, key]);
export const getAZs = (): Intrinsic => new Intrinsic('Fn::GetAZs', '');
export const split = (delimiter: string, value: TemplateValue): Intrinsic =>
  new Intrinsic('Fn::Split', [delimiter, value]);
export const ifCondition = (
  condition: string,
  whenTrue: TemplateValue,
  whenFalse: TemplateValue,
): Intrinsic => new Intrinsic('Fn::If', [condition, whenTrue, whenFalse]);
export const equals = (a: TemplateValue, b: TemplateValue): Intrinsic => new Intrinsic('Fn::Equals', [a, b]);
export const or = (conditions: TemplateValue[]): Intrinsic => new Intrinsic('Fn::Or', conditions);
export const not = (condition: TemplateValue): Intrinsic => new Intrinsic('Fn::Not', [condition]);
export const conditionRef = (name: string): Intrinsic => new Intrinsic('Condition', name);

/** Removes a property in the environments where a condition does not hold. */
export const NO_VALUE = ref('AWS::NoValue');

/** Text placed inside Fn::Sub literally: `${` would otherwise start a substitution. */
export function subLiteral(text: string): string {
  return text.replace(/\$\{/g, '${!');
}

/** `value` followed by a literal suffix (an ARN plus "/*"), as one string. */
export function withSuffix(value: TemplateValue, suffix: string | undefined): TemplateValue {
  if (!suffix) return value;
  if (
    value instanceof Intrinsic &&
    (value.fn === 'Ref' || value.fn === 'Fn::GetAtt') &&
    typeof value.argument === 'string'
  ) {
    return sub(`\${${value.argument}}${subLiteral(suffix)}`);
  }
  if (value instanceof Intrinsic && value.fn === 'Fn::Sub' && typeof value.argument === 'string') {
    return sub(`${value.argument}${subLiteral(suffix)}`);
  }
  return join('', [value, suffix]);
}

/** The long (JSON) form: `{ "Fn::If": [...] }`; what CloudFormation and the validator read. */
export function toLongForm(value: TemplateValue | undefined): unknown {
  if (value instanceof Intrinsic) return { [value.fn]: toLongForm(value.argument) };
  if (Array.isArray(value)) return value.map(toLongForm);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toLongForm(item);
    return out;
  }
  return value;
}
