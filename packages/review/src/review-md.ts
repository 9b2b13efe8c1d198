/**
 * REVIEW.md: the written record of an architecture review, for the export bundle and the CLI.
 * Scorecard, open findings by pillar, accepted risks with their reasons, notes by target, and
 * the cost estimate per environment with its suggestions. All user text goes through `mdText`.
 */
import type { Design } from '@archgen/model';
import { PILLARS, validateDesign, type Finding } from '@archgen/rules';
import { mdText, type ExtraDocuments } from '@archgen/export';
import { scorecard, PILLAR_LABELS } from './scorecard.ts';
import { walkthroughOrder } from './walkthrough.ts';
import { estimateCost } from './cost.ts';
import { costSuggestions } from './suggestions.ts';
import { PRICES_AS_OF, PRICE_REGION } from './prices/us-east-1.ts';

export interface ReviewOptions {
  /** Environments to price (default: all of the design's). */
  environments?: readonly string[];
  /** Findings already computed for these environments (default: validate the design). */
  findings?: readonly Finding[];
}

/** $1,234.50; written out by hand so the bytes never depend on the platform's locale data. */
export function formatUsd(amount: number): string {
  const [whole, fraction] = Math.abs(amount).toFixed(2).split('.');
  return `${amount < 0 ? '-' : ''}$${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}

/** Display names of nodes, VPCs and connections ("API → DB (label)"), by id; built once per document. */
function targetNames(design: Design): (id: string) => string {
  const names = new Map<string, string>();
  for (const v of design.vpcs) names.set(v.id, v.name);
  for (const n of design.nodes) names.set(n.id, n.name);
  for (const c of design.connections) {
    if (names.has(c.id)) continue;
    const ends = `${names.get(c.from) ?? c.from} → ${names.get(c.to) ?? c.to}`;
    names.set(c.id, c.label ? `${ends} (${c.label})` : ends);
  }
  return (id) => names.get(id) ?? id;
}

function findingLine(nameOf: (id: string) => string, f: Finding): string {
  const env = f.environment ? ` (${mdText(f.environment)})` : '';
  return `- **${f.severity}** \`${f.ruleId}\` ${mdText(nameOf(f.target.id))}${env}: ${mdText(f.message)}`;
}

export function renderReviewMarkdown(design: Design, options: ReviewOptions = {}): string {
  const environments = [...(options.environments ?? design.environments.map((e) => e.name))];
  const findings = options.findings ?? validateDesign(design, { environments });
  const card = scorecard(findings);
  const nameOf = targetNames(design);
  const lines: string[] = [
    `# Architecture review: ${mdText(design.name)}`,
    '',
    `Region \`${mdText(design.region)}\`; environments: ${environments.map((e) => `\`${mdText(e)}\``).join(', ')}.`,
    '',
    '## Well-Architected scorecard',
    '',
    `Overall score: **${card.overall}/100**; ${card.open} open finding(s), ${card.accepted} accepted risk(s).`,
    '',
    '| Pillar | Score | Critical | High | Medium | Low | Accepted |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...card.pillars.map(
      (p) =>
        `| ${p.label} | ${p.score} | ${p.counts.critical} | ${p.counts.high} | ${p.counts.medium} | ${p.counts.low} | ${p.accepted} |`,
    ),
    '',
    `## Open findings (${card.open})`,
    '',
  ];
  const open = walkthroughOrder(findings);
  if (open.length === 0) lines.push('None: the design passes every check.', '');
  for (const pillar of PILLARS) {
    const inPillar = open.filter((f) => f.pillar === pillar);
    if (inPillar.length === 0) continue;
    lines.push(
      `### ${PILLAR_LABELS[pillar]} (${inPillar.length})`,
      '',
      ...inPillar.map((f) => findingLine(nameOf, f)),
      '',
    );
  }

  lines.push(`## Accepted risks (${design.acceptedRisks.length})`, '');
  if (design.acceptedRisks.length === 0) lines.push('None.', '');
  else {
    lines.push('| Rule | Target | Reason | Accepted by |', '|---|---|---|---|');
    for (const r of design.acceptedRisks) {
      const by = [r.acceptedBy, r.acceptedAt].filter((v): v is string => !!v).join(', ');
      lines.push(
        `| \`${mdText(r.ruleId)}\` | ${mdText(nameOf(r.targetId))} | ${mdText(r.reason)} | ${mdText(by)} |`,
      );
    }
    lines.push('');
  }

  lines.push(`## Notes (${design.notes.length})`, '');
  if (design.notes.length === 0) lines.push('None.', '');
  const targets = [...new Set(design.notes.map((n) => n.targetId))];
  for (const targetId of targets) {
    lines.push(`### ${mdText(nameOf(targetId))}`, '');
    for (const note of design.notes.filter((n) => n.targetId === targetId))
      lines.push(`- ${mdText(note.text)}${note.author ? ` (${mdText(note.author)})` : ''}`);
    lines.push('');
  }

  lines.push(
    '## Estimated monthly cost',
    '',
    `Approximate ${PRICE_REGION} list prices as of ${PRICES_AS_OF}, on demand, without free tiers, under the usage assumptions of each node (edit them in the design). Not a quote.`,
    '',
  );
  const estimates = environments.map((env) => estimateCost(design, env));
  lines.push(
    `| Node | Type | ${environments.map((e) => mdText(e)).join(' | ')} |`,
    `|---|---|${environments.map(() => '---:|').join('')}`,
  );
  design.nodes.forEach((node, i) => {
    lines.push(
      `| ${mdText(node.name)} | ${mdText(node.type)} | ${estimates.map((e) => formatUsd(e.nodes[i]!.monthly)).join(' | ')} |`,
    );
  });
  lines.push(`| **Total** | | ${estimates.map((e) => `**${formatUsd(e.total)}**`).join(' | ')} |`, '');
  for (const warning of new Set(estimates.flatMap((e) => e.warnings))) lines.push(`> ${mdText(warning)}`, '');

  lines.push(
    '## Cost suggestions',
    '',
    'Each saving is priced alone against the estimate above; savings on the same node do not add up.',
    '',
  );
  const suggestions = environments.flatMap((env) => costSuggestions(design, env));
  if (suggestions.length === 0) lines.push('None: no cost tactic applies.', '');
  for (const s of suggestions) {
    lines.push(
      `- **${mdText(s.environment)}**, ${mdText(nameOf(s.nodeId))}: ${mdText(s.title)}, saves about **${formatUsd(s.monthlySaving)}/month**. ${mdText(s.detail)}`,
    );
  }
  if (suggestions.length) lines.push('');
  return lines.join('\n');
}

/** REVIEW.md for the export bundle (see `ExtraDocuments` in @archgen/export). */
export const reviewDocuments: ExtraDocuments = (design, findings, environments) => ({
  'REVIEW.md': renderReviewMarkdown(design, { environments, findings }),
});
