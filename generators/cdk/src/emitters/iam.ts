/**
 * IAM: one role per lowering role (scoped trust, no AWS-managed policy unless the lowering lists
 * one AWS requires), and the lowering's statements where no CDK grant method covers them.
 */
import type { PolicyStatement, ResolvedRole } from '@archgen/infra';
import { compareIds } from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { camelCase, plainText } from '../naming.ts';

/** AWS-managed policies a role of this purpose cannot work without, when the lowering left them out. */
const REQUIRED_MANAGED_POLICIES: Partial<Record<ResolvedRole['purpose'], string[]>> = {
  cluster: ['AmazonEKSClusterPolicy'],
  'node-group': ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly'],
};

/** "arn:aws:iam::aws:policy/service-role/X" or "service-role/X" -> "service-role/X". */
export function managedPolicyName(policy: string): string {
  const index = policy.indexOf(':policy/');
  return index >= 0 ? policy.slice(index + ':policy/'.length) : policy;
}

export function managedPoliciesOf(role: ResolvedRole, needsVpcAccess: boolean): string[] {
  const names = new Set(role.managedPolicies.map(managedPolicyName));
  for (const required of REQUIRED_MANAGED_POLICIES[role.purpose] ?? []) names.add(required);
  if (needsVpcAccess) names.add('service-role/AWSLambdaVPCAccessExecutionRole');
  return [...names].sort((a, b) => compareIds(a, b));
}

export function emitRole(ctx: StackContext, role: ResolvedRole): void {
  const owner = ctx.component(role.componentId);
  const needsVpcAccess = role.purpose === 'function' && owner.placement !== null;
  const policies = managedPoliciesOf(role, needsVpcAccess);
  const name = camelCase(role.names.logicalId) || 'role';
  const construct = newExpr(
    ctx.api('iam', 'Role'),
    ctx.scope,
    lit(role.names.logicalId),
    obj({
      assumedBy: newExpr(ctx.api('iam', 'ServicePrincipal'), lit(role.assumedBy)),
      description: role.description === undefined ? undefined : lit(plainText(role.description)),
      managedPolicies: policies.length
        ? arr(policies.map((p) => call(ctx.api('iam', 'ManagedPolicy.fromAwsManagedPolicyName'), lit(p))))
        : undefined,
    }),
  );
  const variable = ctx.declare(name, construct, 'Role');
  ctx.roles.set(role.id, variable);
  for (const policy of policies)
    ctx.acknowledge(
      variable,
      `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policy}]`,
      `AWS requires this managed policy for a ${role.purpose} role and offers no narrower one.`,
    );
}

export function policyStatement(ctx: StackContext, statement: PolicyStatement): Expr {
  const resources =
    statement.wildcardResource || statement.resources.length === 0
      ? [lit('*')]
      : statement.resources.map((r) => ctx.resolveRef(r));
  return newExpr(
    ctx.api('iam', 'PolicyStatement'),
    obj({
      sid: statement.sid ? lit(statement.sid.replace(/[^A-Za-z0-9]/g, '')) : undefined,
      actions: arr(statement.actions.map((a) => lit(a))),
      resources: arr(resources),
      conditions: statement.conditions?.length ? conditionsOf(ctx, statement) : undefined,
    }),
  );
}

/** `{ StringEquals: { key: value } }`, operators and keys in the lowering's order. */
function conditionsOf(ctx: StackContext, statement: PolicyStatement): Expr {
  const byOperator = new Map<string, Record<string, Expr>>();
  for (const c of statement.conditions ?? []) {
    const entries = byOperator.get(c.operator) ?? {};
    entries[c.key] = typeof c.value === 'string' ? lit(c.value) : ctx.resolveRef(c.value);
    byOperator.set(c.operator, entries);
  }
  return obj(Object.fromEntries([...byOperator].map(([operator, entries]) => [operator, obj(entries)])));
}

/**
 * The role's statements from the lowering, except those a CDK grant method already added
 * (`covered`). Resource "*" only where AWS has no resource-level permission, acknowledged
 * with the lowering's reason.
 */
export function emitRoleStatements(
  ctx: StackContext,
  role: ResolvedRole,
  covered: (sid: string) => boolean,
): void {
  const variable = ctx.roles.get(role.id);
  if (!variable) return;
  const wildcardReasons: string[] = [];
  for (const statement of role.statements) {
    if (covered(statement.sid)) continue;
    ctx.expr(call(member(variable, 'addToPolicy'), policyStatement(ctx, statement)));
    if (statement.wildcardResource) wildcardReasons.push(statement.wildcardResource.reason);
  }
  if (wildcardReasons.length)
    ctx.acknowledge(variable, 'AwsSolutions-IAM5[Resource::*]', [...new Set(wildcardReasons)].join('; '));
}
