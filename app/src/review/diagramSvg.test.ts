import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { design as build, parseDesign, planSubnets, type Design } from '@archgen/model';
import { zoneNames } from '@archgen/layout';
import { buildDiagramSvg, escapeXml } from './diagramSvg.ts';

const ICON = 'data:image/svg+xml;base64,PHN2Zy8+';

function fixture() {
  return build('Shop <prod>')
    .vpc()
    .node('alb', { id: 'web', tier: 'public', name: 'Front door' })
    .node('ecs-fargate', { id: 'app', tier: 'private', name: 'Orders & billing' })
    .connect('web', 'app', 'traffic')
    .build();
}

describe('diagram SVG', () => {
  it('draws every service with its name and icon, the VPC, its bands and the connection label', () => {
    const { svg, width, height } = buildDiagramSvg(fixture(), { service: () => ICON });
    expect(svg).toContain('Front door');
    expect(svg).toContain('Orders &amp; billing');
    expect(svg).toContain('>Main VPC<');
    expect(svg).toContain('Public subnet');
    expect(svg.match(/<image /g)).toHaveLength(2);
    expect(svg).toMatch(/HTTP :\d+/);
    expect(svg.match(/class="edge"/g)).toHaveLength(1);
    // The label is drawn after (above) the nodes.
    expect(svg.lastIndexOf('class="edge-label"')).toBeGreaterThan(svg.lastIndexOf('class="node"'));
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(200);
  });

  it('escapes user text so the SVG stays well-formed', () => {
    const { svg } = buildDiagramSvg(fixture(), { service: () => undefined });
    expect(svg).toContain('<title>Shop &lt;prod&gt;</title>');
    expect(svg).not.toContain('<prod>');
    expect(svg).not.toContain('<image ');
    expect(escapeXml(`a"b'c`)).toBe('a&quot;b&apos;c');
  });
});

describe('diagram SVG of the examples', () => {
  const EXAMPLES = [
    'three-tier-web-app',
    'serverless-api',
    'eventbridge-fanout',
    'static-site',
    'data-lake',
    'eks-platform',
  ];
  const example = (name: string): Design => {
    const parsed = parseDesign(
      readFileSync(new URL(`../../../examples/${name}.json`, import.meta.url), 'utf8'),
    );
    if (!parsed.ok) throw new Error(`${name} does not parse`);
    return parsed.design;
  };
  const rects = (svg: string, cls: string) =>
    [
      ...svg.matchAll(
        new RegExp(
          `<g class="${cls}"><rect x="([-\\d.]+)" y="([-\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`,
          'g',
        ),
      ),
    ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) }));
  const meet = (a: ReturnType<typeof rects>[number], b: ReturnType<typeof rects>[number]) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it.each(EXAMPLES)('%s: shows every subnet CIDR and the AZs, as the canvas does', (name) => {
    const design = example(name);
    const { svg } = buildDiagramSvg(design, { service: () => undefined });
    for (const vpc of design.vpcs) {
      for (const subnet of planSubnets(vpc)) expect(svg).toContain(subnet.cidr);
      expect(svg).toContain(`Spans ${vpc.azCount} AZs: ${zoneNames(design.region, vpc.azCount).join(', ')}`);
    }
  });

  it.each(EXAMPLES)('%s: no label box overlaps another label or a node', (name) => {
    const { svg } = buildDiagramSvg(example(name), { service: () => undefined });
    const labels = rects(svg, 'edge-label');
    const nodes = rects(svg, 'node');
    expect(labels.length).toBe(example(name).connections.length);
    const clashes: string[] = [];
    labels.forEach((label, i) => {
      labels
        .slice(i + 1)
        .forEach((other, j) => meet(label, other) && clashes.push(`label ${i} / label ${i + 1 + j}`));
      nodes.forEach((node, j) => meet(label, node) && clashes.push(`label ${i} / node ${j}`));
    });
    expect(clashes).toEqual([]);
  });
});
