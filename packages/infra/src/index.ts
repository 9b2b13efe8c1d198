export * from './types.ts';
export * from './lower.ts';
export * from './naming.ts';
export {
  ACCESS_LOG_LIFECYCLE,
  ASG_SPOT_DISTRIBUTION,
  ATHENA_RECURSIVE_DELETE,
  DECIDED_PROPS,
  FARGATE_SPOT_SPLIT,
  KEY_DELETION_WINDOW_DAYS,
  NONCURRENT_VERSION_DAYS,
  propertyLabel,
  WEB_ACL_RULE_GROUPS,
} from './decisions.ts';
export * from './text.ts';
export { REST_API_STAGE, isGraviton } from './aws.ts';
export { BASTION_ROOT_DEVICE } from './bastions.ts';
export { ecrLifecyclePolicy, ecrRepositoryPolicy, type EcrRepositoryPolicy } from './ecr.ts';
export { DEFAULT_BACKUP_RETENTION_DAYS, backupScheduleExpression } from './backups.ts';
export { ALB_TLS_POLICY, targetGroupSettings } from './front-doors.ts';
export { EVENT_TARGET_RETRY } from './wiring.ts';
export { requireResolved } from './require.ts';
export { BUSINESS_HOURS, STEP_SCALING, TARGET_TRACKING_COOLDOWNS } from './task-scaling.ts';
export { STATEFUL_TYPES, deletionActionOf, strongestAction } from './protection.ts';
export {
  SPLIT_THRESHOLD,
  STACK_BUDGET,
  STACK_RESOURCE_QUOTA,
  partitionStacks,
  stackIndexById,
} from './stacks.ts';
export { cloudFormationLayout, type LayoutEntries } from './layout-metadata.ts';
export { PART_ROLE_OF_TYPE, keptPartRenames, type EmittedResource, type KeptPart } from './kept-parts.ts';
