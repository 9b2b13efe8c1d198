/**
 * Matches the entities of the three outputs (agreement-meaning.ts) and lists every value they
 * disagree on (pure, no Node APIs). The CloudFormation template is the reference for names:
 * CDK entities match by their construct path (the construct id is the graph's logical id, the
 * same as CloudFormation's logical id), Terraform entities by their resource name (the graph's
 * snake_case name of the same logical id). Within a kind, a single entity left over on each side
 * is paired (a derived resource both targets made but named differently); anything else left
 * over is reported as present in one output and absent in another.
 */
import type { Entity, Value } from './agreement-meaning.ts';
import { COMPARED_KINDS } from './agreement-meaning.ts';

export type Target = 'cdk' | 'terraform' | 'cloudformation';
export const TARGETS: readonly Target[] = ['cdk', 'terraform', 'cloudformation'];

export interface Disagreement {
  /** "<kind> <name>", named as in CloudFormation when it has the entity. */
  resource: string;
  property: string;
  /** Printed values; "(skipped)" where the target cannot say (unknown at plan time, no such attribute). */
  values: Record<Target, string>;
}

export interface MatchedEntity {
  kind: string;
  name: string;
  byTarget: Partial<Record<Target, Entity>>;
}

/** Resources the CDK framework adds on its own (custom-resource providers): not part of the design. */
export function isCdkFrameworkEntity(entity: Entity): boolean {
  const top = entity.label.split('/')[0] ?? '';
  return (
    /^(AWS[0-9a-f]{32}|LogRetention[0-9a-f]{32}|BucketNotificationsHandler[0-9a-f]{32})/.test(top) ||
    /^Custom(::)?[A-Za-z0-9]*Provider/.test(top)
  );
}

/**
 * Names the targets give the same derived resource differently: a bucket's access-log bucket is
 * "<Bucket>LogBucket" in CloudFormation and "<bucket>_access_logs" in Terraform; an API's stage
 * is "<Api>Stage" in CloudFormation and "<api>" in Terraform (needed once a design has two APIs).
 */
const canonicalKey = (key: string): string => key.replace(/logbucket$/, 'accesslogs').replace(/stage$/, '');

/**
 * One name starts with the other: CDK's longer path ("MainPublicSubnet1Subnet"), or a long name
 * each target truncated at its own limit (Terraform and CloudFormation cut at different lengths).
 */
const startsOneAnother = (candidate: string, key: string): boolean =>
  candidate.startsWith(key) || (candidate.length >= 32 && key.startsWith(candidate));

/**
 * A value as compared: references ("queue:<name>") to long names count by their first 40
 * characters, since each target truncates a long name at its own limit.
 */
const comparable = (v: Value | undefined): string =>
  JSON.stringify(v).replace(/([a-z-]+:[a-z0-9]{40})[a-z0-9]+/g, '$1');

/** The entity a match is named after: CloudFormation's, else the first output that has it. */
const referenceOf = (m: MatchedEntity): Entity =>
  m.byTarget.cloudformation ?? TARGETS.map((t) => m.byTarget[t]).find((e) => e !== undefined)!;

/** What an entity connects, for kinds whose names differ between targets but whose ends do not. */
function identityOf(entity: Entity): string | undefined {
  const p = entity.props;
  if (entity.kind === 'event-source' && typeof p.function === 'string' && typeof p.source === 'string')
    return `${p.function} <- ${p.source}`;
  if (entity.kind === 'event-archive' && typeof p.source === 'string') return p.source;
  return undefined;
}

export function matchEntities(outputs: Partial<Record<Target, Entity[]>>): MatchedEntity[] {
  const reference = outputs.cloudformation ?? [];
  const others = TARGETS.filter((t) => t !== 'cloudformation');
  const used = new Map<Target, Set<Entity>>(TARGETS.map((t) => [t, new Set<Entity>()]));
  const matched: MatchedEntity[] = reference.map((e) => ({
    kind: e.kind,
    name: e.label,
    byTarget: { cloudformation: e },
  }));
  used.get('cloudformation')!.clear();
  for (const m of matched) used.get('cloudformation')!.add(m.byTarget.cloudformation!);

  for (const target of others) {
    const candidates = outputs[target] ?? [];
    // Kinds that are what they connect (an event source mapping, an archive) match on that first.
    for (const m of matched) {
      const identity = identityOf(referenceOf(m));
      if (identity === undefined) continue;
      const same = candidates.filter(
        (c) => c.kind === m.kind && !used.get(target)!.has(c) && identityOf(c) === identity,
      );
      if (same.length === 1) {
        m.byTarget[target] = same[0]!;
        used.get(target)!.add(same[0]!);
      }
    }
    // Then the exact key (a key closer to the start of the candidate's key list wins).
    for (const m of matched) {
      if (m.byTarget[target]) continue;
      const key = canonicalKey(referenceOf(m).keys[0]!);
      let best: { entity: Entity; rank: number } | undefined;
      for (const c of candidates) {
        if (c.kind !== m.kind || used.get(target)!.has(c)) continue;
        const rank = c.keys.map(canonicalKey).indexOf(key);
        if (rank >= 0 && (!best || rank < best.rank)) best = { entity: c, rank };
      }
      if (best) {
        m.byTarget[target] = best.entity;
        used.get(target)!.add(best.entity);
      }
    }
    // Then a longer name that starts with the reference's (CDK's "MainPublicSubnet1Subnet" for
    // "MainPublicSubnet1"), the shortest such first.
    for (const m of matched) {
      if (m.byTarget[target]) continue;
      const key = canonicalKey(referenceOf(m).keys[0]!);
      const longer = candidates
        .filter(
          (c) =>
            c.kind === m.kind && !used.get(target)!.has(c) && startsOneAnother(canonicalKey(c.keys[0]!), key),
        )
        .sort((a, b) => a.keys[0]!.length - b.keys[0]!.length)[0];
      if (longer) {
        m.byTarget[target] = longer;
        used.get(target)!.add(longer);
      }
    }
    // One left over on each side within a kind: the same thing under another name.
    const kinds = new Set(matched.map((m) => m.kind));
    for (const kind of kinds) {
      const open = matched.filter((m) => m.kind === kind && !m.byTarget[target]);
      const rest = candidates.filter((c) => c.kind === kind && !used.get(target)!.has(c));
      if (open.length === 1 && rest.length === 1) {
        open[0]!.byTarget[target] = rest[0]!;
        used.get(target)!.add(rest[0]!);
      }
    }
    for (const c of candidates)
      if (!used.get(target)!.has(c)) matched.push({ kind: c.kind, name: c.label, byTarget: { [target]: c } });
  }
  return matched;
}

const show = (v: Value | undefined): string =>
  v === undefined ? '(skipped)' : typeof v === 'string' ? v : JSON.stringify(v);

export function compareEntities(outputs: Partial<Record<Target, Entity[]>>): Disagreement[] {
  const present = TARGETS.filter((t) => outputs[t] !== undefined);
  const problems: Disagreement[] = [];
  for (const m of matchEntities(outputs)) {
    const resource = `${m.kind} ${m.name}`;
    const missing = present.filter((t) => !m.byTarget[t]);
    if (missing.length > 0) {
      if (!COMPARED_KINDS.has(m.kind)) continue;
      // Terraform has no counterpart for some kinds (e.g. an API stage is part of the HTTP API resource).
      problems.push({
        resource,
        property: '(exists)',
        values: Object.fromEntries(
          TARGETS.map((t) => [
            t,
            outputs[t] === undefined
              ? '(not recorded)'
              : m.byTarget[t]
                ? `present as ${m.byTarget[t].label}`
                : 'absent',
          ]),
        ) as Record<Target, string>,
      });
      continue;
    }
    const names = new Set(present.flatMap((t) => Object.keys(m.byTarget[t]!.props)));
    for (const property of [...names].sort()) {
      const values = present.map((t) => m.byTarget[t]!.props[property]);
      const known = values.filter((v) => v !== undefined).map((v) => comparable(v));
      if (new Set(known).size <= 1) continue;
      problems.push({
        resource,
        property,
        values: Object.fromEntries(
          TARGETS.map((t) => [
            t,
            outputs[t] === undefined ? '(not recorded)' : show(m.byTarget[t]!.props[property]),
          ]),
        ) as Record<Target, string>,
      });
    }
  }
  return problems;
}

export function formatDisagreement(design: string, env: string, d: Disagreement): string {
  return `${design} / ${env} / ${d.resource} / ${d.property}: cdk=${d.values.cdk} terraform=${d.values.terraform} cloudformation=${d.values.cloudformation}`;
}
