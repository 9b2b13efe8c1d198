/**
 * Which API the template leaves out (shared by the API's and the zone's emitters, which may not
 * import each other).
 */
import type { ResolvedComponent, ResolvedRoute } from '@archgen/infra';
import type { EmitContext } from '../context.ts';

/** The function integrations of an API. */
export function functionRoutes(api: ResolvedComponent, ctx: EmitContext): ResolvedRoute[] {
  return ctx.graph.routes.filter((r) => r.kind === 'api-integration' && r.frontDoorId === api.id);
}

/** A REST API without a method cannot be deployed: the template leaves it (and its domains) out. */
export function restApiOmitted(api: ResolvedComponent, ctx: EmitContext): boolean {
  return ctx.constant(api, 'apiType') === 'rest' && functionRoutes(api, ctx).length === 0;
}
