/**
 * How stateful resources are protected from deletion, decided once per component and
 * environment so CDK, Terraform and CloudFormation protect the same things the same way.
 *
 * Stateful here means a resource whose loss loses data no deploy can bring back: databases
 * (rds, aurora, neptune), tables (dynamodb), buckets (s3), search domains (opensearch) and
 * time-series databases (timestream). Not decided here, and unchanged: ElastiCache (a cache
 * its clients refill; no `onDelete` choice), log groups and secrets (always retained: they are
 * cheap, and a deleted secret or audit log cannot be recreated with the same contents), and
 * access-log buckets (always retained, see decisions.ts).
 *
 * Each environment resolves the component's `onDelete` property: 'default' protects in
 * production environments (`production` on the environment, else its name) and deletes
 * elsewhere; 'retain', 'snapshot' and 'delete' are the user's override.
 */
import { isProductionEnvironment } from '@archgen/model';
import type { LowerContext } from './context.ts';
import type { DeletionAction, ResolvedComponent, ResolvedProtection } from './types.ts';

/**
 * The stateful types: whether deleting one can leave a final snapshot (CloudFormation
 * DeletionPolicy Snapshot, CDK RemovalPolicy.SNAPSHOT, Terraform final_snapshot_identifier), and
 * whether the service itself can refuse deletion (a DeletionProtection switch).
 */
export const STATEFUL_TYPES: Readonly<Record<string, { snapshot: boolean; deletionProtection: boolean }>> = {
  aurora: { snapshot: true, deletionProtection: true },
  // Its vault holds the recovery points (AWS refuses to delete a vault that is not empty).
  'backup-plan': { snapshot: false, deletionProtection: false },
  dynamodb: { snapshot: false, deletionProtection: true },
  'ecr-repository': { snapshot: false, deletionProtection: false },
  efs: { snapshot: false, deletionProtection: false },
  neptune: { snapshot: true, deletionProtection: true },
  opensearch: { snapshot: false, deletionProtection: false },
  rds: { snapshot: true, deletionProtection: true },
  s3: { snapshot: false, deletionProtection: false },
  timestream: { snapshot: false, deletionProtection: false },
};

/** What keeps the most when environments differ: retain keeps everything, a snapshot the data. */
const STRENGTH: Record<DeletionAction, number> = { delete: 0, snapshot: 1, retain: 2 };

/** The action an environment takes; `onDelete` is the resolved catalog property. */
export function deletionActionOf(onDelete: unknown, production: boolean, snapshot: boolean): DeletionAction {
  if (onDelete === 'retain' || onDelete === 'delete') return onDelete;
  if (onDelete === 'snapshot') return snapshot ? 'snapshot' : 'retain';
  // 'default' or absent (a derived component has no onDelete).
  if (!production) return 'delete';
  return snapshot ? 'snapshot' : 'retain';
}

/** The strongest action of any environment: the one literal for targets that need one. */
export function strongestAction(actions: readonly DeletionAction[]): DeletionAction {
  return actions.reduce<DeletionAction>((a, b) => (STRENGTH[b] > STRENGTH[a] ? b : a), 'delete');
}

function protectionOf(ctx: LowerContext, component: ResolvedComponent): ResolvedProtection | undefined {
  const spec = STATEFUL_TYPES[component.type];
  if (!spec) return undefined;
  const production = new Map(ctx.design.environments.map((e) => [e.name, isProductionEnvironment(e)]));
  const actions = ctx.envs.map((env) =>
    deletionActionOf(component.props.onDelete?.byEnv[env], production.get(env) === true, spec.snapshot),
  );
  const onDelete = ctx.envValue(actions);
  const protection: ResolvedProtection = { onDelete, policy: strongestAction(actions) };
  if (spec.snapshot) protection.finalSnapshot = ctx.envValue(actions.map((a) => a !== 'delete'));
  if (spec.deletionProtection) {
    // Databases keep their own switch (deletionProtection, on by default): it can turn protection
    // off where the resource is kept, never on where it is to be deleted (AWS would refuse).
    const own = component.props.deletionProtection;
    protection.deletionProtection = ctx.envValue(
      ctx.envs.map((env, i) => actions[i] !== 'delete' && own?.byEnv[env] !== false),
    );
  }
  return protection;
}

/** Sets `protection` (and `deletionProtection` where the service has it) on stateful components. */
export function lowerProtection(ctx: LowerContext): void {
  for (const component of ctx.orderedComponents()) {
    const protection = protectionOf(ctx, component);
    if (!protection) continue;
    component.protection = protection;
    if (protection.deletionProtection) component.deletionProtection = protection.deletionProtection;
  }
}
