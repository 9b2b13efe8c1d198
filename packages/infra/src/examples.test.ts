import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** examples/*.json and fixtures/adversarial/*.json, parsed (the root test-support loader is for toolchain suites). */
function verificationDesigns() {
  return ['examples', 'fixtures/adversarial'].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const result = parseDesign(readFileSync(join(ROOT, dir, f), 'utf8'));
        if (!result.ok)
          throw new Error(`${dir}/${f}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
        return { name: `${dir}/${f}`, design: result.design };
      }),
  );
}

// Every example and adversarial design lowers into a consistent graph, the same way twice.
describe.each(verificationDesigns())('$name', ({ design }) => {
  it('lowers into a consistent graph', () => {
    const graph = lowerDesign(design);
    expect(graphProblems(graph)).toEqual([]);
    expect(graph.components.filter((c) => !c.derived).length).toBe(
      design.nodes.filter((n) => n.type !== 'users').length,
    );
  });

  it('is deterministic', () => {
    const reversed = {
      ...design,
      nodes: [...design.nodes].reverse(),
      connections: [...design.connections].reverse(),
    };
    expect(JSON.stringify(lowerDesign(reversed))).toBe(JSON.stringify(lowerDesign(design)));
  });
});
