import type { Connection, Design, DesignNode, Properties, PropertyValue } from './schema.ts';
import type {
  AcceptedConnection,
  PropertyDefinition,
  PropertyIssue,
  ServiceDefinition,
} from '../catalog/types.ts';
import { findAcceptedConnection, getService } from '../catalog/index.ts';

/** What property checks need: a service, or a connection's settings under a name. */
export type PropertySchema = Pick<ServiceDefinition, 'displayName' | 'properties' | 'validate'>;

/** Catalog defaults for a service (or a connection's settings), as a fresh object. */
export function defaultProperties(service: Pick<PropertySchema, 'properties'>): Properties {
  const out: Properties = Object.create(null) as Properties;
  // Defaults are JSON values; a JSON round trip copies lists so callers can never mutate the catalog.
  for (const def of service.properties)
    out[def.key] = JSON.parse(JSON.stringify(def.default)) as PropertyValue;
  return out;
}

/**
 * The properties a node has in an environment: catalog defaults, then the node's own values,
 * then the environment's overrides for that node. Without `env`, the base values.
 */
export function resolveProperties(design: Design, node: DesignNode, env?: string): Properties {
  const service = getService(node.type);
  const out = service ? defaultProperties(service) : (Object.create(null) as Properties);
  for (const [k, v] of Object.entries(node.properties)) out[k] = v;
  if (env) {
    const overrides = design.environments.find((e) => e.name === env)?.overrides[node.id];
    if (overrides) for (const [k, v] of Object.entries(overrides)) out[k] = v;
  }
  return out;
}

function checkValue(def: PropertyDefinition, value: PropertyValue, path: string): PropertyIssue[] {
  switch (def.kind) {
    case 'string':
      if (typeof value !== 'string') return [{ path, message: `${def.label} must be text` }];
      if (def.maxLength !== undefined && value.length > def.maxLength)
        return [{ path, message: `${def.label} must be at most ${def.maxLength} characters` }];
      if (def.pattern && value !== '' && !new RegExp(def.pattern).test(value))
        return [{ path, message: `${def.label} ${def.patternHint ?? `must match ${def.pattern}`}` }];
      return [];
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return [{ path, message: `${def.label} must be a number` }];
      if (def.integer && !Number.isInteger(value))
        return [{ path, message: `${def.label} must be a whole number` }];
      if (def.min !== undefined && value < def.min)
        return [{ path, message: `${def.label} must be at least ${def.min}` }];
      if (def.max !== undefined && value > def.max)
        return [{ path, message: `${def.label} must be at most ${def.max}` }];
      if (def.allowedValues && !def.allowedValues.includes(value))
        return [{ path, message: `${def.label} must be one of ${def.allowedValues.join(', ')}` }];
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [{ path, message: `${def.label} must be true or false` }];
    case 'enum':
      return typeof value === 'string' && def.options.some((o) => o.value === value)
        ? []
        : [{ path, message: `${def.label} must be one of ${def.options.map((o) => o.value).join(', ')}` }];
    case 'list': {
      if (!Array.isArray(value)) return [{ path, message: `${def.label} must be a list` }];
      if (def.maxItems !== undefined && value.length > def.maxItems)
        return [{ path, message: `${def.label} holds at most ${def.maxItems} items` }];
      const issues: PropertyIssue[] = [];
      value.forEach((item, i) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
          issues.push({ path: `${path}[${i}]`, message: `${def.label} items must be records` });
          return;
        }
        for (const field of def.item) {
          const v = item[field.key] ?? field.default;
          issues.push(...checkValue(field, v, `${path}[${i}].${field.key}`));
        }
      });
      return issues;
    }
    case 'json':
      if (def.shape === 'record')
        return value !== null && typeof value === 'object' && !Array.isArray(value)
          ? []
          : [{ path, message: `${def.label} must be a record` }];
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? []
        : [{ path, message: `${def.label} must be a list of text` }];
  }
}

/** Per-property type/range checks plus the service's own cross-field checks. */
export function validateProperties(service: PropertySchema, props: Properties): PropertyIssue[] {
  const issues: PropertyIssue[] = [];
  for (const def of service.properties) {
    const value = props[def.key];
    if (value === undefined) continue;
    issues.push(...checkValue(def, value, def.key));
  }
  for (const key of Object.keys(props)) {
    if (!service.properties.some((d) => d.key === key))
      issues.push({ path: key, message: `${service.displayName} has no property "${key}"` });
  }
  if (issues.length === 0 && service.validate) issues.push(...service.validate(props));
  return issues;
}

/** The settings a connection of this (source, kind, target) has, as a property schema. */
export function connectionPropertySchema(
  accepted: AcceptedConnection | undefined,
  fromType: string,
  toType: string,
): PropertySchema {
  return {
    displayName: `The ${accepted ? `${accepted.kind} ` : ''}connection from ${fromType} to ${toType}`,
    properties: accepted?.properties ?? [],
    ...(accepted?.validate ? { validate: accepted.validate } : {}),
  };
}

/**
 * A connection's settings: the catalog defaults of its (source, kind, target), then its own
 * values. Empty for a connection the catalog defines no settings for (or does not accept).
 */
export function resolveConnectionProperties(
  design: Pick<Design, 'nodes'>,
  connection: Connection,
): Properties {
  const fromType = design.nodes.find((n) => n.id === connection.from)?.type;
  const toType = design.nodes.find((n) => n.id === connection.to)?.type;
  const accepted = fromType && toType ? findAcceptedConnection(fromType, toType, connection.kind) : undefined;
  const out = defaultProperties({ properties: accepted?.properties ?? [] });
  for (const [k, v] of Object.entries(connection.properties ?? {}))
    if (accepted?.properties?.some((d) => d.key === k)) out[k] = v;
  return out;
}
