import type { Rule } from '../../types.ts';
import { FARGATE_MEMORY_BY_CPU } from '@archgen/model';
import { checkNodes, num, text } from '../../rule-kit.ts';

export const ECS_03: Rule = {
  id: 'ECS-03',
  title: 'Fargate CPU and memory form a valid pair',
  pillar: 'reliability',
  severity: 'critical',
  equivalents: ['E3047'],
  breaksGeneratedCode: {
    reason: 'ECS refuses to register a task definition with a CPU/memory pair Fargate does not offer',
  },
  check: (ctx) =>
    checkNodes(ctx, ECS_03, ['ecs-fargate'], 'all', (node, props) => {
      const cpu = String(props.cpu ?? '');
      const memory = num(props, 'memoryMiB');
      const sizes = FARGATE_MEMORY_BY_CPU[cpu] ?? [];
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
