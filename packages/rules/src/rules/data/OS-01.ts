import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

const SETTINGS: readonly { key: string; message: string; fixTitle: string }[] = [
  { key: 'encryptionAtRest', message: 'stores its indices unencrypted', fixTitle: 'Encrypt at rest' },
  {
    key: 'nodeToNodeEncryption',
    message: 'sends data between nodes unencrypted',
    fixTitle: 'Encrypt node-to-node traffic',
  },
  { key: 'enforceHttps', message: 'accepts plain HTTP requests', fixTitle: 'Require HTTPS' },
];

export const OS_01: Rule = {
  id: 'OS-01',
  title: 'Search domains encrypt at rest, between nodes and require HTTPS',
  pillar: 'security',
  severity: 'high',
  equivalents: [
    'AwsSolutions-OS1',
    'AwsSolutions-OS2',
    'AwsSolutions-OS8',
    'CKV_AWS_5',
    'CKV_AWS_6',
    'CKV_AWS_83',
  ],
  check: (ctx) =>
    checkNodes(ctx, OS_01, ['opensearch'], 'all', (node, props) =>
      SETTINGS.filter((s) => flag(props, s.key) === false).map((s): NodeProblem => ({
        code: s.key,
        message: `${node.name} ${s.message}`,
        why: 'Search indices hold copies of application data; each unencrypted hop or disk is a place it can be read.',
        fixTitle: s.fixTitle,
        set: { [s.key]: true },
      })),
    ),
};
