/**
 * What every service reader uses to read a source value: the value worked out with parameters,
 * mappings and conditions, as a number, text or switch, or undefined when it cannot be.
 */
import type { Properties, PropertyValue } from '@archgen/model';

/** What a reader may look at besides the resource's own properties. */
export interface ReadContext {
  /** The resource's logical ID. */
  id: string;
  /** The value with parameters, mappings and conditions applied (UNRESOLVED-free or undefined). */
  value: (v: unknown) => unknown;
  /** The resource a Ref/GetAtt value points at. */
  resource: (v: unknown) => { id: string; type: string; props: Record<string, unknown> } | undefined;
  /**
   * Whether the resource a Ref/GetAtt value points at is read as a node of its own (a drawn key or
   * web ACL, whose connection then says what the property would).
   */
  isNode: (v: unknown) => boolean;
  /** Resources of `type` whose properties refer to `id`. */
  referrers: (id: string, type: string) => { id: string; type: string; props: Record<string, unknown> }[];
  /** The template's resources of `type`, in source order. */
  ofType: (type: string) => { id: string; type: string; props: Record<string, unknown> }[];
  /** As `value`, writing what cannot be worked out as `${X}` text (and saying so). */
  partial: (v: unknown) => unknown;
  /** The resource's DeletionPolicy. */
  deletionPolicy?: string;
  /**
   * Set in a template archgen wrote: whether this environment is a production one, and whether
   * any is, which is what archgen's `default` choices follow (protect and back up in production).
   */
  archgen?: { production: boolean; anyProduction: boolean };
}

export type Reader = (props: Record<string, unknown>, ctx: ReadContext) => Properties;

export const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The value worked out, or when part of it cannot be, the source structure (leaves are read one by one). */
export function deep(ctx: ReadContext, v: unknown): unknown {
  const e = ctx.value(v);
  if (e !== undefined) return e;
  // `!If [Cond, {...}, ...]` around a structure that names a resource: the environment's branch.
  const branches = obj(v)['Fn::If'];
  if (Array.isArray(branches) && branches.length === 3) {
    const holds = bool(ctx, { 'Fn::If': [branches[0], true, false] });
    if (holds !== undefined) return deep(ctx, branches[holds ? 1 : 2]);
  }
  return v;
}

export function num(ctx: ReadContext, v: unknown): number | undefined {
  const e = ctx.value(v);
  if (typeof e === 'number') return e;
  if (typeof e === 'string' && e.trim() !== '' && Number.isFinite(Number(e))) return Number(e);
  return undefined;
}
export function str(ctx: ReadContext, v: unknown): string | undefined {
  const e = ctx.value(v);
  return typeof e === 'string' ? e : typeof e === 'number' ? String(e) : undefined;
}
export function bool(ctx: ReadContext, v: unknown): boolean | undefined {
  const e = ctx.value(v);
  if (typeof e === 'boolean') return e;
  if (e === 'true' || e === 'True') return true;
  if (e === 'false' || e === 'False') return false;
  return undefined;
}

/**
 * Whether a property is given in this environment: `!If [Cond, {...}, !Ref AWS::NoValue]` leaves
 * it out where Cond is false. A condition that cannot be worked out counts as given.
 */
export function given(ctx: ReadContext, v: unknown): boolean {
  const presence = (x: unknown): unknown => {
    if (x === undefined || obj(x).Ref === 'AWS::NoValue') return false;
    const branches = obj(x)['Fn::If'];
    if (Array.isArray(branches) && branches.length === 3)
      return { 'Fn::If': [branches[0], presence(branches[1]), presence(branches[2])] };
    return true;
  };
  return bool(ctx, presence(v)) ?? true;
}

/**
 * A database's own deletion-protection switch. Where archgen's `onDelete: default` deletes the
 * resource (an environment that is not production) it turns the switch off whatever the design
 * says, so off tells nothing there: the catalog's value stands.
 */
export function deletionProtection(ctx: ReadContext, v: unknown, withSnapshot: boolean): boolean | undefined {
  const on = bool(ctx, v) ?? false;
  if (ctx.archgen && !ctx.archgen.production && !on && onDelete(ctx, withSnapshot) === 'default')
    return undefined;
  return on;
}

/**
 * An on/off choice whose `default` is on in production: read back as `default` from a template
 * archgen wrote where it says what the default would.
 */
export function onInProduction(ctx: ReadContext, on: boolean): string {
  if (ctx.archgen && on === ctx.archgen.production) return 'default';
  return on ? 'on' : 'off';
}

/** Sets only defined values. */
export function props(entries: Record<string, PropertyValue | undefined>): Properties {
  const out: Properties = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out[k] = v;
  return out;
}

export function onDelete(ctx: ReadContext, withSnapshot: boolean): string | undefined {
  // archgen writes the policy its default gives (protect in production, delete elsewhere) as the
  // strongest over the environments: reading it back as the default is the same template.
  if (ctx.archgen) {
    const byDefault = ctx.archgen.anyProduction ? (withSnapshot ? 'Snapshot' : 'Retain') : 'Delete';
    if ((ctx.deletionPolicy ?? 'Delete') === byDefault) return 'default';
  }
  switch (ctx.deletionPolicy) {
    case 'Retain':
    case 'RetainExceptOnCreate':
      return 'retain';
    case 'Delete':
      return 'delete';
    case 'Snapshot':
      return withSnapshot ? 'snapshot' : undefined;
    default:
      return undefined;
  }
}
