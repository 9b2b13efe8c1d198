/**
 * What became of every resource in the imported source: the import report the CLI prints
 * (`--report`) and the app shows. Nothing is dropped in silence: each source resource has exactly
 * one entry.
 */

/** The source formats the importer reads. */
export type SourceFormat = 'cloudformation' | 'sam' | 'cdk' | 'terraform';

export type ResourceOutcome =
  /** The resource became a service node (its properties read from the source). */
  | { kind: 'node'; nodeId: string }
  /** The resource is part of a node: its role, policy, security group, log group, alarm, ... */
  | { kind: 'part-of'; nodeId: string; role: string }
  /** A VPC, subnet, route table, gateway, ...: rebuilt as the design's VPC `vpcId`. */
  | { kind: 'network'; vpcId: string; role: string }
  /**
   * Kept as an "other resource" node that passes through unchanged (CloudFormation, CDK L1,
   * Terraform where the provider has the type).
   */
  | { kind: 'kept'; nodeId: string; reason: string }
  /** Not imported; `reason` says why (e.g. a custom resource, a data source the design cannot hold). */
  | { kind: 'skipped'; reason: string };

export interface ReportEntry {
  /** Logical ID (CloudFormation, SAM, CDK) or address (`aws_sqs_queue.orders`, Terraform). */
  sourceId: string;
  /** The source's type: `AWS::SQS::Queue`, `AWS::Serverless::Function`, `aws_sqs_queue`. */
  sourceType: string;
  /** Source file the resource came from, relative to what was imported. */
  file: string;
  outcome: ResourceOutcome;
}

export interface ImportProblem {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Where: file, and line when the parser knows it. */
  file?: string;
  line?: number;
  sourceId?: string;
}

export interface ImportReport {
  format: SourceFormat;
  /** One entry per source resource, in source order. */
  resources: ReportEntry[];
  /** Parse problems, unsupported constructs, assumptions made. */
  problems: ImportProblem[];
}

/** One file handed to the importer (the CLI reads them; the app gets them from Open or a drop). */
export interface SourceFile {
  /** Path relative to what was imported, forward slashes: `template.yaml`, `cdk.out/tree.json`. */
  path: string;
  text: string;
}

/** Parses HCL to JSON (hcl2json's shape). Injected: the CLI uses `@cdktf/hcl2json`, the app its wasm. */
export type HclParser = (fileName: string, text: string) => Promise<Record<string, unknown>>;

/** What an importer returns: the design (positions may be absent: laid out afterwards) and its report. */
export interface ImportResult {
  design: import('@archgen/model').Design;
  report: ImportReport;
}
