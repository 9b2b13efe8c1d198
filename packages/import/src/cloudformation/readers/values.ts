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
  /** Resources of `type` whose properties refer to `id`. */
  referrers: (id: string, type: string) => { id: string; type: string; props: Record<string, unknown> }[];
  /** The template's resources of `type`, in source order. */
  ofType: (type: string) => { id: string; type: string; props: Record<string, unknown> }[];
  /** As `value`, writing what cannot be worked out as `${X}` text (and saying so). */
  partial: (v: unknown) => unknown;
  /** The resource's DeletionPolicy. */
  deletionPolicy?: string;
}

export type Reader = (props: Record<string, unknown>, ctx: ReadContext) => Properties;

export const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The value worked out, or when part of it cannot be, the source structure (leaves are read one by one). */
export function deep(ctx: ReadContext, v: unknown): unknown {
  const e = ctx.value(v);
  return e === undefined ? v : e;
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

/** Sets only defined values. */
export function props(entries: Record<string, PropertyValue | undefined>): Properties {
  const out: Properties = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out[k] = v;
  return out;
}

export function onDelete(ctx: ReadContext, withSnapshot: boolean): string | undefined {
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
