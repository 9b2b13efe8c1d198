/**
 * The facilitator's walk through a review: open findings one at a time, worst first, and
 * accepting a risk (with a reason) or revoking it. Accepted risks live in the design, keyed by
 * rule and target, so one acceptance covers that finding in every environment, and the lowering
 * carries the reason into the generated code as an acknowledgement.
 */
import { IdSchema, MAX_ACCEPTED_RISKS, type AcceptedRisk, type Design } from '@archgen/model';
import { PILLARS, SEVERITIES, type Finding } from '@archgen/rules';

export const MAX_REASON_LENGTH = 1024;

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Open findings in walk-through order: severity, pillar, target, then rule and environment. */
export function walkthroughOrder(findings: readonly Finding[]): Finding[] {
  return findings
    .filter((f) => !f.accepted)
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
        PILLARS.indexOf(a.pillar) - PILLARS.indexOf(b.pillar) ||
        compareText(a.target.id, b.target.id) ||
        compareText(a.ruleId, b.ruleId) ||
        compareText(a.environment ?? '', b.environment ?? '') ||
        compareText(a.message, b.message),
    );
}

/** Identity of a finding across re-validations (objects are recreated on every run). */
export function findingKey(f: Finding): string {
  return [f.ruleId, f.target.kind, f.target.id, f.environment ?? '', f.message].join('\u0000');
}

function indexOf(list: readonly Finding[], current: Finding | undefined): number {
  if (!current) return -1;
  const key = findingKey(current);
  return list.findIndex((f) => findingKey(f) === key);
}

/** The finding after `current` (the first one when `current` is absent or gone); undefined at the end. */
export function nextFinding(list: readonly Finding[], current?: Finding): Finding | undefined {
  return list[indexOf(list, current) + 1];
}

/** The finding before `current` (the last one when `current` is absent or gone); undefined at the start. */
export function previousFinding(list: readonly Finding[], current?: Finding): Finding | undefined {
  const index = indexOf(list, current);
  return index === -1 ? list[list.length - 1] : index === 0 ? undefined : list[index - 1];
}

const sameRisk = (risk: AcceptedRisk, finding: Pick<Finding, 'ruleId' | 'target'>): boolean =>
  risk.ruleId === finding.ruleId && risk.targetId === finding.target.id;

/**
 * A new design that accepts the finding's risk with `reason` (trimmed, required, at most 1024
 * characters); accepting it again replaces the reason. Throws on an invalid reason.
 */
export function acceptRisk(
  design: Design,
  finding: Pick<Finding, 'ruleId' | 'target'>,
  reason: string,
  by?: string,
  at: string = new Date().toISOString(),
): Design {
  const trimmed = reason.trim();
  if (!trimmed) throw new Error('Give a reason to accept a risk: it is written into the generated code.');
  if (trimmed.length > MAX_REASON_LENGTH)
    throw new Error(`The reason is ${trimmed.length} characters; at most ${MAX_REASON_LENGTH} are allowed.`);
  if (!IdSchema.safeParse(finding.target.id).success)
    throw new Error(
      `"${finding.target.id}" is not the id of a node, connection or VPC; only those risks can be accepted.`,
    );
  const others = design.acceptedRisks.filter((r) => !sameRisk(r, finding));
  if (others.length >= MAX_ACCEPTED_RISKS)
    throw new Error(`A design holds at most ${MAX_ACCEPTED_RISKS} accepted risks.`);
  const acceptedBy = by?.trim().slice(0, 128);
  const risk: AcceptedRisk = {
    ruleId: finding.ruleId,
    targetId: finding.target.id,
    reason: trimmed,
    ...(acceptedBy ? { acceptedBy } : {}),
    acceptedAt: at.slice(0, 64),
  };
  return { ...design, acceptedRisks: [...others, risk] };
}

/** A new design without the acceptance of this rule on this target (unchanged if there was none). */
export function revokeRisk(design: Design, finding: Pick<Finding, 'ruleId' | 'target'>): Design {
  if (!design.acceptedRisks.some((r) => sameRisk(r, finding))) return design;
  return { ...design, acceptedRisks: design.acceptedRisks.filter((r) => !sameRisk(r, finding)) };
}
