import type { ResolvedComponent, ResolvedGraph } from '@archgen/infra';
import type { StackContext } from '../context.ts';

/** Emits the construct(s) of one component type into the stack and registers its handle. */
export interface ComponentEmitter {
  /** Components whose constructs must exist before this one is created (beyond DLQ, log group, secret). */
  dependencies?(component: ResolvedComponent, graph: ResolvedGraph): string[];
  emit(component: ResolvedComponent, ctx: StackContext): void;
  /**
   * What names components emitted after this one, run once every component exists (a zone's
   * alias records name the front doors, which may use a certificate validated in the zone).
   */
  emitAfterComponents?(component: ResolvedComponent, ctx: StackContext): void;
}
