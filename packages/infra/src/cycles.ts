/**
 * Dependency cycles the references would create. A function's environment variables and its
 * role's policy name other resources; when two functions invoke each other, each would wait for
 * the other to exist, and CloudFormation and Terraform refuse the cycle. The lowering breaks it
 * once for all targets: on a cycle, a reference to a function becomes a reference by its physical
 * name, which the function then sets up front.
 */
import type { ResolvedComponent, ResolvedRole, ResourceRef } from './types.ts';

/** Types whose physical name every generator can print before the resource exists. */
const NAMEABLE_UP_FRONT = new Set(['lambda']);

interface Reference {
  from: string;
  ref: ResourceRef;
}

export function breakReferenceCycles(
  components: readonly ResolvedComponent[],
  roles: readonly ResolvedRole[],
): void {
  const references: Reference[] = [];
  for (const component of components)
    for (const variable of component.environment)
      if ('componentId' in variable.value) references.push({ from: component.id, ref: variable.value });
  // A role's policy is part of its owner: the owner cannot be created before the policy exists.
  for (const role of roles)
    for (const statement of role.statements)
      for (const ref of statement.resources) references.push({ from: role.componentId, ref });

  const edges = new Map<string, Set<string>>();
  for (const { from, ref } of references) {
    let targets = edges.get(from);
    if (!targets) edges.set(from, (targets = new Set()));
    targets.add(ref.componentId);
  }
  const reaches = (start: string, goal: string): boolean => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === goal) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const next of edges.get(id) ?? []) stack.push(next);
    }
    return false;
  };

  const byId = new Map(components.map((c) => [c.id, c]));
  for (const { from, ref } of references) {
    const target = byId.get(ref.componentId);
    if (!target || !NAMEABLE_UP_FRONT.has(target.type)) continue;
    if (ref.attribute !== 'name' && ref.attribute !== 'arn') continue;
    if (!reaches(ref.componentId, from)) continue;
    ref.byName = true;
    target.namedUpFront = true;
  }
}
