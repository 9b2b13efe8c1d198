/** The design's free text that reaches generated templates, by what it belongs to. */
import type { Design } from '@archgen/model';
import type { Finding } from '../../types.ts';

export interface TextField {
  target: Finding['target'];
  /** What the text is, for a message: 'name', 'description', 'tag "team"', 'property "x"'. */
  label: string;
  text: string;
}

/** Every string in a property value (lists and records included). */
function propertyStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) propertyStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) propertyStrings(v, out);
}

export const DESIGN_TARGET: Finding['target'] = { kind: 'design', id: 'design' };

/** Names, descriptions, tags, labels, accepted-risk reasons and string properties (with overrides). */
export function textFields(design: Design): TextField[] {
  const fields: TextField[] = [
    { target: DESIGN_TARGET, label: 'name', text: design.name },
    { target: DESIGN_TARGET, label: 'description', text: design.description },
  ];
  for (const [key, value] of Object.entries(design.tags)) {
    fields.push({ target: DESIGN_TARGET, label: `tag key "${key}"`, text: key });
    fields.push({ target: DESIGN_TARGET, label: `tag "${key}"`, text: value });
  }
  for (const vpc of design.vpcs)
    fields.push({ target: { kind: 'vpc', id: vpc.id }, label: 'name', text: vpc.name });
  for (const node of design.nodes) {
    const target: Finding['target'] = { kind: 'node', id: node.id };
    fields.push({ target, label: 'name', text: node.name });
    const overrides = design.environments.map((e) => e.overrides[node.id] ?? {});
    for (const props of [node.properties, ...overrides]) {
      for (const [key, value] of Object.entries(props)) {
        const strings: string[] = [];
        propertyStrings(value, strings);
        for (const text of strings) fields.push({ target, label: `property "${key}"`, text });
      }
    }
  }
  // Connection labels become security group rule descriptions.
  for (const connection of design.connections)
    if (connection.label !== undefined)
      fields.push({
        target: { kind: 'connection', id: connection.id },
        label: 'label',
        text: connection.label,
      });
  for (const risk of design.acceptedRisks)
    fields.push({ target: DESIGN_TARGET, label: `reason for accepting ${risk.ruleId}`, text: risk.reason });
  return fields;
}
