import type { Properties, PropertyValue } from '../../design/schema.ts';
import type { PropertyIssue, ServiceDefinition } from '../types.ts';
import { text } from '../define.ts';

/** A CloudFormation resource type: "AWS::IAM::ManagedPolicy", "Custom::Thing", "Alexa::ASK::Skill". */
const CLOUDFORMATION_TYPE = '^[A-Za-z0-9]+::[A-Za-z0-9]+(::[A-Za-z0-9]+)?$';
/** A Terraform resource type: "aws_ssm_parameter". */
const TERRAFORM_TYPE = '^[a-z][a-z0-9_]*$';

/**
 * The Terraform type of a kept `module` call (a module whose source the import did not read):
 * its arguments are the call's (source, version, inputs) and Terraform prints a module block.
 */
export const TERRAFORM_MODULE = 'module';

const isRecord = (v: PropertyValue | undefined): boolean =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A resource of imported infrastructure code that the designer does not model (a managed
 * policy, an SSM parameter, ...): kept and passed through unchanged. It holds its source form
 * verbatim, CloudFormation's (type, Properties with intrinsics as JSON objects, DependsOn),
 * Terraform's (type, the block's arguments as hcl2json gives them) or both; each target prints
 * the form it has, and IMP-01 / IMP-02 name a target that gets none.
 *
 * It comes only from an import (not in the palette) and accepts no drawn connection: what it
 * refers to is already written in its properties ({"Ref": ...}, "${aws_sqs_queue.q.arn}"), and
 * an edge drawn to it would imply a grant or a rule the lowering cannot derive for a resource
 * it does not understand.
 */
export const otherResource: ServiceDefinition = {
  type: 'other-resource',
  displayName: 'Other resource',
  category: 'Management',
  icon: 'other-resource',
  description:
    'A resource from imported infrastructure code that the designer does not model. It is kept as it was written and passed through unchanged into the exported code.',
  importOnly: true,
  subtitle: (props) =>
    [props.cloudFormationType, props.terraformType].find(
      (t): t is string => typeof t === 'string' && t.trim() !== '',
    ),
  placements: ['regional'],
  properties: [
    text('cloudFormationType', 'CloudFormation type', '', {
      pattern: CLOUDFORMATION_TYPE,
      patternHint: 'must be a CloudFormation type like AWS::IAM::ManagedPolicy',
      maxLength: 256,
      sameInEveryEnvironment: true,
      help: 'The resource type in CloudFormation and CDK (L1); empty when the resource came from Terraform only.',
    }),
    {
      kind: 'json',
      shape: 'record',
      key: 'cloudFormationProperties',
      label: 'CloudFormation properties',
      default: {},
      sameInEveryEnvironment: true,
      help: 'The Properties as written, intrinsic functions as JSON ({"Ref": "X"}); printed unchanged.',
    },
    {
      kind: 'json',
      shape: 'string-list',
      key: 'dependsOn',
      label: 'Depends on',
      default: [],
      sameInEveryEnvironment: true,
      help: 'Logical ids of the resources CloudFormation creates before this one.',
    },
    {
      kind: 'json',
      shape: 'record',
      key: 'cloudFormationAttributes',
      label: 'CloudFormation resource attributes',
      default: {},
      sameInEveryEnvironment: true,
      help: 'Condition, DeletionPolicy, UpdateReplacePolicy, UpdatePolicy, CreationPolicy and Metadata as written; printed unchanged.',
    },
    text('terraformType', 'Terraform type', '', {
      pattern: TERRAFORM_TYPE,
      patternHint: 'must be a Terraform resource type like aws_ssm_parameter',
      maxLength: 128,
      sameInEveryEnvironment: true,
      help: 'The resource type in Terraform ("module" for a module call kept as written); empty when the resource came from CloudFormation only.',
    }),
    {
      kind: 'json',
      shape: 'record',
      key: 'terraformArguments',
      label: 'Terraform arguments',
      default: {},
      sameInEveryEnvironment: true,
      help: 'The block\'s arguments as hcl2json reads them: expressions as "${...}" text, nested blocks as lists of records.',
    },
  ],
  validate(props: Properties): PropertyIssue[] {
    const cloudFormation = typeof props.cloudFormationType === 'string' && props.cloudFormationType !== '';
    const terraform = typeof props.terraformType === 'string' && props.terraformType !== '';
    // Neither form is valid (every property has a default); IMP-01 and IMP-02 then say that
    // no target gets the resource.
    const issues: PropertyIssue[] = [];
    if (
      !cloudFormation &&
      isRecord(props.cloudFormationProperties) &&
      Object.keys(props.cloudFormationProperties as object).length > 0
    )
      issues.push({
        path: 'cloudFormationProperties',
        message: 'CloudFormation properties need a CloudFormation type',
      });
    if (
      !terraform &&
      isRecord(props.terraformArguments) &&
      Object.keys(props.terraformArguments as object).length > 0
    )
      issues.push({ path: 'terraformArguments', message: 'Terraform arguments need a Terraform type' });
    return issues;
  },
  accepts: [],
  refusalHint:
    'an imported resource is kept as written: what it refers to lives in its properties, not in drawn connections',
  // Itself, in CloudFormation; nothing is derived for it.
  stackResources: ({ props }) => ({
    count: typeof props.cloudFormationType === 'string' && props.cloudFormationType !== '' ? 1 : 0,
  }),
};
