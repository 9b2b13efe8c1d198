/**
 * lib/nag.ts of the generated app. Static: it depends on no design, so it is kept as text.
 * cdk-nag v3 acknowledges IAM5 findings one at a time by their exact text, which holds CDK's
 * logical ids; this aspect computes them at synth time for the wildcards CDK grant methods add.
 */
export const NAG_HELPER = `import { Stack, Validations } from 'aws-cdk-lib';
import type { IAspect } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/** Actions AWS offers only on Resource "*" (no resource-level permissions). */
const RESOURCE_STAR_ACTIONS = new Set([
  'cloudwatch:PutMetricData',
  'ec2:AssignPrivateIpAddresses',
  'ec2:CreateNetworkInterface',
  'ec2:DeleteNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSubnets',
  'ec2:DescribeVpcs',
  'ec2:UnassignPrivateIpAddresses',
  'ecr:GetAuthorizationToken',
  'logs:CreateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:DescribeLogGroups',
  'logs:DescribeResourcePolicies',
  'logs:GetLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:UpdateLogDelivery',
  'timestream:DescribeEndpoints',
  'xray:GetSamplingRules',
  'xray:GetSamplingStatisticSummaries',
  'xray:GetSamplingTargets',
  'xray:PutTelemetryRecords',
  'xray:PutTraceSegments',
]);

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The text cdk-nag reports for a resource: tokens become <LogicalId.Attribute>. */
function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\\$\\{/g, '<').replace(/}/g, '>');
  const value = node as Record<string, unknown>;
  if (value['Fn::Join']) {
    const [delimiter, items] = value['Fn::Join'] as [string, unknown[]];
    return items.map(flatten).join(delimiter);
  }
  if (value['Fn::Sub']) return flatten(value['Fn::Sub']);
  if (value['Fn::GetAtt']) {
    const [resource, attribute] = value['Fn::GetAtt'] as [unknown, unknown];
    return \`<\${flatten(resource)}.\${flatten(attribute)}>\`;
  }
  if (value['Fn::ImportValue']) return flatten(value['Fn::ImportValue']);
  if (value.Ref) return \`<\${flatten(value.Ref)}>\`;
  return JSON.stringify(node);
}

/** True when a reference to one resource (not a pseudo parameter) comes before the first "*". */
function scopedToResource(resource: string): boolean {
  const prefix = resource.slice(0, resource.indexOf('*'));
  // cdk-nag prints Fn::Select/Fn::Split as JSON: an attribute of one resource inside still scopes
  // it (an MSK topic ARN is the cluster's ARN with ":cluster/" read as ":topic/"); in a nested
  // stack that ARN arrives as a Ref to the parameter the parent passes it in.
  return /<(?!AWS::)[^>]+>/.test(prefix) || /"(Fn::GetAtt":\\[|Ref":)"(?!AWS::)/.test(prefix);
}

/** A function named up front, with its versions and aliases: "arn:...:function:<name>:*". */
const NAMED_FUNCTION_QUALIFIERS = /^arn:<AWS::Partition>:lambda:[^:*]+:<AWS::AccountId>:function:[^:*<>]+:\\*$/;

/**
 * Acknowledges exactly the IAM5 wildcards that are deliberate: action families from grant
 * methods ("s3:GetObject*"), resources scoped under one named resource ("<Bucket.Arn>/*"), and
 * Resource "*" for actions that have no resource-level permissions. Any other wildcard stays a
 * finding.
 */
export class AcknowledgeScopedWildcards implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof CfnPolicy)) return;
    acknowledgeWildcards(node);
    // In a nested stack a resource of another stack becomes a parameter only when the app is
    // prepared, after aspects: acknowledge again under the names cdk-nag then reports.
    if (Stack.of(node).nested)
      node.node.addValidation({
        validate: () => {
          acknowledgeWildcards(node);
          return [];
        },
      });
  }
}

function acknowledgeWildcards(node: CfnPolicy): void {
  const document = Stack.of(node).resolve(node.policyDocument) as { Statement?: Statement[] };
  const acknowledged = new Set<string>();
  for (const statement of document.Statement ?? []) {
    if (statement.Effect !== 'Allow') continue;
    const actions = asArray(statement.Action);
    for (const action of actions)
      if (/^[a-z0-9-]+:[A-Za-z0-9]+\\*$/.test(action)) acknowledged.add(\`Action::\${action}\`);
    for (const resource of asArray(statement.Resource).map(flatten)) {
      if (!resource.includes('*')) continue;
      const scoped = scopedToResource(resource) || NAMED_FUNCTION_QUALIFIERS.test(resource);
      if (resource === '*' ? actions.every((a) => RESOURCE_STAR_ACTIONS.has(a)) : scoped)
        acknowledged.add(\`Resource::\${resource}\`);
    }
  }
  for (const finding of [...acknowledged].sort())
    Validations.of(node).acknowledge({
      id: \`AwsSolutions-IAM5[\${finding}]\`,
      reason: 'Wildcard added by a CDK grant method and scoped to one resource, or an action AWS offers only on "*".',
    });
}
`;
