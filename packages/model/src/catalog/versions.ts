/**
 * Engine versions: the versions each versioned service offers, its current default, and when each
 * version line leaves AWS standard support. The catalog builds its version properties from these
 * tables, the rules compare a node's version with the dates, and the lowering reads which property
 * holds a node's version (`engineVersionProperty`).
 *
 * Offered versions are those the installed aws-cdk-lib 2.276.0 names (rds.AuroraPostgresEngineVersion,
 * rds.AuroraMysqlEngineVersion, rds.PostgresEngineVersion, rds.MysqlEngineVersion,
 * opensearch.EngineVersion, eks.KubernetesVersion); ElastiCache and Neptune have no CDK version
 * classes (L1 resources take the string), so theirs come from the AWS pages named at each table.
 * The Terraform AWS provider (5.100.0) and the CloudFormation specification take these as strings.
 *
 * Defaults: the newest minor of a line with years of standard support left, kept on the previous
 * default's major line where that still holds (Aurora/RDS PostgreSQL 16, Aurora MySQL 3, Redis OSS
 * 7, OpenSearch 2), so regenerating an older design asks for a minor upgrade, never a major one
 * (which all three targets refuse without an explicit opt-in); EKS moves to the newest version
 * (1.31, the old default, left standard support on 2025-11-26), as AWS recommends for new clusters.
 *
 * Support dates are ISO dates (YYYY-MM-DD): the last day of standard support as AWS publishes it.
 * A version whose line has no row has no published end date (yet): rules stay silent about it.
 */

/** The day the tables below were checked against their sources; rules default to it as "today". */
export const VERSION_TABLE_CHECKED = '2026-12-07';

export interface SupportWindow {
  /** Last day of standard support (Neptune: end of life, when AWS upgrades the cluster itself). */
  end: string;
  /** Last day of paid extended support, where AWS publishes one. */
  extendedEnd?: string;
}

export interface EngineVersions {
  /** The engine as people name it: "Aurora PostgreSQL", "Kubernetes (EKS)". */
  name: string;
  /** The current default: what a node without a version property gets. */
  default: string;
  /** Versions offered in the inspector's select, newest first, as `[value, label]`. */
  options: readonly (readonly [string, string])[];
  /** The version line whose support dates apply: "16" for 16.13, "8.0" for 8.0.mysql_aurora.3.12.0. */
  lineOf(version: string): string;
  /** Major version as the AWS APIs and CDK's `*EngineVersion.of(full, major)` name it. */
  majorOf(version: string): string;
  /** Support windows by line. */
  support: Readonly<Record<string, SupportWindow>>;
  /** What the end date means: most engines leave standard support; Neptune versions reach end of life. */
  endKind: 'standard support' | 'end of life';
}

const segments = (version: string, count: number): string => version.split('.').slice(0, count).join('.');

/** Options from plain versions, labelled "<prefix> <version>". */
const labelled = (prefix: string, versions: readonly string[]): (readonly [string, string])[] =>
  versions.map((v) => [v, `${prefix} ${v}`] as const);

/**
 * PostgreSQL majors on Aurora and RDS. Source: AWS "Release calendars for Aurora PostgreSQL" and
 * "Release calendars for Amazon RDS for PostgreSQL" (major versions: end of standard support);
 * 11 and 12 also in the AWS Database Blog upgrade posts. PostgreSQL 18 has no published date yet.
 */
const POSTGRES_SUPPORT: Readonly<Record<string, SupportWindow>> = {
  '11': { end: '2024-02-29' },
  '12': { end: '2025-02-28' },
  '13': { end: '2026-02-28' },
  '14': { end: '2027-02-28' },
  '15': { end: '2028-02-29' },
  '16': { end: '2029-02-28' },
  '17': { end: '2030-02-28' },
};

const AURORA_POSTGRES: EngineVersions = {
  name: 'Aurora PostgreSQL',
  default: '16.13',
  // The newest minor of each major in aws-cdk-lib 2.276.0 (AuroraPostgresEngineVersion.VER_*).
  options: labelled('Aurora PostgreSQL', [
    '18.6',
    '17.9',
    '16.13',
    '15.17',
    '14.22',
    '13.23',
    '12.22',
    '11.21',
  ]),
  lineOf: (v) => segments(v, 1),
  majorOf: (v) => segments(v, 1),
  support: POSTGRES_SUPPORT,
  endKind: 'standard support',
};

const AURORA_MYSQL: EngineVersions = {
  name: 'Aurora MySQL',
  default: '8.0.mysql_aurora.3.12.0',
  // AuroraMysqlEngineVersion.VER_*: the newest patch of recent Aurora MySQL 3 minors (3.04 is a
  // long-term-support minor), and the last Aurora MySQL 2 (MySQL 5.7) release.
  options: [
    ...['3.12.0', '3.11.1', '3.10.4', '3.09.0', '3.08.2', '3.04.6'].map(
      (v) => [`8.0.mysql_aurora.${v}`, `Aurora MySQL ${v} (MySQL 8.0)`] as const,
    ),
    ['5.7.mysql_aurora.2.12.6', 'Aurora MySQL 2.12.6 (MySQL 5.7)'],
  ],
  lineOf: (v) => segments(v, 2),
  majorOf: (v) => segments(v, 2),
  // Source: AWS "Aurora MySQL release calendars" (Aurora end of standard support date), as listed
  // on endoflife.date/amazon-aurora-mysql.
  support: {
    '5.7': { end: '2024-10-31', extendedEnd: '2027-02-28' },
    '8.0': { end: '2028-04-30', extendedEnd: '2029-07-31' },
  },
  endKind: 'standard support',
};

/** RDS takes any minor AWS offers, so its version stays free text (checked in rds.ts). */
const RDS_POSTGRES: EngineVersions = {
  name: 'RDS for PostgreSQL',
  default: '16.13',
  options: labelled('PostgreSQL', ['18.3', '17.9', '16.13', '15.17', '14.22', '13.23', '12.22', '11.22']),
  lineOf: (v) => segments(v, 1),
  majorOf: (v) => segments(v, 1),
  support: POSTGRES_SUPPORT,
  endKind: 'standard support',
};

const RDS_MYSQL: EngineVersions = {
  name: 'RDS for MySQL',
  default: '8.4.10',
  options: labelled('MySQL', ['8.4.10', '8.0.46', '5.7.44']),
  lineOf: (v) => segments(v, 2),
  majorOf: (v) => segments(v, 2),
  // Source: AWS "Amazon RDS for MySQL release calendar" (RDS end of standard support / of
  // Extended Support), as listed on endoflife.date/amazon-rds-mysql.
  support: {
    '5.7': { end: '2024-02-29', extendedEnd: '2027-02-28' },
    '8.0': { end: '2026-07-31', extendedEnd: '2029-07-31' },
    '8.4': { end: '2029-07-31', extendedEnd: '2032-07-31' },
  },
  endKind: 'standard support',
};

const REDIS: EngineVersions = {
  name: 'ElastiCache for Redis OSS',
  // 7.1 is the last Redis OSS version on ElastiCache (later versions are Valkey).
  default: '7.1',
  options: labelled('Redis OSS', ['7.1', '7.0', '6.2', '5.0.6', '4.0.10']),
  lineOf: (v) => segments(v, 1),
  majorOf: (v) => segments(v, 1),
  // Source: AWS "Engine versions and upgrading in ElastiCache" (end of standard / extended
  // support), as listed on endoflife.date/amazon-elasticache-redis. Redis OSS 7 has no date yet.
  support: {
    '4': { end: '2026-01-31', extendedEnd: '2029-01-31' },
    '5': { end: '2026-01-31', extendedEnd: '2029-01-31' },
    '6': { end: '2027-01-31', extendedEnd: '2030-01-31' },
  },
  endKind: 'standard support',
};

const OPENSEARCH_VERSIONS = ['3.7', '3.5', '3.3', '3.1', '2.19', '2.17', '2.15', '2.13', '2.11', '2.10'];
const OPENSEARCH_OLDER = ['2.9', '2.7', '2.5', '2.3', '1.3', '1.2', '1.1', '1.0'];
const ELASTICSEARCH_VERSIONS = [
  '7.10',
  '7.9',
  '7.8',
  '7.7',
  '7.4',
  '7.1',
  '6.8',
  '6.7',
  '6.5',
  '6.4',
  '6.3',
  '6.2',
  '6.0',
  '5.6',
  '5.5',
  '5.3',
  '5.1',
  '2.3',
  '1.5',
];
/** Ended standard support on 2025-11-07 with a year of extended support (5.6: three years). */
const OPENSEARCH_ENDED_2025 = [
  ...['1.0', '1.1', '1.2', '2.3', '2.5', '2.7', '2.9'].map((v) => `OpenSearch_${v}`),
  ...[
    '1.5',
    '2.3',
    '5.1',
    '5.3',
    '5.5',
    '6.0',
    '6.2',
    '6.3',
    '6.4',
    '6.5',
    '6.7',
    '7.1',
    '7.4',
    '7.7',
    '7.8',
  ].map((v) => `Elasticsearch_${v}`),
];

const OPENSEARCH: EngineVersions = {
  name: 'OpenSearch Service',
  default: 'OpenSearch_2.19',
  // Every version opensearch.EngineVersion names, so any version a design could hold stays valid.
  options: [
    ...[...OPENSEARCH_VERSIONS, ...OPENSEARCH_OLDER].map(
      (v) => [`OpenSearch_${v}`, `OpenSearch ${v}`] as const,
    ),
    ...ELASTICSEARCH_VERSIONS.map((v) => [`Elasticsearch_${v}`, `Elasticsearch ${v}`] as const),
  ],
  lineOf: (v) => v,
  majorOf: (v) => v.replace(/\.\d+$/, ''),
  // Source: AWS OpenSearch Service "Supported versions" (end of standard / extended support), as
  // listed on endoflife.date/amazon-opensearch and /amazon-elasticsearch. Versions without a row
  // (OpenSearch 1.3, 2.11 and later; Elasticsearch 6.8, 7.9, 7.10) have no announced date.
  support: Object.fromEntries(
    OPENSEARCH_ENDED_2025.map((v) => [
      v,
      { end: '2025-11-07', extendedEnd: v === 'Elasticsearch_5.6' ? '2028-11-07' : '2026-11-07' },
    ]),
  ),
  endKind: 'standard support',
};

const NEPTUNE: EngineVersions = {
  name: 'Neptune',
  default: '1.4.8.0',
  options: labelled('Neptune', ['1.4.8.0', '1.4.7.1', '1.4.6.3', '1.4.5.1', '1.3.4.0', '1.2.1.2']),
  lineOf: (v) => v,
  majorOf: (v) => segments(v, 2),
  // Source: AWS Neptune "Engine releases" (end of life per version), as listed on
  // endoflife.date/amazon-neptune. After it AWS creates no cluster on the version and upgrades
  // existing ones in a maintenance window.
  support: {
    '1.4.8.0': { end: '2027-10-27' },
    '1.4.7.1': { end: '2027-06-03' },
    '1.4.6.3': { end: '2027-06-03' },
    '1.4.5.1': { end: '2027-03-06' },
    '1.3.4.0': { end: '2027-03-06' },
    '1.2.1.2': { end: '2026-12-04' },
  },
  endKind: 'end of life',
};

const KUBERNETES: EngineVersions = {
  name: 'Kubernetes on EKS',
  default: '1.37',
  // eks.KubernetesVersion.V1_23 to V1_37 (older ones left extended support before 2025).
  options: labelled(
    'Kubernetes',
    Array.from({ length: 15 }, (_, i) => `1.${37 - i}`),
  ),
  lineOf: (v) => v,
  majorOf: (v) => v,
  // Source: AWS EKS "Understand the Kubernetes version lifecycle on EKS" (release calendar: end of
  // standard / extended support), as listed on endoflife.date/amazon-eks. 1.36 and 1.37 had no
  // published dates there when checked (standard support lasts 14 months from the EKS release).
  support: {
    '1.23': { end: '2023-10-11', extendedEnd: '2024-10-11' },
    '1.24': { end: '2024-01-31', extendedEnd: '2025-01-31' },
    '1.25': { end: '2024-05-01', extendedEnd: '2025-05-01' },
    '1.26': { end: '2024-06-11', extendedEnd: '2025-06-11' },
    '1.27': { end: '2024-07-24', extendedEnd: '2025-07-24' },
    '1.28': { end: '2024-11-26', extendedEnd: '2025-11-26' },
    '1.29': { end: '2025-03-23', extendedEnd: '2026-03-23' },
    '1.30': { end: '2025-07-23', extendedEnd: '2026-07-23' },
    '1.31': { end: '2025-11-26', extendedEnd: '2026-11-26' },
    '1.32': { end: '2026-03-23', extendedEnd: '2027-03-23' },
    '1.33': { end: '2026-07-29', extendedEnd: '2027-07-29' },
    '1.34': { end: '2026-12-02', extendedEnd: '2027-12-02' },
    '1.35': { end: '2027-03-27', extendedEnd: '2028-03-27' },
  },
  endKind: 'standard support',
};

export type VersionedEngine =
  | 'aurora-postgresql'
  | 'aurora-mysql'
  | 'postgres'
  | 'mysql'
  | 'redis'
  | 'opensearch'
  | 'neptune'
  | 'kubernetes';

export const ENGINE_VERSIONS: Readonly<Record<VersionedEngine, EngineVersions>> = {
  'aurora-postgresql': AURORA_POSTGRES,
  'aurora-mysql': AURORA_MYSQL,
  postgres: RDS_POSTGRES,
  mysql: RDS_MYSQL,
  redis: REDIS,
  opensearch: OPENSEARCH,
  neptune: NEPTUNE,
  kubernetes: KUBERNETES,
};

/** Where a node keeps its engine version: which table applies and which property holds it. */
export interface EngineVersionProperty {
  engine: VersionedEngine;
  versions: EngineVersions;
  key: string;
}

const at = (engine: VersionedEngine, key: string): EngineVersionProperty => ({
  engine,
  versions: ENGINE_VERSIONS[engine],
  key,
});

/**
 * The property holding a node's engine version, given its resolved properties (the engine
 * decides for Aurora and RDS; Memcached has none). Undefined for services without a version.
 */
export function engineVersionProperty(
  type: string,
  props: Readonly<Record<string, unknown>>,
): EngineVersionProperty | undefined {
  switch (type) {
    case 'aurora':
      return props.engine === 'aurora-mysql'
        ? at('aurora-mysql', 'mysqlVersion')
        : at('aurora-postgresql', 'postgresVersion');
    case 'rds':
      return at(props.engine === 'mysql' ? 'mysql' : 'postgres', 'engineVersion');
    case 'elasticache':
      return props.engine === 'memcached' ? undefined : at('redis', 'redisVersion');
    case 'opensearch':
      return at('opensearch', 'engineVersion');
    case 'neptune':
      return at('neptune', 'engineVersion');
    case 'eks':
      return at('kubernetes', 'version');
    default:
      return undefined;
  }
}

export type SupportStatus =
  /** No published end date, or before it. */
  | { state: 'supported'; window?: SupportWindow }
  /** Past the end date (of standard support, or of life for Neptune). */
  | { state: 'ended'; window: SupportWindow };

/** Whether `version` is past its line's end date on `today` (an ISO date, YYYY-MM-DD). */
export function supportStatus(versions: EngineVersions, version: string, today: string): SupportStatus {
  const window = versions.support[versions.lineOf(version)];
  if (!window) return { state: 'supported' };
  return today > window.end ? { state: 'ended', window } : { state: 'supported', window };
}

/** A version as people read it: its option's label ("Aurora MySQL 3.12.0 (MySQL 8.0)"), else "<engine> <version>". */
export function versionLabel(versions: EngineVersions, version: string): string {
  return versions.options.find(([value]) => value === version)?.[1] ?? `${versions.name} ${version}`;
}
