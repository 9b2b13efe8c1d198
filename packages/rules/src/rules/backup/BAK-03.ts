import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const BAK_03: Rule = {
  id: 'BAK-03',
  title: 'Production backup vaults are locked',
  pillar: 'security',
  severity: 'low',
  // AWS Config managed rule backup-recovery-point-manual-deletion-disabled (no checkov or cdk-nag id).
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, BAK_03, ['backup-plan'], 'production', (node, props) => {
      if (flag(props, 'vaultLock') === true) return undefined;
      return {
        message: `${node.name} keeps production recovery points in an unlocked vault`,
        why: 'Anyone with the credentials to delete recovery points (an attacker holding ransom, a cleanup script) can erase the backups with the data. A vault lock refuses deletes before the minimum retention.',
        fixTitle: 'Lock the vault',
        // The lock is the same in every environment: set it on the node, not as an override.
        actions: [{ kind: 'set-property', nodeId: node.id, key: 'vaultLock', value: true }],
      };
    }),
};
