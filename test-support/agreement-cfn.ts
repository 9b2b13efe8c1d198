/**
 * A small CloudFormation template resolver for the agreement check (pure, no Node APIs): applies
 * one environment's parameter values (and the template's defaults), evaluates Conditions and
 * `Fn::If`, `Ref` to parameters, `Fn::FindInMap`, and `Fn::Join` / `Fn::Select` / `Fn::Split` /
 * `Fn::Sub` where every input is known, and drops resources whose Condition is false. Every other
 * intrinsic stays as an opaque symbolic value (`{ Ref: id }`, `{ 'Fn::GetAtt': [id, attr] }`, ...)
 * that the meaning extractors turn into "which resource this points to".
 *
 * The same resolver reads CDK's synthesized templates (they carry Parameters, Conditions and
 * Mappings of their own), so both templates go through one path.
 */

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
  DeletionPolicy?: unknown;
  UpdateReplacePolicy?: unknown;
  Metadata?: Record<string, unknown>;
}

export interface CfnTemplate {
  Parameters?: Record<string, { Type?: string; Default?: unknown }>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources?: Record<string, CfnResource>;
}

export interface ResolvedResource {
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
  deletionPolicy?: string;
  updateReplacePolicy?: string;
  /** CDK's `aws:cdk:path` metadata, when the template was synthesized by the CDK. */
  cdkPath?: string;
}

export interface ResolvedTemplate {
  resources: Map<string, ResolvedResource>;
  parameters: Record<string, unknown>;
}

/** Marks a value removed by `Ref: AWS::NoValue`; stripped from objects and lists. */
const NO_VALUE = Symbol('AWS::NoValue');

/** A parameters file: CloudFormation's `[{ParameterKey, ParameterValue}]` list or a plain map. */
export function parameterValues(file: unknown): Record<string, string> {
  if (Array.isArray(file))
    return Object.fromEntries(
      (file as { ParameterKey: string; ParameterValue: unknown }[]).map((p) => [
        p.ParameterKey,
        String(p.ParameterValue),
      ]),
    );
  if (file && typeof file === 'object')
    return Object.fromEntries(Object.entries(file).map(([k, v]) => [k, String(v)]));
  return {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The single key of an intrinsic function object, if `value` is one. */
function intrinsic(value: unknown): [string, unknown] | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? [key, value[key]] : undefined;
}

const isKnown = (value: unknown): boolean =>
  typeof value === 'string' ||
  typeof value === 'number' ||
  typeof value === 'boolean' ||
  (Array.isArray(value) && value.every(isKnown));

export function resolveTemplate(template: CfnTemplate, given: Record<string, string> = {}): ResolvedTemplate {
  const parameters: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(template.Parameters ?? {})) {
    const raw = given[name] ?? definition.Default;
    if (raw === undefined) continue;
    const type = definition.Type ?? 'String';
    parameters[name] =
      type === 'CommaDelimitedList' || type.startsWith('List<')
        ? String(raw)
            .split(',')
            .map((s) => s.trim())
        : type === 'Number'
          ? Number(raw)
          : String(raw);
  }

  const conditionCache = new Map<string, boolean>();
  const evaluatingConditions = new Set<string>();
  const condition = (name: string): boolean => {
    const cached = conditionCache.get(name);
    if (cached !== undefined) return cached;
    const body = template.Conditions?.[name];
    if (body === undefined) throw new Error(`unknown condition ${name}`);
    if (evaluatingConditions.has(name)) throw new Error(`condition ${name} refers to itself`);
    evaluatingConditions.add(name);
    const result = evaluate(body);
    evaluatingConditions.delete(name);
    if (typeof result !== 'boolean')
      throw new Error(`condition ${name} is not decidable: ${JSON.stringify(result)}`);
    conditionCache.set(name, result);
    return result;
  };

  const evaluate = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(evaluate).filter((v) => v !== NO_VALUE);
    const fn = intrinsic(value);
    if (!fn) {
      if (!isRecord(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const resolved = evaluate(v);
        if (resolved !== NO_VALUE) out[k] = resolved;
      }
      return out;
    }
    const [name, arg] = fn;
    switch (name) {
      case 'Ref': {
        const target = String(arg);
        if (target === 'AWS::NoValue') return NO_VALUE;
        if (target in parameters) return parameters[target];
        return { Ref: target };
      }
      case 'Condition':
        return condition(String(arg));
      case 'Fn::If': {
        const [cond, whenTrue, whenFalse] = arg as [string, unknown, unknown];
        return condition(cond) ? evaluate(whenTrue) : evaluate(whenFalse);
      }
      case 'Fn::Equals': {
        const [a, b] = (arg as unknown[]).map(evaluate);
        if (!isKnown(a) || !isKnown(b))
          throw new Error(`Fn::Equals on unknown values ${JSON.stringify([a, b])}`);
        return JSON.stringify(String(a)) === JSON.stringify(String(b));
      }
      case 'Fn::Not':
        return !(evaluate((arg as unknown[])[0]) as boolean);
      case 'Fn::And':
        return (arg as unknown[]).map(evaluate).every((v) => v === true);
      case 'Fn::Or':
        return (arg as unknown[]).map(evaluate).some((v) => v === true);
      case 'Fn::FindInMap': {
        const [map, first, second] = (arg as unknown[]).map(evaluate);
        if (!isKnown(map) || !isKnown(first) || !isKnown(second))
          return { 'Fn::FindInMap': [map, first, second] };
        return template.Mappings?.[String(map)]?.[String(first)]?.[String(second)];
      }
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, unknown];
        const list = evaluate(parts);
        if (Array.isArray(list) && list.every((p) => typeof p === 'string' || typeof p === 'number'))
          return list.join(separator);
        return { 'Fn::Join': [separator, list] };
      }
      case 'Fn::Split': {
        const [separator, source] = arg as [string, unknown];
        const text = evaluate(source);
        return typeof text === 'string' ? text.split(separator) : { 'Fn::Split': [separator, text] };
      }
      case 'Fn::Select': {
        const [index, list] = (arg as unknown[]).map(evaluate);
        if (Array.isArray(list) && (typeof index === 'number' || typeof index === 'string'))
          return list[Number(index)];
        return { 'Fn::Select': [index, list] };
      }
      case 'Fn::Sub': {
        const [text, variables] = Array.isArray(arg)
          ? [String(arg[0]), evaluate(arg[1]) as Record<string, unknown>]
          : [String(arg), {}];
        let unknown = false;
        const replaced = text.replace(/\$\{([^}!]+)\}/g, (whole, variable: string) => {
          const v = variables[variable] ?? parameters[variable];
          if (typeof v === 'string' || typeof v === 'number') return String(v);
          unknown = true;
          return whole;
        });
        return unknown ? { 'Fn::Sub': Array.isArray(arg) ? [replaced, variables] : replaced } : replaced;
      }
      default:
        // Fn::GetAtt, Fn::GetAZs, Fn::ImportValue, Fn::Cidr, Fn::Base64, ...: opaque.
        return { [name]: evaluate(arg) };
    }
  };

  const resources = new Map<string, ResolvedResource>();
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Condition !== undefined && !condition(resource.Condition)) continue;
    const properties = evaluate(resource.Properties ?? {}) as Record<string, unknown>;
    const policy = (v: unknown): string | undefined => {
      const resolved = v === undefined ? undefined : evaluate(v);
      return typeof resolved === 'string' ? resolved : undefined;
    };
    const cdkPath = resource.Metadata?.['aws:cdk:path'];
    resources.set(logicalId, {
      logicalId,
      type: resource.Type,
      properties,
      deletionPolicy: policy(resource.DeletionPolicy),
      updateReplacePolicy: policy(resource.UpdateReplacePolicy),
      cdkPath: typeof cdkPath === 'string' ? cdkPath : undefined,
    });
  }
  return { resources, parameters };
}
