import type { Rule } from '../../types.ts';
import { checkNodes, num } from '../../rule-kit.ts';

/** AWS Config's backup-plan-min-frequency-and-min-retention-check asks for 35 days by default. */
export const PRODUCTION_MIN_RETENTION_DAYS = 35;

export const BAK_02: Rule = {
  id: 'BAK-02',
  title: 'Production backups are kept at least 35 days',
  pillar: 'reliability',
  severity: 'medium',
  // AWS Config managed rule backup-plan-min-frequency-and-min-retention-check (no checkov or cdk-nag id).
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, BAK_02, ['backup-plan'], 'production', (node, props) => {
      // 0 is the default: 35 days in production (the lowering decides it).
      const days = num(props, 'retentionDays') ?? 0;
      if (days === 0 || days >= PRODUCTION_MIN_RETENTION_DAYS) return undefined;
      return {
        message: `${node.name} keeps production recovery points only ${days} days`,
        why: `Corruption or a bad migration is often found weeks later; with fewer than ${PRODUCTION_MIN_RETENTION_DAYS} days of recovery points the last good copy may already be gone.`,
        fixTitle: `Keep them ${PRODUCTION_MIN_RETENTION_DAYS} days`,
        set: { retentionDays: PRODUCTION_MIN_RETENTION_DAYS },
      };
    }),
};
