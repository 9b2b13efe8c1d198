import type { Rule } from '../../types.ts';
import { checkNodes, num, text } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const COG_01: Rule = {
  id: 'COG-01',
  title: 'User pools require MFA and strong passwords',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['AwsSolutions-COG1', 'AwsSolutions-COG2'],
  check: (ctx) =>
    checkNodes(ctx, COG_01, ['cognito-user-pool'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      if (text(props, 'mfa') === 'off')
        problems.push({
          code: 'mfa',
          message: `${node.name} does not offer multi-factor authentication`,
          why: 'Passwords get phished and reused; a second factor stops most account takeovers.',
          fixTitle: 'Require MFA',
          set: { mfa: 'required' },
        });
      const length = num(props, 'passwordMinLength');
      if (length !== undefined && length < 8)
        problems.push({
          code: 'password',
          message: `${node.name} accepts passwords of ${length} characters`,
          why: 'Short passwords fall to guessing quickly; 8 characters is the minimum and 12 or more is better.',
          fixTitle: 'Require 12 characters',
          set: { passwordMinLength: 12 },
        });
      return problems;
    }),
};
