/**
 * Every property an environment may override reaches all three targets per environment: for
 * each service in the every-service fixture and each property without `sameInEveryEnvironment`,
 * prod gets another valid value and every generator must still produce code. A generator that
 * cannot follow the value (it would build prod from dev's value, or refuses) fails this test
 * with the service, the property and its message; a property that truly cannot differ belongs
 * in the catalog as `sameInEveryEnvironment`, which the design check enforces while drawing.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  defaultProperties,
  parseDesign,
  requireService,
  type Design,
  type PropertyDefinition,
  type PropertyValue,
} from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { GENERATORS, TARGETS } from './generate.ts';

const fixture = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../fixtures/adversarial/every-service.json', import.meta.url)),
    'utf8',
  ),
) as Design;

/** Strings whose valid alternatives cannot be guessed from a pattern. */
const STRING_ALTERNATIVES: Record<string, string> = {
  schedule: 'rate(15 minutes)',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
  aliases: 'other.example.com',
};

/** Other values to try, in order; the first the design check accepts is the probe. */
function candidates(def: PropertyDefinition, current: PropertyValue): PropertyValue[] {
  switch (def.kind) {
    case 'boolean':
      return [current !== true];
    case 'enum':
      return def.options.map((o) => o.value).filter((v) => v !== current);
    case 'number': {
      if (def.allowedValues) return def.allowedValues.filter((v) => v !== current);
      const n = typeof current === 'number' ? current : def.default;
      const whole = def.integer !== false && Number.isInteger(n);
      const tries = [n + 1, n - 1, n * 2, Math.floor(n / 2), 7, 14, 30, 60, 90, 365, 600, 3];
      return tries.filter(
        (v) =>
          v !== n &&
          (!whole || Number.isInteger(v)) &&
          (def.min === undefined || v >= def.min) &&
          (def.max === undefined || v <= def.max),
      );
    }
    case 'string':
      if (Object.hasOwn(STRING_ALTERNATIVES, def.key)) return [STRING_ALTERNATIVES[def.key] ?? ''];
      // Most names and identifiers stay valid with a character more; the design check
      // rejects the rest, which are counted apart.
      return typeof current === 'string' && current !== '' ? [`${current}2`] : [];
    default:
      return [];
  }
}

interface Probe {
  node: string;
  type: string;
  key: string;
  values: PropertyValue[];
}

function probes(): Probe[] {
  const prod = fixture.environments.find((e) => e.name === 'prod');
  if (!prod) throw new Error('every-service.json has no prod environment');
  const out: Probe[] = [];
  for (const node of fixture.nodes) {
    const service = requireService(node.type);
    const effective = {
      ...defaultProperties(service),
      ...node.properties,
      ...(prod.overrides?.[node.id] ?? {}),
    };
    for (const def of service.properties) {
      if (def.sameInEveryEnvironment) continue;
      const values = candidates(def, effective[def.key] ?? null);
      if (values.length > 0) out.push({ node: node.id, type: node.type, key: def.key, values });
    }
  }
  return out;
}

function withProdValue(probe: Probe, value: PropertyValue): Design {
  const design = structuredClone(fixture);
  for (const env of design.environments) {
    if (env.name !== 'prod') continue;
    const overrides = (env.overrides ??= {});
    overrides[probe.node] = { ...(overrides[probe.node] ?? {}), [probe.key]: value };
  }
  return design;
}

describe('per-environment values', () => {
  it('every overridable property generates in all three targets when prod differs', () => {
    const refused: string[] = [];
    let generated = 0;
    let invalid = 0;
    for (const probe of probes()) {
      // Some values break a cross-field check (e.g. a minimum above the maximum): the design
      // check already tells the user, so there is nothing for a generator to follow.
      let design: Design | undefined;
      let value: PropertyValue = null;
      for (const candidate of probe.values) {
        const parsed = parseDesign(withProdValue(probe, candidate));
        if (parsed.ok) {
          design = parsed.design;
          value = candidate;
          break;
        }
      }
      if (!design) {
        invalid++;
        continue;
      }
      const graph = lowerDesign(design);
      for (const { id } of TARGETS) {
        try {
          GENERATORS[id](graph);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          refused.push(`${id}: ${probe.type}.${probe.key} = ${JSON.stringify(value)} in prod: ${message}`);
        }
      }
      generated++;
    }
    console.log(
      `per-environment values: ${generated} probes generated, ${invalid} with no other value the design check accepts`,
    );
    expect(generated).toBeGreaterThan(150);
    expect(refused).toEqual([]);
  }, 600_000);
});
