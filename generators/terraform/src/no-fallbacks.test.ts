/**
 * Terraform emitters read every property from the resolved graph, never restating a catalog
 * default as a fallback (issue 10 item 1): 149 reads did, and five contradicted the catalog (API
 * authorizer "none" vs "iam", Cognito MFA "optional" vs "required", Aurora capacity "provisioned"
 * vs "serverless-v2", Fargate cpu 256 vs 512 and memory 512 vs 1024).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateTerraform } from './index.ts';

const EMITTERS = join(new URL('.', import.meta.url).pathname, 'emitters');

/** Arguments each property read takes: (component, key[, env]) plus, for some, a function. */
const ARITY: Record<string, { values: number; functions: number }> = {
  value: { values: 2, functions: 0 },
  num: { values: 2, functions: 0 },
  text: { values: 2, functions: 0 },
  flag: { values: 2, functions: 0 },
  valueIn: { values: 3, functions: 0 },
  numIn: { values: 3, functions: 0 },
  textIn: { values: 3, functions: 0 },
  flagIn: { values: 3, functions: 0 },
  some: { values: 2, functions: 1 },
  presence: { values: 2, functions: 1 },
  prop: { values: 2, functions: 1 },
};

/** Calls of ctx.<read>(...) whose extra arguments are not functions: a restated default. */
function fallbacks(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.expression.getText(source) === 'ctx'
    ) {
      const arity = ARITY[node.expression.name.text];
      const extra = arity ? node.arguments[arity.values] : undefined;
      const isFunction =
        extra && (ts.isArrowFunction(extra) || ts.isFunctionExpression(extra) || ts.isIdentifier(extra));
      if (arity && extra && !(arity.functions > 0 && isFunction)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${file.split('/').pop()}:${line} ${node.getText(source).slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('Terraform reads the resolved graph only', () => {
  it('no emitter passes a fallback to a property read', () => {
    const files = readdirSync(EMITTERS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => fallbacks(join(EMITTERS, f)))).toEqual([]);
  }, 60_000);

  it('a property the lowering did not resolve is an error, not a silent default', () => {
    const graph = lowerDesign(design('Pool').node('cognito-user-pool', { id: 'pool', name: 'Pool' }).build());
    delete graph.components.find((c) => c.id === 'pool')!.props.mfa;
    expect(() => generateTerraform(graph)).toThrow(/cognito-user-pool "pool" has no resolved "mfa"/);
  });

  it('prints the catalog defaults the lowering resolved (MFA required, Fargate 512 CPU / 1024 MiB)', () => {
    const files = generateTerraform(
      lowerDesign(
        design('Defaults')
          .vpc()
          .node('cognito-user-pool', { id: 'pool', name: 'Pool' })
          .node('ecs-fargate', { id: 'app', name: 'App', tier: 'private' })
          .build(),
      ),
    );
    const all = Object.values(files).join('\n');
    expect(all).toMatch(/mfa_configuration\s+= "ON"/);
    expect(all).toMatch(/cpu\s+= "512"/);
    expect(all).toMatch(/memory\s+= "1024"/);
  });
});
