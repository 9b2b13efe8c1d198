import type { ConnectionKind } from '../design/schema.ts';
import type { AcceptedConnection, ServiceDefinition } from './types.ts';
import { ALL_SERVICES } from './services/index.ts';

export {
  CERTIFICATE_USERS,
  FARGATE_MEMORY_BY_CPU,
  TERRAFORM_MODULE,
  commaSeparatedNames,
  isValidFargateSize,
} from './services/index.ts';

/** Every service, sorted by category then display name (the palette order). */
export const SERVICES: readonly ServiceDefinition[] = ALL_SERVICES;

const byType = new Map(SERVICES.map((s) => [s.type, s]));

export function getService(type: string): ServiceDefinition | undefined {
  return byType.get(type);
}

export function requireService(type: string): ServiceDefinition {
  const service = byType.get(type);
  if (!service) throw new Error(`Unknown service type "${type}"`);
  return service;
}

/** The entry on the target that allows `kind` from a source of `fromType`, if any. */
export function findAcceptedConnection(
  fromType: string,
  toType: string,
  kind: ConnectionKind,
): AcceptedConnection | undefined {
  return getService(toType)?.accepts.find((a) => a.kind === kind && a.from.includes(fromType));
}

/** Connection kinds that make sense from `fromType` to `toType`, in catalog order. */
export function allowedConnectionKinds(fromType: string, toType: string): ConnectionKind[] {
  const target = getService(toType);
  if (!target) return [];
  return [...new Set(target.accepts.filter((a) => a.from.includes(fromType)).map((a) => a.kind))];
}

export * from './wording.ts';
export * from './search.ts';
export * from './web-acls.ts';
export {
  BACKUP_SCHEDULES,
  BACKUP_TARGETS,
  COLD_STORAGE_MIN_DAYS,
  CONTINUOUS_BACKUP_MAX_DAYS,
  CONTINUOUS_BACKUP_TYPES,
  backupScheduleProblem,
  backupSelectionTag,
} from './services/backup-plan.ts';
export * from './dns.ts';
export * from './certificates.ts';
export { CONFIG_DELIVERY_FREQUENCIES, CONFIG_MANAGED_RULES } from './services/config-recorder.ts';
export {
  FIREHOSE_INDEX_ROTATIONS,
  FIREHOSE_OPENSEARCH_MAX_BUFFER_MB,
  OPENSEARCH_INDEX_NAME_PATTERN,
  type FirehoseIndexRotation,
} from './services/firehose.ts';
