/**
 * Groups for local modules: every node read from a module instance's blocks goes into a group
 * named after the instance's address (`module.app`; nested calls flatten to one group per
 * instance, named by their path: `module.app.module.queue`). A module that makes no node (only
 * network, say) gets no group. The rules say the exports write the members flat (IMP-05).
 */
import { idStem, uniqueId, type DesignGroup, type DesignNode } from '@archgen/model';
import type { Configuration, ModuleInstance } from './config.ts';

export function moduleGroups(
  cfg: Configuration,
  nodes: ReadonlyMap<string, DesignNode>,
  taken: Set<string>,
): DesignGroup[] {
  // Where each node's block (or kept module call) was written.
  const instanceOf = new Map<string, ModuleInstance>();
  for (const instance of cfg.instances) {
    for (const b of [...instance.resources, ...instance.data]) instanceOf.set(b.address, instance);
    for (const call of instance.modules) instanceOf.set(call.address, instance);
  }
  const groups: DesignGroup[] = [];
  const groupOf = new Map<ModuleInstance, DesignGroup>();
  for (const [address, node] of nodes) {
    const instance = instanceOf.get(address);
    if (!instance?.call) continue;
    let group = groupOf.get(instance);
    if (!group) {
      const name = instance.prefix.replace(/\.$/, '');
      const stem = idStem(name.replace(/\./g, '-'));
      const id = taken.has(stem) ? uniqueId(stem, taken, 2) : stem;
      taken.add(id);
      group = { id, name: name.slice(0, 256), kind: 'terraform-module', source: instance.call.source };
      groupOf.set(instance, group);
      groups.push(group);
    }
    node.group = group.id;
  }
  // In the order the module calls are written, whatever order the nodes came in.
  const callOrder = new Map(cfg.modules.map((call, i) => [call.address, i]));
  const rank = (group: DesignGroup) => callOrder.get(group.name) ?? cfg.modules.length;
  return groups.sort((a, b) => rank(a) - rank(b));
}
