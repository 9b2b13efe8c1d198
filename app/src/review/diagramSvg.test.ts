import { describe, expect, it } from 'vitest';
import { design as build } from '@archgen/model';
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
