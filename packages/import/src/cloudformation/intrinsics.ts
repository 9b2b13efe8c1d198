/**
 * CloudFormation intrinsic functions, read two ways: which resources a value refers to (Ref,
 * Fn::GetAtt, Fn::Sub), and what a value is once parameters, mappings and conditions are known
 * (UNRESOLVED where it depends on a resource or on something only CloudFormation knows).
 */

export const UNRESOLVED: unique symbol = Symbol('unresolved');
export type Evaluated = unknown;

export interface Reference {
  /** The logical ID (or parameter) referred to. */
  target: string;
  /** Fn::GetAtt attribute, or the attribute in `${X.Attr}`. */
  attribute?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The only key of a one-key object, e.g. 'Ref' or 'Fn::GetAtt'. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'))
    ? keys[0]
    : undefined;
}

function subReferences(text: string, locals: ReadonlySet<string>, out: Reference[]): void {
  for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
    const expr = m[1]!.trim();
    const dot = expr.indexOf('.');
    const target = dot === -1 ? expr : expr.slice(0, dot);
    if (locals.has(target) || target.startsWith('AWS::')) continue;
    out.push(dot === -1 ? { target } : { target, attribute: expr.slice(dot + 1) });
  }
}

/** Every resource or parameter a value refers to, in order (pseudo parameters left out). */
export function referencesIn(value: unknown, out: Reference[] = []): Reference[] {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, out);
    return out;
  }
  if (!isObject(value)) return out;
  const fn = intrinsicName(value);
  if (fn === 'Ref') {
    const target = value.Ref;
    if (typeof target === 'string' && !target.startsWith('AWS::')) out.push({ target });
    return out;
  }
  if (fn === 'Fn::GetAtt') {
    const arg = value['Fn::GetAtt'];
    const parts = typeof arg === 'string' ? splitGetAtt(arg) : Array.isArray(arg) ? arg : [];
    if (typeof parts[0] === 'string')
      out.push({ target: parts[0], ...(typeof parts[1] === 'string' ? { attribute: parts[1] } : {}) });
    else referencesIn(parts, out);
    return out;
  }
  if (fn === 'Fn::Sub') {
    const arg = value['Fn::Sub'];
    if (typeof arg === 'string') subReferences(arg, new Set(), out);
    else if (Array.isArray(arg) && typeof arg[0] === 'string') {
      const vars = isObject(arg[1]) ? arg[1] : {};
      subReferences(arg[0], new Set(Object.keys(vars)), out);
      referencesIn(vars, out);
    }
    return out;
  }
  for (const v of Object.values(value)) referencesIn(v, out);
  return out;
}

function splitGetAtt(text: string): string[] {
  const dot = text.indexOf('.');
  return dot === -1 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

/** What evaluation knows: parameter values, mappings, conditions, the region. */
export interface Scope {
  parameters: ReadonlyMap<string, unknown>;
  mappings: Record<string, unknown>;
  conditions: Record<string, unknown>;
  region: string;
  /** Logical IDs of resources (a Ref to one is UNRESOLVED, not an unknown parameter). */
  resources?: ReadonlySet<string>;
}

const AZ_LETTERS = 'abcdef';

/**
 * The value with every intrinsic it can work out replaced; UNRESOLVED when any part depends on
 * a resource or a value CloudFormation supplies at deploy time. `undefined` is AWS::NoValue.
 */
export function evaluate(value: unknown, scope: Scope, depth = 0): Evaluated {
  if (depth > 64) return UNRESOLVED;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const v = evaluate(item, scope, depth + 1);
      if (v === UNRESOLVED) return UNRESOLVED;
      if (v !== undefined) out.push(v);
    }
    return out;
  }
  if (!isObject(value)) return value;
  const fn = intrinsicName(value);
  if (!fn) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const e = evaluate(v, scope, depth + 1);
      if (e === UNRESOLVED) return UNRESOLVED;
      if (e !== undefined) out[k] = e;
    }
    return out;
  }
  const arg = value[fn];
  const ev = (v: unknown) => evaluate(v, scope, depth + 1);
  switch (fn) {
    case 'Ref': {
      if (typeof arg !== 'string') return UNRESOLVED;
      if (arg === 'AWS::NoValue') return undefined;
      if (arg === 'AWS::Region') return scope.region;
      if (arg === 'AWS::Partition') return 'aws';
      if (arg === 'AWS::URLSuffix') return 'amazonaws.com';
      if (scope.parameters.has(arg)) return scope.parameters.get(arg);
      return UNRESOLVED;
    }
    case 'Fn::Sub': {
      const [text, vars] =
        typeof arg === 'string' ? [arg, {}] : Array.isArray(arg) ? [arg[0], arg[1] ?? {}] : [];
      if (typeof text !== 'string' || !isObject(vars)) return UNRESOLVED;
      let unresolved = false;
      const result = text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
        if (inner.startsWith('!')) return '${' + inner.slice(1) + '}';
        const name = inner.trim();
        const v = name in vars ? ev(vars[name]) : ev({ Ref: name });
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
        unresolved = true;
        return whole;
      });
      return unresolved ? UNRESOLVED : result;
    }
    case 'Fn::Join': {
      if (!Array.isArray(arg) || typeof arg[0] !== 'string') return UNRESOLVED;
      const list = ev(arg[1]);
      if (!Array.isArray(list) || list.some((x) => typeof x === 'object')) return UNRESOLVED;
      return list.map(String).join(arg[0]);
    }
    case 'Fn::Select': {
      if (!Array.isArray(arg)) return UNRESOLVED;
      const index = Number(ev(arg[0]));
      const list = ev(arg[1]);
      if (!Array.isArray(list) || !Number.isInteger(index) || index < 0 || index >= list.length)
        return UNRESOLVED;
      return list[index];
    }
    case 'Fn::Split': {
      if (!Array.isArray(arg)) return UNRESOLVED;
      const text = ev(arg[1]);
      return typeof arg[0] === 'string' && typeof text === 'string' ? text.split(arg[0]) : UNRESOLVED;
    }
    case 'Fn::FindInMap': {
      if (!Array.isArray(arg)) return UNRESOLVED;
      const [m, k1, k2] = arg.slice(0, 3).map(ev);
      const map = scope.mappings[String(m)];
      if (!isObject(map)) return UNRESOLVED;
      const level = map[String(k1)];
      if (!isObject(level) || !(String(k2) in level)) {
        if (arg.length > 3 && isObject(arg[3]) && 'DefaultValue' in arg[3]) return ev(arg[3].DefaultValue);
        return UNRESOLVED;
      }
      return level[String(k2)];
    }
    case 'Fn::If': {
      if (!Array.isArray(arg) || typeof arg[0] !== 'string') return UNRESOLVED;
      const cond = evaluateCondition(arg[0], scope, depth + 1);
      if (cond === UNRESOLVED) return UNRESOLVED;
      return ev(cond ? arg[1] : arg[2]);
    }
    case 'Fn::Equals': {
      if (!Array.isArray(arg)) return UNRESOLVED;
      const a = ev(arg[0]);
      const b = ev(arg[1]);
      if (a === UNRESOLVED || b === UNRESOLVED) return UNRESOLVED;
      return JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b);
    }
    case 'Fn::And':
    case 'Fn::Or': {
      if (!Array.isArray(arg)) return UNRESOLVED;
      const values = arg.map(ev);
      if (values.some((v) => v === UNRESOLVED)) return UNRESOLVED;
      return fn === 'Fn::And' ? values.every((v) => v === true) : values.some((v) => v === true);
    }
    case 'Fn::Not': {
      const v = ev(Array.isArray(arg) ? arg[0] : arg);
      return v === UNRESOLVED ? UNRESOLVED : v !== true;
    }
    case 'Condition':
      return typeof arg === 'string' ? evaluateCondition(arg, scope, depth + 1) : UNRESOLVED;
    case 'Fn::GetAZs': {
      const region = ev(arg);
      const r = typeof region === 'string' && region !== '' ? region : scope.region;
      return [...AZ_LETTERS].map((letter) => `${r}${letter}`);
    }
    case 'Fn::Cidr': {
      if (!Array.isArray(arg)) return UNRESOLVED;
      const [block, count, bits] = arg.map(ev);
      return cidrList(String(block), Number(count), Number(bits)) ?? UNRESOLVED;
    }
    case 'Fn::Base64':
      return ev(arg);
    default:
      return UNRESOLVED;
  }
}

export function evaluateCondition(name: string, scope: Scope, depth = 0): boolean | typeof UNRESOLVED {
  const def = scope.conditions[name];
  if (def === undefined || depth > 64) return UNRESOLVED;
  const v = evaluate(def, scope, depth + 1);
  return v === UNRESOLVED ? UNRESOLVED : v === true;
}

/** Fn::Cidr: `count` blocks of `bits` host bits carved in order from `block`. */
export function cidrList(block: string, count: number, bits: number): string[] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(block);
  if (!m || !Number.isInteger(count) || !Number.isInteger(bits) || count < 1 || count > 256) return undefined;
  const base = ((+m[1]! << 24) >>> 0) + (+m[2]! << 16) + (+m[3]! << 8) + +m[4]!;
  const prefix = 32 - bits;
  if (prefix < +m[5]! || prefix > 32) return undefined;
  const size = 2 ** bits;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const addr = base + i * size;
    out.push(`${addr >>> 24}.${(addr >>> 16) & 255}.${(addr >>> 8) & 255}.${addr & 255}/${prefix}`);
  }
  return out;
}

/**
 * The value with what can be worked out worked out and the rest written as `${X}` / `${X.Attr}`
 * text: for values the design holds as text (an event pattern naming a bucket).
 */
export function evaluatePartially(value: unknown, scope: Scope): { value: unknown; placeholders: string[] } {
  const placeholders: string[] = [];
  const walk = (v: unknown): unknown => {
    const e = evaluate(v, scope);
    if (e !== UNRESOLVED) return e;
    if (Array.isArray(v)) return v.map(walk);
    if (!isObject(v)) return v;
    if (intrinsicName(v)) {
      const sub = v['Fn::Sub'];
      if (typeof sub === 'string') {
        placeholders.push(sub);
        return sub;
      }
      const pseudo = v.Ref;
      if (typeof pseudo === 'string' && pseudo.startsWith('AWS::')) {
        placeholders.push(`\${${pseudo}}`);
        return `\${${pseudo}}`;
      }
      const refs = referencesIn(v);
      const text =
        refs.map((r) => `\${${r.target}${r.attribute ? `.${r.attribute}` : ''}}`).join('') || '${?}';
      placeholders.push(text);
      return text;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return { value: walk(value), placeholders };
}
