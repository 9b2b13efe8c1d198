import { describe, expect, it } from 'vitest';
import { design, type Design } from '@archgen/model';
import { validateDesign } from '@archgen/rules';
import { buildExport } from '@archgen/export';
import { formatUsd, renderReviewMarkdown, reviewDocuments } from './review-md.ts';
import { estimateCost } from './cost.ts';
import { scorecard } from './scorecard.ts';

const HOSTILE = 'Evil | [link](http://x) <img src=x onerror=alert(1)> **bold**\n# heading';

function reviewed(): Design {
  return design('Checkout')
    .vpc()
    .node('nat-gateway', { id: 'nat' })
    .node('alb', { id: 'web', name: HOSTILE })
    .node('ecs-fargate', { id: 'api', name: 'Orders API' })
    .node('s3', { id: 'bucket', name: 'Assets' })
    .connect('web', 'api', 'traffic', { label: 'HTTP | <b>' })
    .note('api', 'Scale <b>before</b> | Black Friday\n- not a list item', 'note-1')
    .note('web-traffic-api', 'Check the port', 'note-2')
    .acceptRisk('ALB-01', 'web', 'Internal | tool [x](y) for now')
    .build();
}

describe('renderReviewMarkdown', () => {
  it('writes the scorecard, open findings by pillar, accepted risks, notes, costs and suggestions', () => {
    const d = reviewed();
    const md = renderReviewMarkdown(d);
    const findings = validateDesign(d);
    const card = scorecard(findings);
    expect(md).toContain('# Architecture review: Checkout');
    expect(md).toContain(
      `Overall score: **${card.overall}/100**; ${card.open} open finding(s), ${card.accepted} accepted risk(s).`,
    );
    const security = card.pillars[0]!;
    expect(md).toContain(
      `| Security | ${security.score} | ${security.counts.critical} | ${security.counts.high} | ${security.counts.medium} | ${security.counts.low} | ${security.accepted} |`,
    );
    expect(md).toContain(`## Open findings (${card.open})`);
    expect(md).toMatch(/### Security \(\d+\)/);
    // Every open finding is listed once, under its pillar.
    for (const f of findings.filter((x) => !x.accepted)) expect(md).toContain(`\`${f.ruleId}\``);
    expect(md).toContain('## Accepted risks (1)');
    expect(md).toContain('Internal \\| tool \\[x\\]\\(y\\) for now');
    expect(md).toContain('## Notes (2)');
    expect(md).toContain('### Orders API');
    // A note on a connection is titled by its ends and label.
    expect(md).toContain('→ Orders API \\(HTTP \\| \\<b\\>\\)');
    // Cost per node and total for every environment, from the estimate.
    for (const env of ['dev', 'staging', 'prod'])
      expect(md).toContain(`**${formatUsd(estimateCost(d, env).total)}**`);
    expect(md).toContain(
      `| Orders API | ecs-fargate | ${['dev', 'staging', 'prod'].map((e) => formatUsd(estimateCost(d, e).nodes.find((n) => n.nodeId === 'api')!.monthly)).join(' | ')} |`,
    );
    expect(md).toMatch(
      /- \*\*dev\*\*, NAT gateway: Share one NAT gateway outside production, saves about \*\*\$\d+\.\d\d\/month\*\*/,
    );
  });

  it('escapes hostile names, reasons and notes so they cannot add rows, links, HTML or headings', () => {
    const md = renderReviewMarkdown(reviewed());
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).not.toContain('[link](');
    expect(md).not.toContain('<b>');
    expect(md).not.toMatch(/^# heading/m);
    expect(md).not.toMatch(/^- not a list item/m);
    expect(md).toContain(
      'Evil \\| \\[link\\]\\(http://x\\) \\<img src=x onerror=alert\\(1\\)\\> \\*\\*bold\\*\\* \\# heading',
    );
    // Table rows keep their column count despite "|" in user text.
    for (const row of md.split('\n').filter((l) => l.startsWith('| ') && l.includes('Evil'))) {
      expect(row.split(/(?<!\\)\|/).length).toBe(row.includes('ALB-01') ? 6 : 7);
    }
  });

  it('prices only the chosen environments and says when there is nothing to report', () => {
    const empty = design('Empty').environments('dev').build();
    const md = renderReviewMarkdown(empty, { environments: ['dev'] });
    expect(md).toContain('None: the design passes every check.');
    expect(md).toContain('## Accepted risks (0)');
    expect(md).toContain('| **Total** | | **$0.00** |');
    expect(md).toContain('None: no cost tactic applies.');
    expect(renderReviewMarkdown(reviewed(), { environments: ['prod'] })).not.toContain('**dev**');
  });

  it('formats dollars without locale data', () => {
    expect(formatUsd(1234567.5)).toBe('$1,234,567.50');
    expect(formatUsd(0.004)).toBe('$0.00');
    expect(formatUsd(999.999)).toBe('$1,000.00');
  });
});

describe('reviewDocuments', () => {
  it('adds REVIEW.md to the export bundle', () => {
    const d = reviewed();
    const bundle = buildExport(d, { targets: ['terraform'], extraDocuments: reviewDocuments });
    const review = bundle.files[`${bundle.slug}/REVIEW.md`];
    expect(review).toBe(
      renderReviewMarkdown(d, { environments: ['dev', 'staging', 'prod'], findings: bundle.findings }),
    );
  });
});
