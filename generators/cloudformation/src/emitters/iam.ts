/**
 * IAM roles with one service principal and inline least-privilege policies: the role's own
 * statements plus those of the grants attached to it, exactly as the lowering decided (IAM-01/02).
 */
import type { PolicyStatement, ResolvedRole } from '@archgen/infra';
import type { EmitContext, Suppression } from '../context.ts';
import { ref, sub, type TemplateValue } from '../template/intrinsics.ts';

function policyStatement(statement: PolicyStatement, ctx: EmitContext): TemplateValue {
  const resources = statement.wildcardResource ? ['*'] : statement.resources.map((r) => ctx.ref(r));
  return {
    Sid: statement.sid.replace(/[^A-Za-z0-9]/g, ''),
    Effect: 'Allow',
    Action: [...statement.actions],
    Resource: resources.length === 1 ? resources[0]! : resources,
    ...(statement.conditions?.length ? { Condition: conditionsOf(statement, ctx) } : {}),
  };
}

/** `{ StringEquals: { key: value } }`, operators and keys in the lowering's order. */
function conditionsOf(statement: PolicyStatement, ctx: EmitContext): TemplateValue {
  const byOperator: Record<string, Record<string, TemplateValue>> = {};
  for (const c of statement.conditions ?? [])
    (byOperator[c.operator] ??= {})[c.key] = typeof c.value === 'string' ? c.value : ctx.ref(c.value);
  return byOperator;
}

function managedPolicyArn(policy: string): TemplateValue {
  return policy.startsWith('arn:') ? policy : sub(`arn:\${AWS::Partition}:iam::aws:policy/${policy}`);
}

const policyDocument = (statements: PolicyStatement[], ctx: EmitContext): TemplateValue => ({
  Version: '2012-10-17',
  Statement: statements.map((s) => policyStatement(s, ctx)),
});

export function emitRole(role: ResolvedRole, ctx: EmitContext): void {
  const statements = [...role.statements];
  const sids = new Set(statements.map((s) => s.sid));
  for (const grant of ctx.grantsOfRole(role.id)) {
    for (const statement of grant.statements) {
      if (sids.has(statement.sid)) continue;
      sids.add(statement.sid);
      statements.push(statement);
    }
  }
  const suppressions: Suppression[] = statements
    .filter((s) => s.wildcardResource)
    .flatMap((s) => [
      { id: 'CNAG W11', reason: s.wildcardResource!.reason },
      { id: 'CKV_AWS_111', reason: s.wildcardResource!.reason },
      { id: 'CKV_AWS_356', reason: s.wildcardResource!.reason },
    ]);
  const id = role.names.logicalId;
  ctx.template.addResource(id, {
    Type: 'AWS::IAM::Role',
    Metadata: ctx.metadata([], suppressions),
    Properties: {
      Description: role.description,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: role.assumedBy }, Action: 'sts:AssumeRole' }],
      },
      ManagedPolicyArns:
        role.managedPolicies.length > 0 ? role.managedPolicies.map(managedPolicyArn) : undefined,
      Policies:
        statements.length > 0
          ? [{ PolicyName: 'least-privilege', PolicyDocument: policyDocument(statements, ctx) }]
          : undefined,
      Tags: ctx.tags(),
    },
  });
}

/** An instance profile for EC2 roles (Auto Scaling groups). */
export function instanceProfile(role: ResolvedRole, ctx: EmitContext): string {
  return ctx.template.addResource(`${role.names.logicalId}InstanceProfile`, {
    Type: 'AWS::IAM::InstanceProfile',
    Properties: { Roles: [ref(role.names.logicalId)] },
  });
}
