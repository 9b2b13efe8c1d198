import { hasDynamicReference } from '@archgen/model';
import type { Design } from '@archgen/model';
import type { Finding, FixAction, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';
import { textFields, type TextField } from './text-fields.ts';

/** `{{resolve:ssm:/p}}` -> `resolve:ssm:/p`: the text stays, CloudFormation no longer resolves it. */
export function withoutDynamicReferences(text: string): string {
  return text.replace(/\{\{\s*(resolve\s*:[^{}]*)\}\}/gi, '$1').replace(/\{\{(?=\s*resolve\s*:)/gi, '');
}

/** The actions that take the dynamic references out of the fields that have them. */
function fixActions(design: Design, fields: readonly TextField[]): FixAction[] {
  const actions: FixAction[] = [];
  for (const field of fields) {
    const value = withoutDynamicReferences(field.text);
    const { kind, id } = field.target;
    if (kind === 'node' && field.label === 'name')
      actions.push({ kind: 'rename-node', nodeId: id, name: value });
    else if (kind === 'vpc') actions.push({ kind: 'rename-vpc', vpcId: id, name: value });
    else if (kind === 'design' && (field.label === 'name' || field.label === 'description'))
      actions.push({ kind: 'set-design-text', field: field.label, value });
    else if (kind === 'design' && field.label.startsWith('tag key '))
      actions.push({ kind: 'rename-tag', key: field.text, newKey: value });
    else if (kind === 'design' && field.label.startsWith('tag ')) {
      const key = Object.keys(design.tags).find((k) => design.tags[k] === field.text);
      if (key !== undefined) actions.push({ kind: 'set-tag', key, value });
    }
  }
  return actions;
}

/**
 * CloudFormation replaces `{{resolve:...}}` anywhere in a template with the secret or parameter
 * it names, at deploy time. In a tag or description that publishes a secret where anyone with
 * read access sees it. The lowering writes such text with the braces broken (`{ {resolve:`) in
 * every target; this finding says so and offers to take the reference out.
 */
export const TXT_01: Rule = {
  id: 'TXT-01',
  title: 'No CloudFormation dynamic reference in names, descriptions or tags',
  pillar: 'security',
  severity: 'high',
  equivalents: [],
  // Not breaksGeneratedCode: the text is written as "{ {resolve:", which deploys as plain text.
  check(ctx) {
    const byTarget = new Map<string, TextField[]>();
    for (const field of textFields(ctx.design)) {
      if (!hasDynamicReference(field.text)) continue;
      const key = `${field.target.kind}:${field.target.id}`;
      byTarget.set(key, [...(byTarget.get(key) ?? []), field]);
    }
    const findings: Finding[] = [];
    for (const fields of byTarget.values()) {
      const target = fields[0]!.target;
      const owner =
        target.kind === 'node'
          ? (ctx.nodesById.get(target.id)?.name ?? target.id)
          : target.kind === 'vpc'
            ? (ctx.vpcsById.get(target.id)?.name ?? target.id)
            : target.kind === 'connection'
              ? `Connection ${target.id}`
              : 'The design';
      const labels = [...new Set(fields.map((f) => f.label))].join(', ');
      const actions = fixActions(ctx.design, fields);
      findings.push(
        makeFinding(
          TXT_01,
          target,
          `${owner}: ${labels} contains a CloudFormation dynamic reference ({{resolve:...}})`,
          'CloudFormation would replace it with the secret or parameter it names at deploy time, publishing that value in a tag or description. The generated code writes it as "{ {resolve:" so it stays text; take it out.',
          { title: 'Remove the dynamic reference', actions },
        ),
      );
    }
    return findings;
  },
};
