/**
 * Engine versions, decided once per versioned component and environment: the version each
 * environment runs (the catalog default when the design names none; per-environment overrides
 * apply) and its major version. Which property holds it comes from the model's
 * `engineVersionProperty` (the engine decides for Aurora and RDS; Memcached has no version).
 * Generators print `component.engineVersion`; they never read the version properties.
 */
import { engineVersionProperty } from '@archgen/model';
import type { LowerContext } from './context.ts';
import type { ResolvedComponent, ResolvedEngineVersion } from './types.ts';

function engineVersionOf(ctx: LowerContext, component: ResolvedComponent): ResolvedEngineVersion | undefined {
  const versions: string[] = [];
  const majors: string[] = [];
  for (const env of ctx.envs) {
    const props = Object.fromEntries(Object.entries(component.props).map(([k, v]) => [k, v.byEnv[env]]));
    const where = engineVersionProperty(component.type, props);
    if (!where) return undefined;
    const version = props[where.key];
    if (typeof version !== 'string' || version === '')
      throw new Error(`${component.type} "${component.id}" has no ${where.key} in ${env}`);
    versions.push(version);
    majors.push(where.versions.majorOf(version));
  }
  return { version: ctx.envValue(versions), major: ctx.envValue(majors) };
}

export function lowerEngineVersions(ctx: LowerContext): void {
  for (const component of ctx.orderedComponents()) {
    // Derived components (secrets, log groups, ...) carry no engine of their own.
    if (component.derived) continue;
    const engineVersion = engineVersionOf(ctx, component);
    if (engineVersion) component.engineVersion = engineVersion;
  }
}
