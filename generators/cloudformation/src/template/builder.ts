/**
 * The template being assembled: sections keyed by logical id, kept in the order entries are
 * added (emitters run in the graph's deterministic order), printed once at the end.
 */
import { toLongForm, type TemplateMap, type TemplateValue } from './intrinsics.ts';

export interface ResourceDefinition {
  Type: string;
  Condition?: string;
  DependsOn?: string[];
  Metadata?: TemplateMap;
  DeletionPolicy?: 'Delete' | 'Retain' | 'Snapshot';
  UpdateReplacePolicy?: 'Delete' | 'Retain' | 'Snapshot';
  /** How an update applies, e.g. an OpenSearch domain's `EnableVersionUpgrade` (in place, not a replacement). */
  UpdatePolicy?: TemplateMap;
  Properties: TemplateMap;
}

export interface ParameterDefinition {
  Type: string;
  Description: string;
  Default?: string;
  AllowedValues?: string[];
  MinValue?: number;
  MaxValue?: number;
}

export interface OutputDefinition {
  Description: string;
  Value: TemplateValue;
  /** Exported as `${AWS::StackName}-<export>` so other stacks can import it. */
  exportName?: string;
  /**
   * A value of one component for other stacks (EmitContext.output): a split design keeps it in
   * the nested stack that makes it; the root repeats only the others (entry points, networks,
   * database endpoints), since one template holds at most 200 outputs.
   */
  perComponent?: true;
}

export class TemplateBuilder {
  readonly parameters = new Map<string, ParameterDefinition>();
  /** Parameter groups for the console (AWS::CloudFormation::Interface), in first-use order. */
  readonly parameterGroups = new Map<string, string[]>();
  readonly conditions = new Map<string, TemplateValue>();
  readonly resources = new Map<string, ResourceDefinition>();
  readonly outputs = new Map<string, OutputDefinition>();
  /** Mappings and Outputs kept from imported code, printed as written (root template only). */
  readonly keptMappings = new Map<string, TemplateValue>();
  readonly keptOutputs = new Map<string, TemplateValue>();
  /** Comment lines printed above an entry, keyed "Resources.<id>" or "Parameters.<id>". */
  readonly comments: Record<string, string> = {};
  /**
   * Resource logical id -> the VPC, component, role or security group id it was emitted for
   * (`owner` while it was added): which stack of a split design it goes to (split.ts).
   */
  readonly owners = new Map<string, string>();
  /** The id resources added now belong to; set by generate.ts around each emitter call. */
  owner = '';

  addResource(logicalId: string, definition: ResourceDefinition, comment?: string): string {
    if (this.resources.has(logicalId)) throw new Error(`duplicate logical id ${logicalId}`);
    this.resources.set(logicalId, definition);
    this.owners.set(logicalId, this.owner);
    if (comment) this.comments[`Resources.${logicalId}`] = comment;
    return logicalId;
  }

  addParameter(name: string, definition: ParameterDefinition, group: string): string {
    if (this.parameters.has(name)) throw new Error(`duplicate parameter ${name}`);
    this.parameters.set(name, definition);
    const members = this.parameterGroups.get(group) ?? [];
    members.push(name);
    this.parameterGroups.set(group, members);
    return name;
  }

  /** Adds a condition; asking again for the same name and meaning reuses it. */
  addCondition(name: string, expression: TemplateValue): string {
    const existing = this.conditions.get(name);
    if (
      existing !== undefined &&
      JSON.stringify(toLongForm(existing)) !== JSON.stringify(toLongForm(expression))
    ) {
      throw new Error(`condition ${name} defined twice with different meanings`);
    }
    this.conditions.set(name, expression);
    return name;
  }

  addOutput(name: string, output: OutputDefinition): void {
    if (this.outputs.has(name)) throw new Error(`duplicate output ${name}`);
    this.outputs.set(name, output);
  }
}
