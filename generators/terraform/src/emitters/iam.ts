/** iam.tf: roles trusted by one service principal, with the lowering's least-privilege statements. */
import type { PolicyStatement, ResolvedRole } from '@archgen/infra';
import { compareIds } from '@archgen/infra';
import { type BodyItem, type Expr, attr, block, comment, ref, str } from '../hcl/ast.ts';
import { type TfContext, snake } from '../context.ts';
import { jsonencode, skip, tags } from './common.ts';

export function policyDocument(ctx: TfContext, statements: PolicyStatement[]): Expr {
  return jsonencode({
    Version: '2012-10-17',
    Statement: statements.map((s) => {
      const resources = s.wildcardResource ? [str('*')] : s.resources.map((r) => ctx.ref(r));
      return {
        Sid: s.sid.replace(/[^A-Za-z0-9]/g, ''),
        Effect: 'Allow',
        Action: s.actions.length === 1 ? s.actions[0] : s.actions,
        Resource: resources.length === 1 ? resources[0] : resources,
        ...(s.conditions?.length ? { Condition: conditionsOf(ctx, s) } : {}),
      };
    }),
  });
}

/** `{ StringEquals = { key = value } }`, operators and keys in the lowering's order. */
function conditionsOf(ctx: TfContext, statement: PolicyStatement): Record<string, Record<string, unknown>> {
  const byOperator: Record<string, Record<string, unknown>> = {};
  for (const c of statement.conditions ?? [])
    (byOperator[c.operator] ??= {})[c.key] = typeof c.value === 'string' ? c.value : ctx.ref(c.value);
  return byOperator;
}

function managedPolicyArn(policy: string): string {
  return policy.startsWith('arn:') ? policy : `arn:aws:iam::aws:policy/${policy}`;
}

export function emitRole(ctx: TfContext, role: ResolvedRole): void {
  const name = role.names.tfName;
  const owner = ctx.findComponent(role.componentId);
  ctx.add(
    'iam.tf',
    block(
      'resource',
      ['aws_iam_role', name],
      [
        attr('name', ctx.physicalName(role.names.slug, 64)),
        attr(
          'assume_role_policy',
          jsonencode({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { Service: role.assumedBy }, Action: 'sts:AssumeRole' },
            ],
          }),
        ),
        tags(owner ? `${owner.names.display} ${role.purpose} role` : role.names.display),
      ],
    ),
  );
  for (const policy of [...role.managedPolicies].sort((a, b) => compareIds(a, b))) {
    ctx.add(
      'iam.tf',
      block(
        'resource',
        ['aws_iam_role_policy_attachment', `${name}_${snake(policy.split('/').pop()!)}`],
        [attr('role', ref(`aws_iam_role.${name}.name`)), attr('policy_arn', str(managedPolicyArn(policy)))],
        ['An AWS managed policy, used only where AWS offers no narrower option (IAM-02).'],
      ),
    );
  }
  if (role.statements.length > 0) {
    const wildcards = role.statements.filter((s) => s.wildcardResource);
    const body: BodyItem[] = [];
    const wildcard = wildcards.length > 0;
    if (wildcard) {
      const reason = [...new Set(wildcards.map((s) => s.wildcardResource!.reason))].join('; ');
      body.push(
        comment(`Resource "*" (IAM-01): ${reason}`),
        skip('CKV_AWS_355', reason),
        skip('CKV_AWS_290', reason),
      );
    }
    ctx.add(
      'iam.tf',
      block(
        'resource',
        ['aws_iam_role_policy', name],
        [
          body,
          attr('name', str('least-privilege')),
          attr('role', ref(`aws_iam_role.${name}.id`)),
          attr('policy', policyDocument(ctx, role.statements)),
        ],
        wildcard ? ['trivy:ignore:AVD-AWS-0057'] : [],
      ),
    );
  }
  if (role.purpose === 'instance') {
    ctx.add(
      'iam.tf',
      block(
        'resource',
        ['aws_iam_instance_profile', name],
        [
          attr('name', ctx.physicalName(role.names.slug, 128)),
          attr('role', ref(`aws_iam_role.${name}.name`)),
        ],
      ),
    );
  }
}
