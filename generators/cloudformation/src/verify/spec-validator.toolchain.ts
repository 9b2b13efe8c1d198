/**
 * Checks a CloudFormation template (long-form JSON object: `{ Ref }`, `{ "Fn::GetAtt": [...] }`)
 * against the CloudFormation resource database in `@aws-cdk/aws-service-spec`, the one the CDK
 * itself is generated from. cfn-lint cannot be installed here; this is its offline stand-in for
 * the checks that decide whether a template deploys: resource types, property names, required
 * properties, value shapes, and every reference (Ref, Fn::GetAtt, Fn::Sub, conditions,
 * DependsOn), including references to conditional resources and dependency cycles.
 *
 * Node-only (loads the gzipped database from node_modules). Used by this package's toolchain
 * tests and by the CDK generator's, to check synthesized templates.
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';

export interface TemplateProblem {
  /** Dotted path into the template, e.g. `Resources.Queue.Properties.RedrivePolicy`. */
  path: string;
  message: string;
}

// The slice of the spec database's shapes this validator reads (its own types package is not
// a direct dependency of this workspace).
type PropertyType =
  | { type: 'string'; allowedValues?: string[] }
  | { type: 'integer'; allowedValues?: number[] }
  | { type: 'number' | 'boolean' | 'json' | 'date-time' | 'null' | 'tag' }
  | { type: 'ref'; reference: { $ref: string } }
  | { type: 'array' | 'map'; element: PropertyType }
  | { type: 'union'; types: PropertyType[] };

interface SpecProperty {
  type: PropertyType;
  previousTypes?: PropertyType[];
  required?: boolean;
  deprecated?: string;
}

interface SpecResource {
  cloudFormationType: string;
  properties: Record<string, SpecProperty>;
  attributes: Record<string, { type: PropertyType }>;
}

interface SpecTypeDefinition {
  name: string;
  properties: Record<string, SpecProperty>;
}

interface SpecLookup {
  resource(cloudFormationType: string): SpecResource | undefined;
  typeDefinition(ref: string): SpecTypeDefinition;
}

let loadedSpec: SpecLookup | undefined;

/** The database loads once per process (about a second); lookups are cached after that. */
function spec(): SpecLookup {
  if (loadedSpec) return loadedSpec;
  const db = loadAwsServiceSpecSync();
  const resources = new Map<string, SpecResource | undefined>();
  loadedSpec = {
    resource(cloudFormationType) {
      if (!resources.has(cloudFormationType)) {
        const found = db.lookup('resource', 'cloudFormationType', 'equals', cloudFormationType);
        resources.set(
          cloudFormationType,
          found.length === 1 ? (found[0] as unknown as SpecResource) : undefined,
        );
      }
      return resources.get(cloudFormationType);
    },
    typeDefinition(ref) {
      return db.get('typeDefinition', ref) as unknown as SpecTypeDefinition;
    },
  };
  return loadedSpec;
}

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

const TEMPLATE_SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
]);

const RESOURCE_KEYS = new Set([
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'UpdatePolicy',
  'CreationPolicy',
]);

/** Types CloudFormation accepts that the resource database does not list (CDK's analytics resource). */
const UNLISTED_TYPES = new Set(['AWS::CDK::Metadata']);

/** Per-template quotas (AWS CloudFormation quotas page). */
const QUOTAS: [string, number][] = [
  ['Resources', 500],
  ['Parameters', 200],
  ['Outputs', 200],
  ['Mappings', 200],
];

const DELETION_POLICIES = new Set(['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot']);

const PARAMETER_TYPE =
  /^(String|Number|List<Number>|CommaDelimitedList|List<AWS::[A-Za-z0-9:]+>|AWS::[A-Za-z0-9:]+|AWS::SSM::Parameter::Value<.+>|AWS::SSM::Parameter::Name)$/;

const CONDITION_FUNCTIONS = new Set(['Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Equals', 'Condition']);

/** What an intrinsic function evaluates to, as far as a static check can tell. */
type ValueKind = 'scalar' | 'list' | 'unknown';

/** Conditions known to hold (true) or not (false) where a value sits. */
type Assumptions = ReadonlyMap<string, boolean>;

interface Context {
  path: string;
  /** The resource whose properties are being read (for dependency edges), if any. */
  owner?: string;
  assumptions: Assumptions;
  /** Variables of the enclosing Fn::Sub, when checking its string. */
  subVariables?: ReadonlySet<string>;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ Ref: x }` or `{ "Fn::X": ... }` (or `{ Condition: x }` inside Conditions). */
function intrinsicName(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key.startsWith('Fn::') || key === 'Condition' ? key : undefined;
}

function isNoValue(value: unknown): boolean {
  return isObject(value) && value.Ref === 'AWS::NoValue' && Object.keys(value).length === 1;
}

function describeType(type: PropertyType, lookup: SpecLookup): string {
  switch (type.type) {
    case 'ref':
      return lookup.typeDefinition(type.reference.$ref).name;
    case 'array':
      return `list of ${describeType(type.element, lookup)}`;
    case 'map':
      return `map of ${describeType(type.element, lookup)}`;
    case 'union':
      return type.types.map((t) => describeType(t, lookup)).join(' | ');
    default:
      return type.type;
  }
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (isObject(value)) return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

class TemplateValidator {
  private readonly problems: TemplateProblem[] = [];
  private readonly lookup = spec();
  private readonly parameters: JsonObject;
  private readonly resources: JsonObject;
  private readonly conditions: JsonObject;
  private readonly mappings: JsonObject;
  /** Resource -> resources it depends on (Ref, GetAtt, Sub, DependsOn), for the cycle check. */
  private readonly dependencies = new Map<string, Set<string>>();

  constructor(private readonly template: JsonObject) {
    this.parameters = this.section('Parameters');
    this.resources = this.section('Resources');
    this.conditions = this.section('Conditions');
    this.mappings = this.section('Mappings');
  }

  run(): TemplateProblem[] {
    for (const key of Object.keys(this.template)) {
      if (!TEMPLATE_SECTIONS.has(key)) this.report(key, `unknown template section "${key}"`);
    }
    if (Object.keys(this.resources).length === 0)
      this.report('Resources', 'a template needs at least one resource');
    for (const [section, limit] of QUOTAS) {
      const count = Object.keys(this.section(section)).length;
      if (count > limit) this.report(section, `${count} entries; CloudFormation allows at most ${limit}`);
    }
    for (const name of Object.keys(this.parameters)) {
      if (name in this.resources)
        this.report(
          `Parameters.${name}`,
          `${name} is both a parameter and a resource (they share one namespace)`,
        );
    }
    this.checkParameters();
    this.checkRules();
    this.checkConditions();
    for (const [logicalId, resource] of Object.entries(this.resources))
      this.checkResource(logicalId, resource);
    this.checkOutputs();
    this.checkCycles();
    return this.problems;
  }

  private section(name: string): JsonObject {
    const value = this.template[name];
    if (value === undefined) return {};
    if (!isObject(value)) {
      this.report(name, `${name} must be a map`);
      return {};
    }
    return value;
  }

  private report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  private checkParameters(): void {
    for (const [name, parameter] of Object.entries(this.parameters)) {
      const path = `Parameters.${name}`;
      if (!isObject(parameter)) {
        this.report(path, 'a parameter must be a map');
        continue;
      }
      if (typeof parameter.Type !== 'string' || !PARAMETER_TYPE.test(parameter.Type)) {
        this.report(`${path}.Type`, `invalid parameter type ${JSON.stringify(parameter.Type)}`);
      }
      const allowed = parameter.AllowedValues;
      if (allowed !== undefined && parameter.Default !== undefined) {
        if (!Array.isArray(allowed) || !allowed.map(String).includes(String(parameter.Default))) {
          this.report(
            `${path}.Default`,
            `default ${JSON.stringify(parameter.Default)} is not in AllowedValues`,
          );
        }
      }
    }
  }

  /**
   * Rules: an optional RuleCondition and a non-empty list of Assertions, each an Assert built from
   * the rule functions over parameters, pseudo parameters and literals.
   */
  private checkRules(): void {
    for (const [name, rule] of Object.entries(this.section('Rules'))) {
      const path = `Rules.${name}`;
      if (!/^[A-Za-z0-9]+$/.test(name)) this.report(path, 'a rule name is alphanumeric');
      if (!isObject(rule)) {
        this.report(path, 'a rule is a map of RuleCondition and Assertions');
        continue;
      }
      for (const key of Object.keys(rule))
        if (key !== 'RuleCondition' && key !== 'Assertions')
          this.report(`${path}.${key}`, `unknown rule key "${key}"`);
      if (rule.RuleCondition !== undefined)
        this.checkRuleExpression(rule.RuleCondition, `${path}.RuleCondition`);
      const assertions = rule.Assertions;
      if (!Array.isArray(assertions) || assertions.length === 0) {
        this.report(`${path}.Assertions`, 'a rule needs a list of at least one assertion');
        continue;
      }
      assertions.forEach((assertion, i) => {
        const at = `${path}.Assertions[${i}]`;
        if (!isObject(assertion) || assertion.Assert === undefined)
          this.report(at, 'an assertion needs Assert');
        else this.checkRuleExpression(assertion.Assert, `${at}.Assert`);
        if (
          isObject(assertion) &&
          assertion.AssertDescription !== undefined &&
          typeof assertion.AssertDescription !== 'string'
        )
          this.report(`${at}.AssertDescription`, 'AssertDescription is a string');
      });
    }
  }

  /** Rule functions: Fn::Equals/Not/And/Or/Contains/EachMember*, over Ref to parameters or pseudo parameters. */
  private checkRuleExpression(expression: unknown, path: string): void {
    if (typeof expression === 'string' || typeof expression === 'number' || typeof expression === 'boolean')
      return;
    if (Array.isArray(expression)) {
      expression.forEach((item, i) => this.checkRuleExpression(item, `${path}[${i}]`));
      return;
    }
    const name = intrinsicName(expression);
    const allowed = [
      'Fn::Equals',
      'Fn::Not',
      'Fn::And',
      'Fn::Or',
      'Fn::Contains',
      'Fn::EachMemberEquals',
      'Fn::EachMemberIn',
      'Fn::RefAll',
      'Fn::ValueOf',
      'Fn::ValueOfAll',
      'Ref',
    ];
    if (!name || !allowed.includes(name)) {
      this.report(path, `rules take only the rule functions (${allowed.join(', ')})`);
      return;
    }
    const argument = (expression as JsonObject)[name];
    if (name === 'Ref') {
      if (
        typeof argument !== 'string' ||
        (!(argument in this.parameters) && !PSEUDO_PARAMETERS.has(argument))
      )
        this.report(
          `${path}.Ref`,
          `a rule refers only to parameters and pseudo parameters, not ${JSON.stringify(argument)}`,
        );
      return;
    }
    this.checkRuleExpression(argument, `${path}.${name}`);
  }

  private checkConditions(): void {
    for (const [name, condition] of Object.entries(this.conditions)) {
      this.checkConditionExpression(condition, `Conditions.${name}`);
    }
  }

  /** Condition functions over parameters and literals only (no resources, no attributes). */
  private checkConditionExpression(expression: unknown, path: string): void {
    const name = intrinsicName(expression);
    if (!name || !CONDITION_FUNCTIONS.has(name)) {
      this.report(path, 'a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition');
      return;
    }
    const argument = (expression as JsonObject)[name];
    if (name === 'Condition') {
      this.checkConditionName(argument, path);
      return;
    }
    if (!Array.isArray(argument)) {
      this.report(`${path}.${name}`, `${name} takes a list`);
      return;
    }
    if (name === 'Fn::Equals') {
      if (argument.length !== 2) this.report(`${path}.${name}`, 'Fn::Equals takes two values');
      argument.forEach((operand, i) => this.checkConditionOperand(operand, `${path}.${name}[${i}]`));
      return;
    }
    if (name === 'Fn::Not' && argument.length !== 1)
      this.report(`${path}.${name}`, 'Fn::Not takes one condition');
    if (name !== 'Fn::Not' && (argument.length < 2 || argument.length > 10)) {
      this.report(`${path}.${name}`, `${name} takes 2 to 10 conditions`);
    }
    argument.forEach((inner, i) => this.checkConditionExpression(inner, `${path}.${name}[${i}]`));
  }

  private checkConditionOperand(operand: unknown, path: string): void {
    const name = intrinsicName(operand);
    if (!name) {
      if (isObject(operand) || Array.isArray(operand)) this.report(path, 'Fn::Equals compares strings');
      return;
    }
    if (name === 'Ref') {
      const target = (operand as JsonObject).Ref;
      if (typeof target !== 'string' || !(target in this.parameters || PSEUDO_PARAMETERS.has(target))) {
        this.report(
          `${path}.Ref`,
          `conditions may only Ref parameters and pseudo parameters, not ${JSON.stringify(target)}`,
        );
      }
      return;
    }
    if (name === 'Fn::GetAtt') {
      this.report(path, 'conditions cannot use Fn::GetAtt');
      return;
    }
    this.evaluate(operand, { path, assumptions: new Map() });
  }

  private checkConditionName(name: unknown, path: string): boolean {
    if (typeof name !== 'string' || !(name in this.conditions)) {
      this.report(path, `condition ${JSON.stringify(name)} is not defined in Conditions`);
      return false;
    }
    return true;
  }

  private checkResource(logicalId: string, resource: unknown): void {
    const path = `Resources.${logicalId}`;
    if (!/^[A-Za-z0-9]{1,255}$/.test(logicalId))
      this.report(path, 'logical ids must be 1-255 alphanumeric characters');
    if (!isObject(resource)) {
      this.report(path, 'a resource must be a map');
      return;
    }
    this.dependencies.set(logicalId, new Set());
    for (const key of Object.keys(resource)) {
      if (!RESOURCE_KEYS.has(key)) this.report(`${path}.${key}`, `unknown resource attribute "${key}"`);
    }
    const assumptions = new Map<string, boolean>();
    if (
      resource.Condition !== undefined &&
      this.checkConditionName(resource.Condition, `${path}.Condition`)
    ) {
      assumptions.set(resource.Condition as string, true);
    }
    for (const policyKey of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      const policy = resource[policyKey];
      if (policy !== undefined && !(typeof policy === 'string' && DELETION_POLICIES.has(policy))) {
        this.report(`${path}.${policyKey}`, `invalid ${policyKey} ${JSON.stringify(policy)}`);
      }
    }
    this.checkDependsOn(logicalId, resource.DependsOn, assumptions);

    const type = resource.Type;
    if (typeof type !== 'string') {
      this.report(`${path}.Type`, 'a resource needs a Type');
      return;
    }
    const context: Context = { path: `${path}.Properties`, owner: logicalId, assumptions };
    const properties = resource.Properties;
    if (properties !== undefined && !isObject(properties)) {
      this.report(context.path, 'Properties must be a map');
      return;
    }
    if (UNLISTED_TYPES.has(type)) {
      if (properties) this.walkForReferences(properties, context);
      return;
    }
    if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') {
      if (!properties || properties.ServiceToken === undefined)
        this.report(context.path, 'a custom resource needs a ServiceToken');
      if (properties) this.walkForReferences(properties, context);
      return;
    }
    const definition = this.lookup.resource(type);
    if (!definition) {
      this.report(`${path}.Type`, `unknown resource type ${type}`);
      return;
    }
    this.checkProperties(properties ?? {}, definition.properties, context);
  }

  private checkDependsOn(logicalId: string, dependsOn: unknown, assumptions: Assumptions): void {
    if (dependsOn === undefined) return;
    const targets = Array.isArray(dependsOn) ? dependsOn : [dependsOn];
    targets.forEach((target, i) => {
      const path = `Resources.${logicalId}.DependsOn${Array.isArray(dependsOn) ? `[${i}]` : ''}`;
      if (typeof target !== 'string' || !(target in this.resources)) {
        this.report(path, `DependsOn names ${JSON.stringify(target)}, which is not a resource`);
        return;
      }
      this.useResource(target, { path, owner: logicalId, assumptions });
    });
  }

  private checkOutputs(): void {
    for (const [name, output] of Object.entries(this.section('Outputs'))) {
      const path = `Outputs.${name}`;
      if (!isObject(output)) {
        this.report(path, 'an output must be a map');
        continue;
      }
      const assumptions = new Map<string, boolean>();
      if (output.Condition !== undefined && this.checkConditionName(output.Condition, `${path}.Condition`)) {
        assumptions.set(output.Condition as string, true);
      }
      if (output.Value === undefined) this.report(path, 'an output needs a Value');
      else this.checkScalar(output.Value, { path: `${path}.Value`, assumptions });
      if (output.Export !== undefined) {
        if (!isObject(output.Export) || output.Export.Name === undefined) {
          this.report(`${path}.Export`, 'Export needs a Name');
        } else {
          this.checkScalar(output.Export.Name, { path: `${path}.Export.Name`, assumptions });
        }
      }
    }
  }

  private checkScalar(value: unknown, context: Context): void {
    if (intrinsicName(value)) {
      if (this.evaluate(value, context) === 'list')
        this.report(context.path, 'expected a single value, got a list');
    } else if (isObject(value) || Array.isArray(value)) {
      this.report(context.path, `expected a single value, got ${describeValue(value)}`);
    }
  }

  private checkProperties(
    values: JsonObject,
    properties: Record<string, SpecProperty>,
    context: Context,
  ): void {
    for (const [name, value] of Object.entries(values)) {
      const path = `${context.path}.${name}`;
      const property = properties[name];
      if (!property || property.deprecated === 'IGNORE') {
        this.report(path, `unknown property ${name}`);
        this.walkForReferences(value, { ...context, path });
        continue;
      }
      this.checkAgainstAny(value, [property.type, ...(property.previousTypes ?? [])], { ...context, path });
    }
    for (const [name, property] of Object.entries(properties)) {
      if (property.required && (values[name] === undefined || isNoValue(values[name]))) {
        this.report(`${context.path}.${name}`, `required property ${name} is missing`);
      }
    }
  }

  /** Accepts the value if it matches one of the types; otherwise reports the closest miss. */
  private checkAgainstAny(value: unknown, types: PropertyType[], context: Context): void {
    if (types.length === 1) {
      this.checkValue(value, types[0]!, context);
      return;
    }
    let closest: TemplateProblem[] | undefined;
    for (const type of types) {
      const problems = this.trial(() => this.checkValue(value, type, context));
      if (problems.length === 0) return;
      if (!closest || problems.length < closest.length) closest = problems;
    }
    this.problems.push(...(closest ?? []));
  }

  /** Runs a check without reporting, so union members can be tried one by one. */
  private trial(check: () => void): TemplateProblem[] {
    const start = this.problems.length;
    check();
    return this.problems.splice(start);
  }

  private checkValue(value: unknown, type: PropertyType, context: Context): void {
    const name = intrinsicName(value);
    if (name === 'Fn::If') {
      this.checkIf(value as JsonObject, context, (branch, branchContext) =>
        this.checkValue(branch, type, branchContext),
      );
      return;
    }
    if (name) {
      const kind = this.evaluate(value, context);
      if (kind === 'list' && type.type !== 'array' && type.type !== 'json' && type.type !== 'union') {
        this.report(context.path, `expected ${describeType(type, this.lookup)}, got a list`);
      }
      if (
        kind === 'scalar' &&
        (type.type === 'array' || type.type === 'ref' || type.type === 'map' || type.type === 'tag')
      ) {
        this.report(context.path, `expected ${describeType(type, this.lookup)}, got a single value`);
      }
      return;
    }
    switch (type.type) {
      case 'string':
      case 'date-time':
        // CloudFormation turns numbers and booleans into strings; lists and maps are errors.
        if (isObject(value) || Array.isArray(value) || value === null) this.mismatch(value, type, context);
        else if (
          type.type === 'string' &&
          type.allowedValues &&
          typeof value === 'string' &&
          !type.allowedValues.includes(value)
        ) {
          this.report(
            context.path,
            `${JSON.stringify(value)} is not one of ${type.allowedValues.join(', ')}`,
          );
        }
        return;
      case 'number':
        if (!(
          typeof value === 'number' ||
          (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        )) {
          this.mismatch(value, type, context);
        }
        return;
      case 'integer': {
        const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
        if (typeof number !== 'number' || !Number.isInteger(number)) this.mismatch(value, type, context);
        else if (type.allowedValues && !type.allowedValues.includes(number)) {
          this.report(context.path, `${number} is not one of ${type.allowedValues.join(', ')}`);
        }
        return;
      }
      case 'boolean':
        if (!(typeof value === 'boolean' || value === 'true' || value === 'false'))
          this.mismatch(value, type, context);
        return;
      case 'null':
        if (value !== null) this.mismatch(value, type, context);
        return;
      case 'json':
        // Free-form (policy documents, ...): any shape, but references inside must resolve.
        this.walkForReferences(value, context);
        return;
      case 'tag':
        if (!isObject(value)) this.mismatch(value, type, context);
        else this.checkTag(value, context);
        return;
      case 'array':
        if (!Array.isArray(value)) this.mismatch(value, type, context);
        else
          value.forEach((item, i) =>
            this.checkValue(item, type.element, { ...context, path: `${context.path}[${i}]` }),
          );
        return;
      case 'map':
        if (!isObject(value)) this.mismatch(value, type, context);
        else {
          for (const [key, item] of Object.entries(value)) {
            this.checkValue(item, type.element, { ...context, path: `${context.path}.${key}` });
          }
        }
        return;
      case 'ref':
        if (!isObject(value)) this.mismatch(value, type, context);
        else this.checkProperties(value, this.lookup.typeDefinition(type.reference.$ref).properties, context);
        return;
      case 'union':
        this.checkAgainstAny(value, type.types, context);
        return;
    }
  }

  private mismatch(value: unknown, type: PropertyType, context: Context): void {
    this.report(context.path, `expected ${describeType(type, this.lookup)}, got ${describeValue(value)}`);
  }

  private checkTag(tag: JsonObject, context: Context): void {
    for (const key of Object.keys(tag)) {
      if (key !== 'Key' && key !== 'Value') this.report(`${context.path}.${key}`, `unknown tag field ${key}`);
    }
    for (const field of ['Key', 'Value']) {
      if (tag[field] === undefined) this.report(`${context.path}.${field}`, `a tag needs a ${field}`);
      else this.checkScalar(tag[field], { ...context, path: `${context.path}.${field}` });
    }
  }

  /** Fn::If [condition, whenTrue, whenFalse]: each branch checked under its assumption. */
  private checkIf(
    value: JsonObject,
    context: Context,
    checkBranch: (branch: unknown, context: Context) => void,
  ): void {
    const argument = value['Fn::If'];
    const path = `${context.path}.Fn::If`;
    if (!Array.isArray(argument) || argument.length !== 3) {
      this.report(path, 'Fn::If takes [condition, value if true, value if false]');
      return;
    }
    const [condition, whenTrue, whenFalse] = argument;
    if (!this.checkConditionName(condition, `${path}[0]`)) return;
    const conditionName = condition as string;
    const branches: [unknown, boolean, number][] = [
      [whenTrue, true, 1],
      [whenFalse, false, 2],
    ];
    for (const [branch, holds, index] of branches) {
      if (context.assumptions.get(conditionName) === !holds) continue; // unreachable branch
      if (isNoValue(branch)) continue;
      const assumptions = new Map(context.assumptions).set(conditionName, holds);
      checkBranch(branch, { ...context, path: `${path}[${index}]`, assumptions });
    }
  }

  /** Checks every intrinsic inside a free-form value (json properties, unknown properties). */
  private walkForReferences(value: unknown, context: Context): void {
    if (intrinsicName(value)) {
      if (intrinsicName(value) === 'Fn::If') {
        this.checkIf(value as JsonObject, context, (branch, branchContext) =>
          this.walkForReferences(branch, branchContext),
        );
      } else this.evaluate(value, context);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => this.walkForReferences(item, { ...context, path: `${context.path}[${i}]` }));
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value))
        this.walkForReferences(item, { ...context, path: `${context.path}.${key}` });
    }
  }

  /** A value in an intrinsic's argument: a literal, or a nested intrinsic. */
  private evaluateArgument(value: unknown, context: Context): ValueKind {
    if (intrinsicName(value)) return this.evaluate(value, context);
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.evaluateArgument(item, { ...context, path: `${context.path}[${i}]` }));
      return 'list';
    }
    if (isObject(value)) {
      this.walkForReferences(value, context);
      return 'unknown';
    }
    return 'scalar';
  }

  /** Checks one intrinsic function call and says what it evaluates to. */
  private evaluate(value: unknown, context: Context): ValueKind {
    const name = intrinsicName(value)!;
    const argument = (value as JsonObject)[name];
    const path = `${context.path}.${name}`;
    const inner = { ...context, path };
    switch (name) {
      case 'Ref':
        return this.checkRef(argument, inner);
      case 'Fn::GetAtt':
        return this.checkGetAtt(argument, inner);
      case 'Fn::Sub':
        this.checkSub(argument, inner);
        return 'scalar';
      case 'Fn::If': {
        const kinds = new Set<ValueKind>();
        this.checkIf(value as JsonObject, context, (branch, branchContext) =>
          kinds.add(this.evaluateArgument(branch, branchContext)),
        );
        return kinds.size === 1 ? [...kinds][0]! : 'unknown';
      }
      case 'Fn::Join': {
        if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
          this.report(path, 'Fn::Join takes [delimiter, list]');
          return 'scalar';
        }
        const list = argument[1];
        if (Array.isArray(list)) {
          list.forEach((item, i) => this.checkScalar(item, { ...inner, path: `${path}[1][${i}]` }));
        } else if (
          !intrinsicName(list) ||
          this.evaluate(list, { ...inner, path: `${path}[1]` }) === 'scalar'
        ) {
          this.report(`${path}[1]`, 'Fn::Join needs a list to join');
        }
        return 'scalar';
      }
      case 'Fn::Select': {
        if (!Array.isArray(argument) || argument.length !== 2) {
          this.report(path, 'Fn::Select takes [index, list]');
          return 'unknown';
        }
        this.evaluateArgument(argument[0], { ...inner, path: `${path}[0]` });
        if (
          !Array.isArray(argument[1]) &&
          this.evaluateArgument(argument[1], { ...inner, path: `${path}[1]` }) === 'scalar'
        ) {
          this.report(`${path}[1]`, 'Fn::Select needs a list to select from');
        } else if (Array.isArray(argument[1])) {
          this.evaluateArgument(argument[1], { ...inner, path: `${path}[1]` });
          if (
            typeof argument[0] === 'number' ||
            (typeof argument[0] === 'string' && /^\d+$/.test(argument[0]))
          ) {
            if (Number(argument[0]) >= argument[1].length) this.report(`${path}[0]`, 'index out of range');
          }
        }
        return 'unknown';
      }
      case 'Fn::Split':
        if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
          this.report(path, 'Fn::Split takes [delimiter, string]');
        } else this.checkScalar(argument[1], { ...inner, path: `${path}[1]` });
        return 'list';
      case 'Fn::GetAZs':
        if (argument !== '') this.checkScalar(argument, inner);
        return 'list';
      case 'Fn::Cidr':
        if (!Array.isArray(argument) || argument.length !== 3)
          this.report(path, 'Fn::Cidr takes [ipBlock, count, cidrBits]');
        else argument.forEach((item, i) => this.checkScalar(item, { ...inner, path: `${path}[${i}]` }));
        return 'list';
      case 'Fn::ImportValue':
      case 'Fn::Base64':
        this.checkScalar(argument, inner);
        return 'scalar';
      case 'Fn::FindInMap':
        this.checkFindInMap(argument, inner);
        return 'unknown';
      case 'Fn::Length':
      case 'Fn::ToJsonString':
        this.evaluateArgument(argument, inner);
        return 'scalar';
      case 'Fn::Transform':
        return 'unknown';
      default:
        if (CONDITION_FUNCTIONS.has(name))
          this.report(path, `${name} is only allowed in Conditions (use Fn::If here)`);
        else this.report(path, `unknown intrinsic function ${name}`);
        return 'unknown';
    }
  }

  private checkRef(target: unknown, context: Context): ValueKind {
    if (typeof target !== 'string') {
      this.report(context.path, 'Ref takes a name');
      return 'unknown';
    }
    if (PSEUDO_PARAMETERS.has(target)) return target === 'AWS::NotificationARNs' ? 'list' : 'scalar';
    const parameter = this.parameters[target];
    if (isObject(parameter)) {
      const type = String(parameter.Type);
      return type.startsWith('List<') ||
        type === 'CommaDelimitedList' ||
        /^AWS::SSM::Parameter::Value<List<|CommaDelimitedList>$/.test(type)
        ? 'list'
        : 'scalar';
    }
    if (target in this.resources) {
      this.useResource(target, context);
      return 'scalar';
    }
    this.report(
      context.path,
      `Ref ${JSON.stringify(target)} names no parameter, resource or pseudo parameter`,
    );
    return 'unknown';
  }

  private checkGetAtt(argument: unknown, context: Context): ValueKind {
    let resourceName: unknown;
    let attribute: unknown;
    if (typeof argument === 'string') {
      const dot = argument.indexOf('.');
      [resourceName, attribute] =
        dot < 0 ? [argument, undefined] : [argument.slice(0, dot), argument.slice(dot + 1)];
    } else if (Array.isArray(argument) && argument.length === 2) {
      [resourceName, attribute] = argument;
    }
    if (typeof resourceName !== 'string' || attribute === undefined) {
      this.report(context.path, 'Fn::GetAtt takes [resource, attribute] or "resource.attribute"');
      return 'unknown';
    }
    return this.checkAttribute(resourceName, attribute, context);
  }

  private checkAttribute(resourceName: string, attribute: unknown, context: Context): ValueKind {
    const resource = this.resources[resourceName];
    if (!isObject(resource)) {
      this.report(context.path, `Fn::GetAtt names ${JSON.stringify(resourceName)}, which is not a resource`);
      return 'unknown';
    }
    this.useResource(resourceName, context);
    if (typeof attribute !== 'string') {
      this.evaluateArgument(attribute, context);
      return 'unknown';
    }
    const type = String(resource.Type);
    if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return 'unknown';
    if (type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) return 'scalar';
    const definition = this.lookup.resource(type);
    if (!definition) return 'unknown'; // the unknown type is reported on the resource itself
    const spec = definition.attributes[attribute];
    if (!spec) {
      const valid = Object.keys(definition.attributes).sort().join(', ') || 'none';
      this.report(context.path, `${type} has no attribute ${attribute} (valid: ${valid})`);
      return 'unknown';
    }
    return spec.type.type === 'array' ? 'list' : 'scalar';
  }

  private checkSub(argument: unknown, context: Context): void {
    let text: unknown = argument;
    const variables = new Set<string>();
    if (Array.isArray(argument)) {
      if (argument.length !== 2 || !isObject(argument[1])) {
        this.report(context.path, 'Fn::Sub takes a string or [string, {variables}]');
        return;
      }
      text = argument[0];
      for (const [name, value] of Object.entries(argument[1])) {
        variables.add(name);
        this.checkScalar(value, { ...context, path: `${context.path}[1].${name}` });
      }
    }
    if (typeof text !== 'string') {
      this.report(context.path, 'Fn::Sub needs a string');
      return;
    }
    for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
      const name = match[1]!.trim();
      if (name.startsWith('!')) continue; // ${!Literal} prints "${Literal}"
      if (variables.has(name) || PSEUDO_PARAMETERS.has(name) || name in this.parameters) continue;
      if (name in this.resources) {
        this.useResource(name, context);
        continue;
      }
      const dot = name.indexOf('.');
      if (dot > 0 && name.slice(0, dot) in this.resources) {
        this.checkAttribute(name.slice(0, dot), name.slice(dot + 1), context);
        continue;
      }
      this.report(
        context.path,
        `Fn::Sub variable \${${name}} names no parameter, resource, attribute or variable`,
      );
    }
  }

  private checkFindInMap(argument: unknown, context: Context): void {
    if (!Array.isArray(argument) || argument.length < 3) {
      this.report(context.path, 'Fn::FindInMap takes [map, top-level key, second-level key]');
      return;
    }
    const [mapName, ...keys] = argument;
    if (typeof mapName === 'string' && !(mapName in this.mappings)) {
      this.report(`${context.path}[0]`, `mapping ${JSON.stringify(mapName)} is not defined in Mappings`);
    }
    keys.forEach((key, i) => this.evaluateArgument(key, { ...context, path: `${context.path}[${i + 1}]` }));
  }

  /**
   * Records a dependency and checks that a conditional resource is only used where its condition
   * holds: CloudFormation rejects a reference to a resource it does not create.
   */
  private useResource(target: string, context: Context): void {
    if (context.owner) this.dependencies.get(context.owner)?.add(target);
    const resource = this.resources[target];
    const condition = isObject(resource) ? resource.Condition : undefined;
    if (typeof condition === 'string' && context.assumptions.get(condition) !== true) {
      this.report(
        context.path,
        `${target} exists only when condition ${condition} holds; use it only under Condition: ${condition} or in Fn::If [${condition}, ...]`,
      );
    }
  }

  private checkCycles(): void {
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (id: string): void => {
      state.set(id, 'visiting');
      stack.push(id);
      for (const next of [...(this.dependencies.get(id) ?? [])].sort()) {
        if (state.get(next) === 'visiting') {
          const cycle = [...stack.slice(stack.indexOf(next)), next];
          this.report(`Resources.${id}`, `circular dependency: ${cycle.join(' -> ')}`);
        } else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(id, 'done');
    };
    for (const id of [...this.dependencies.keys()].sort()) if (!state.has(id)) visit(id);
  }
}

/** Every problem in the template, empty when it matches the resource specification. */
export function validateTemplate(template: object): TemplateProblem[] {
  if (!isObject(template)) return [{ path: '', message: 'a template must be a map' }];
  return new TemplateValidator(template).run();
}

/** Conditions no resource, output, Fn::If or other condition uses (cfn-lint W8001). */
export function unusedConditions(template: object): string[] {
  if (!isObject(template) || !isObject(template.Conditions)) return [];
  const used = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      if (key === 'Fn::If' && typeof value[0] === 'string') used.add(value[0]);
      value.forEach((item) => visit(item));
    } else if (isObject(value)) {
      for (const [childKey, child] of Object.entries(value)) {
        if (childKey === 'Condition' && typeof child === 'string') used.add(child);
        visit(child, childKey);
      }
    }
  };
  visit({ ...template, Conditions: undefined });
  visit(Object.values(template.Conditions));
  return Object.keys(template.Conditions).filter((name) => !used.has(name));
}
