import type { Design } from '@archgen/model';
import { connectionIndex, nodeIndex, vpcIndex } from '../store/selectors.ts';

/** What a person calls a node, connection or VPC id ("API → Orders table", "VPC main"). */
export function targetName(design: Design, id: string): string {
  const nodes = nodeIndex(design);
  const node = nodes.get(id);
  if (node) return node.name;
  const vpc = vpcIndex(design).get(id);
  if (vpc) return `VPC ${vpc.name}`;
  const c = connectionIndex(design).get(id);
  if (c) return `${nodes.get(c.from)?.name ?? c.from} → ${nodes.get(c.to)?.name ?? c.to}`;
  return id === 'design' ? 'Design' : id;
}
