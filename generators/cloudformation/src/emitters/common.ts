/** Pieces several emitters share: policy statements, bounded physical names, conditional dependencies. */
import {
  requireResolved,
  type EnvValue,
  type ResolvedComponent,
  type ResolvedEventRetry,
} from '@archgen/infra';
import type { EmitContext, Flag } from '../context.ts';
import {
  NO_VALUE,
  ifCondition,
  join,
  ref,
  select,
  split,
  type TemplateValue,
} from '../template/intrinsics.ts';

/** Denies any request not made over TLS (SQS-01, SNS-01, S3-01). */
export function denyInsecureTransport(action: string, resources: TemplateValue[]): TemplateValue {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: action,
    Resource: resources.length === 1 ? resources[0]! : resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** Lets an AWS service act on a resource on behalf of one source resource only (confused deputy). */
export function allowService(
  sid: string,
  service: string,
  actions: string[],
  resource: TemplateValue,
  sourceArn: TemplateValue,
): TemplateValue {
  return {
    Sid: sid.replace(/[^A-Za-z0-9]/g, ''),
    Effect: 'Allow',
    Principal: { Service: service },
    Action: actions.length === 1 ? actions[0]! : actions,
    Resource: resource,
    Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } },
  };
}

/**
 * A physical name unique per stack and never longer than `maxLength`: the slug plus the stack's
 * UUID (36 characters), for resources whose names are short or must be unique in the account.
 */
export function stackUniqueName(slug: string, maxLength: number): TemplateValue {
  const stem = slug.slice(0, Math.max(1, maxLength - 37)).replace(/-+$/, '');
  return join('-', [stem, select(2, split('/', ref('AWS::StackId')))]);
}

/**
 * A resource that exists wherever one of `targets` does and depends on those that exist:
 * DependsOn cannot name a conditional resource, but a WaitConditionHandle's metadata can.
 */
export function dependencyOn(ctx: EmitContext, id: string, targets: [Flag, string][], why: string): string[] {
  const present = targets.filter(([flag]) => flag !== false);
  if (present.every(([flag]) => flag === true)) return present.map(([, name]) => name);
  if (!ctx.template.resources.has(id)) {
    ctx.template.addResource(
      id,
      {
        Type: 'AWS::CloudFormation::WaitConditionHandle',
        Metadata: {
          DependsOn: present.map(([flag, name]) =>
            flag === true ? ref(name) : ifCondition(flag as string, ref(name), NO_VALUE),
          ),
        },
        Properties: {},
      },
      why,
    );
  }
  return [id];
}

/** A value the lowering resolved per environment: its literal, or a parameter where environments differ. */
export function resolvedValue(
  ctx: EmitContext,
  component: ResolvedComponent,
  name: string,
  description: string,
  value: EnvValue<number> | EnvValue<boolean> | EnvValue<string> | undefined,
): TemplateValue | undefined {
  return ctx.byEnvironment(
    ctx.byEnvironmentOf<number | boolean | string>(requireResolved(value, component, description)),
    {
      parameter: `${component.names.logicalId}${name}`,
      description: `${description} of ${component.names.display}`,
      group: component.names.display,
    },
  );
}

/** The engine version the lowering decided: a literal, or a parameter where environments differ. */
export function engineVersion(ctx: EmitContext, component: ResolvedComponent): TemplateValue | undefined {
  return resolvedValue(ctx, component, 'EngineVersion', 'Engine version', component.engineVersion?.version);
}

const DELETION_POLICY = { retain: 'Retain', snapshot: 'Snapshot', delete: 'Delete' } as const;

/**
 * DeletionPolicy and UpdateReplacePolicy of a stateful component. CloudFormation takes only
 * literals there (no Ref, no Fn::If), so one template cannot retain in prod and delete in dev:
 * the lowering's `protection.policy` is the strongest of any environment (protection.ts).
 */
export function deletionPolicies(component: ResolvedComponent): {
  DeletionPolicy: 'Retain' | 'Snapshot' | 'Delete';
  UpdateReplacePolicy: 'Retain' | 'Snapshot' | 'Delete';
} {
  const protection = component.protection;
  if (!protection) throw new Error(`${component.type} "${component.id}" has no resolved protection`);
  const policy = DELETION_POLICY[protection.policy];
  return { DeletionPolicy: policy, UpdateReplacePolicy: policy };
}

/** DeletionProtection as the lowering resolved it per environment (off where an environment deletes). */
export function deletionProtectionValue(
  ctx: EmitContext,
  component: ResolvedComponent,
): TemplateValue | undefined {
  return resolvedValue(
    ctx,
    component,
    'DeletionProtection',
    'Deletion protection',
    component.deletionProtection,
  );
}

/**
 * The web ACL the lowering decided for a front door (scope, managed rule groups in order), created
 * where it is enabled. Returns its logical id and where it exists, or undefined when the component
 * has none or its ACL comes from outside the stack.
 */
export function webAcl(
  ctx: EmitContext,
  component: ResolvedComponent,
): { id: string; flag: Flag } | undefined {
  const acl = component.webAcl;
  if (!acl || acl.source !== 'stack') return undefined;
  // A drawn waf-web-acl replaces the switch's ACL: its own emitter writes it, in every environment.
  if (acl.drawnId) return { id: ctx.logicalId(acl.drawnId), flag: true };
  const prefix = component.names.logicalId;
  const flag = ctx.when(
    Object.fromEntries(ctx.environments.map((env) => [env, acl.enabled.byEnv[env] === true])),
  );
  if (flag === false) return undefined;
  const id = ctx.template.addResource(`${prefix}WebAcl`, {
    Type: 'AWS::WAFv2::WebACL',
    Condition: typeof flag === 'string' ? flag : undefined,
    Properties: {
      Scope: acl.scope,
      DefaultAction: { Allow: {} },
      VisibilityConfig: {
        CloudWatchMetricsEnabled: true,
        MetricName: `${prefix}WebAcl`,
        SampledRequestsEnabled: true,
      },
      Rules: acl.ruleGroups.map((group, i) => ({
        Name: group.name,
        Priority: i,
        OverrideAction: { None: {} },
        Statement: { ManagedRuleGroupStatement: { VendorName: group.vendor, Name: group.name } },
        VisibilityConfig: {
          CloudWatchMetricsEnabled: true,
          MetricName: `${prefix}${group.name}`,
          SampledRequestsEnabled: true,
        },
      })),
      Tags: ctx.tags(),
    },
  });
  return { id, flag };
}

/** An EventBridge target's RetryPolicy, as the lowering decided it. */
export function retryPolicy(retry: ResolvedEventRetry): TemplateValue {
  return {
    MaximumRetryAttempts: retry.maximumRetryAttempts,
    MaximumEventAgeInSeconds: retry.maximumEventAgeSeconds,
  };
}

/**
 * The `<Id>ImageId` parameter of an instance or launch template: an AMI resolved at deploy time
 * from a public SSM parameter, one path per environment (its parameter file says which).
 */
export function imageIdParameter(
  ctx: EmitContext,
  component: ResolvedComponent,
  pathByEnv: Record<string, string>,
): string {
  const image = ctx.template.addParameter(
    `${component.names.logicalId}ImageId`,
    {
      Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
      Description: `AMI of ${component.names.display}, resolved from this public SSM parameter at deploy time`,
      Default: pathByEnv[ctx.environments[0]!]!,
    },
    component.names.display,
  );
  ctx.parameterValues.set(image, Object.fromEntries(ctx.environments.map((env) => [env, pathByEnv[env]!])));
  return image;
}

/** Logical id of an EFS file system's access point number `part` (0-based), as emitters/efs.ts names it. */
export function efsAccessPointId(fileSystemLogicalId: string, part: number): string {
  return `${fileSystemLogicalId}AccessPoint${part + 1}`;
}

/** Logical ids of an EFS file system's mount targets, one per subnet of its tier (emitters/efs.ts). */
export function efsMountTargetIds(ctx: EmitContext, fileSystem: ResolvedComponent): string[] {
  const decided = requireResolved(fileSystem.fileSystem, fileSystem, 'file system');
  const vpcId = requireResolved(fileSystem.placement ?? undefined, fileSystem, 'placement').vpcId;
  return ctx.subnetIds(vpcId, decided.tier).map((_, i) => `${fileSystem.names.logicalId}MountTarget${i + 1}`);
}
