import type { Finding, FixAction, Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';

const MOUNT_KINDS = new Set(['read', 'read-write']);

export const EFS_03: Rule = {
  id: 'EFS-03',
  title: 'A Lambda function mounts EFS from inside its VPC, one file system at a time',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    const mounted = new Set<string>();
    for (const c of ctx.design.connections) {
      if (!MOUNT_KINDS.has(c.kind)) continue;
      const fn = ctx.nodesById.get(c.from);
      const fs = ctx.nodesById.get(c.to);
      if (fn?.type !== 'lambda' || fs?.type !== 'efs') continue;
      const fsVpc = fs.placement ? ctx.vpcsById.get(fs.placement.vpcId) : undefined;
      if (!fsVpc) continue;
      if (fn.placement?.vpcId !== fsVpc.id) {
        // Lambda reaches mount targets only through network interfaces in their VPC.
        const move: FixAction[] = fsVpc.tiers.includes('private')
          ? [{ kind: 'move-node', nodeId: fn.id, vpcId: fsVpc.id, tier: 'private' }]
          : [];
        findings.push(
          makeFinding(
            EFS_03,
            connectionTarget(c),
            fn.placement
              ? `${fn.name} is in another VPC than ${fs.name} and cannot mount it`
              : `${fn.name} is not in a VPC and cannot mount ${fs.name}`,
            'Lambda mounts EFS through an access point over network interfaces in the file system’s VPC; without VPC placement the mount is not made.',
            { title: `Move ${fn.name} to the private subnet of ${fsVpc.name}`, actions: move },
          ),
        );
        continue;
      }
      // A function takes one file system: the first connection (in design order) is mounted.
      if (mounted.has(fn.id))
        findings.push(
          makeFinding(
            EFS_03,
            connectionTarget(c),
            `${fn.name} already mounts a file system; ${fs.name} is not mounted`,
            'A Lambda function can mount only one file system; the first connection wins.',
            {
              title: 'Remove this connection',
              actions: [{ kind: 'remove-connection', connectionId: c.id }],
            },
          ),
        );
      mounted.add(fn.id);
    }
    return findings;
  },
};
