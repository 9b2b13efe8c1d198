import type { Rule } from '../../types.ts';
import { checkNodes, num, text } from '../../rule-kit.ts';

/** Fargate's valid memory sizes (MiB) per CPU units: [min, max, step]. */
const FARGATE_MEMORY: Record<string, readonly [number, number, number]> = {
  '256': [512, 2048, 512],
  '512': [1024, 4096, 1024],
  '1024': [2048, 8192, 1024],
  '2048': [4096, 16384, 1024],
  '4096': [8192, 30720, 1024],
  '8192': [16384, 61440, 4096],
  '16384': [32768, 122880, 8192],
};

function validMemories(cpu: string): number[] {
  const range = FARGATE_MEMORY[cpu];
  if (!range) return [];
  const [min, max, step] = range;
  const sizes: number[] = [];
  // 0.25 vCPU also allows 512, 1024 and 2048 only (no 1536), so step through explicitly.
  for (let m = min; m <= max; m += step) if (cpu !== '256' || m !== 1536) sizes.push(m);
  return sizes;
}

export const ECS_03: Rule = {
  id: 'ECS-03',
  title: 'Fargate CPU and memory form a valid pair',
  pillar: 'reliability',
  severity: 'critical',
  equivalents: ['E3047'],
  check: (ctx) =>
    checkNodes(ctx, ECS_03, ['ecs-fargate'], 'all', (node, props) => {
      const cpu = String(props.cpu ?? '');
      const memory = num(props, 'memoryMiB');
      const sizes = validMemories(cpu);
      if (memory === undefined || sizes.length === 0 || sizes.includes(memory)) return undefined;
      const closest = sizes.find((m) => m >= memory) ?? sizes[sizes.length - 1]!;
      return {
        message: `${node.name} asks for ${memory} MiB with ${text(props, 'cpu') ?? cpu} CPU units; Fargate allows ${sizes[0]}-${sizes[sizes.length - 1]} MiB for that CPU`,
        why: 'Fargate only runs fixed CPU/memory combinations; any other pair fails when the task definition is registered.',
        fixTitle: `Use ${closest} MiB`,
        set: { memoryMiB: closest },
      };
    }),
};
