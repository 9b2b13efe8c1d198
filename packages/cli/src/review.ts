import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isoDay, validateDesign } from '@archgen/rules';
import {
  PRICES_AS_OF,
  PRICE_REGION,
  costSuggestions,
  estimateCost,
  formatUsd,
  renderReviewMarkdown,
  scorecard,
} from '@archgen/review';
import { readDesignFile, describeFsError, displayName, sourceOf, InputError, UsageError } from './io.ts';
import type { CliIo } from './main.ts';

/** Same threshold as `validate`: open critical or high findings make the command exit 1. */
const BLOCKING = new Set(['critical', 'high']);

/** A table row: the first `textColumns` cells left-aligned, numbers right-aligned. */
const row = (cells: string[], widths: number[], textColumns = 1): string =>
  '  ' +
  cells
    .map((c, i) => (i < textColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
    .join('  ')
    .trimEnd();

/**
 * `archgen review`: the Well-Architected scorecard, the monthly cost per node and environment,
 * and the cost suggestions; `--write` also saves REVIEW.md. Exit codes as `validate`.
 */
export async function runReview(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      env: { type: 'string', multiple: true },
      write: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('review needs a design file');
  if (values.write === '') throw new UsageError('--write needs a file name, e.g. --write REVIEW.md');
  const design = await readDesignFile(file, sourceOf(io));
  const unknown = (values.env ?? []).filter((e) => !design.environments.some((d) => d.name === e));
  if (unknown.length) throw new InputError(`${displayName(file)}: unknown environment ${unknown.join(', ')}`);
  const environments = values.env ?? design.environments.map((e) => e.name);

  const findings = validateDesign(design, { environments, today: isoDay(new Date()) });
  const card = scorecard(findings);
  const estimates = environments.map((env) => estimateCost(design, env));
  const suggestions = environments.flatMap((env) => costSuggestions(design, env));
  const blocking = findings.filter((f) => !f.accepted && BLOCKING.has(f.severity)).length;

  if (values.write) {
    try {
      writeFileSync(values.write, renderReviewMarkdown(design, { environments, findings }));
    } catch (error) {
      throw new InputError(`${values.write}: cannot write the review (${describeFsError(error)})`);
    }
  }

  if (values.json) {
    io.out(
      JSON.stringify(
        { file, design: design.name, scorecard: card, findings, costs: estimates, suggestions },
        null,
        2,
      ),
    );
  } else {
    io.out(
      `${design.name}: overall score ${card.overall}/100, ${card.open} open finding(s), ${card.accepted} accepted`,
    );
    io.out('');
    const scoreWidths = [24, 5, 4, 8, 4, 6, 3, 8];
    io.out(row(['Pillar', 'Score', 'Open', 'Critical', 'High', 'Medium', 'Low', 'Accepted'], scoreWidths));
    for (const p of card.pillars)
      io.out(
        row(
          [
            p.label,
            String(p.score),
            String(p.open),
            String(p.counts.critical),
            String(p.counts.high),
            String(p.counts.medium),
            String(p.counts.low),
            String(p.accepted),
          ],
          scoreWidths,
        ),
      );
    io.out('');
    io.out(`Monthly cost (USD, approximate ${PRICE_REGION} list prices as of ${PRICES_AS_OF})`);
    const nameWidth = Math.min(40, Math.max(4, ...design.nodes.map((n) => n.name.length)));
    const costWidths = [nameWidth, 18, ...environments.map((e) => Math.max(12, e.length))];
    io.out(row(['Node', 'Type', ...environments], costWidths, 2));
    design.nodes.forEach((node, i) =>
      io.out(
        row(
          [node.name.slice(0, nameWidth), node.type, ...estimates.map((e) => formatUsd(e.nodes[i]!.monthly))],
          costWidths,
          2,
        ),
      ),
    );
    io.out(row(['Total', '', ...estimates.map((e) => formatUsd(e.total))], costWidths, 2));
    for (const warning of new Set(estimates.flatMap((e) => e.warnings))) io.out(`  note: ${warning}`);
    io.out('');
    io.out(suggestions.length ? 'Cost suggestions (each priced alone)' : 'Cost suggestions: none apply');
    for (const s of suggestions) {
      const name = design.nodes.find((n) => n.id === s.nodeId)?.name ?? s.nodeId;
      io.out(`  [${s.environment}] ${name}: ${s.title} (saves about ${formatUsd(s.monthlySaving)}/month)`);
    }
  }
  if (values.write) io.err(`wrote ${values.write}`);
  return blocking > 0 ? 1 : 0;
}
