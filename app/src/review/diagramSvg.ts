/**
 * The diagram as a standalone SVG picture, drawn from the design and the canvas layout (the same
 * geometry React Flow draws): VPCs with the AZs they span, subnet bands with each AZ's CIDR,
 * services with their AWS icons and names, and connections along the canvas's curves with their
 * labels where the canvas puts them (moved clear of nodes and of each other). Icons are passed in as data URIs so the file is self-contained
 * and can be drawn onto a canvas for PNG without tainting it. Pure: no DOM.
 */
import { getService, type Design } from '@archgen/model';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  SUBNET_CHAR_WIDTH,
  SUBNET_GAP,
  VPC_HEADER,
  VPC_PAD_X,
  computeLayout,
  subnetCidrs,
  tierLabel,
  zoneNames,
  zonesCaption,
  type CanvasLayout,
} from '@archgen/layout';
import { connectionLabel } from '../canvas/labels.ts';
import { routeEdges } from '../canvas/deriveFlow.ts';
import { edgeCurve, labelSize } from '../canvas/labelPlacement.ts';

export interface DiagramIcons {
  /** Data URI of a service type's icon, if there is one. */
  service(type: string): string | undefined;
  vpc?: string;
}

const MARGIN = 40;
const TITLE_HEIGHT = 44;
const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const TIER_FILL = { public: '#eef7e8', private: '#e8f1fb', isolated: '#f4eefb' } as const;
const TIER_STROKE = { public: '#7aa116', private: '#147eba', isolated: '#8c4fff' } as const;

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** Cuts text to about `max` characters so it stays inside its box. */
function fit(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface DiagramSvg {
  svg: string;
  width: number;
  height: number;
}

export function buildDiagramSvg(
  design: Design,
  icons: DiagramIcons,
  layout: CanvasLayout = computeLayout(design),
): DiagramSvg {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x: number, y: number, w: number, h: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  };
  for (const v of layout.vpcs) grow(v.x, v.y, v.width, v.height);
  for (const at of layout.nodePositions.values()) grow(at.x, at.y, NODE_WIDTH, NODE_HEIGHT);
  if (minX === Infinity) grow(0, 0, 320, 120);
  const ox = MARGIN - minX;
  const oy = MARGIN + TITLE_HEIGHT - minY;
  const width = Math.ceil(maxX - minX + 2 * MARGIN);
  const height = Math.ceil(maxY - minY + 2 * MARGIN + TITLE_HEIGHT);
  const zones = (count: number) => zoneNames(design.region, count);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`,
    `<title>${escapeXml(design.name)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#545b64"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 8}" font-size="20" font-weight="600" fill="#16191f">${escapeXml(design.name)}</text>`,
    `<text x="${MARGIN}" y="${MARGIN + 28}" font-size="12" fill="#545b64">${escapeXml(design.region)} · ${design.nodes.length} services</text>`,
  );

  for (const box of layout.vpcs) {
    const vpc = design.vpcs.find((v) => v.id === box.id);
    if (!vpc) continue;
    const x = box.x + ox;
    const y = box.y + oy;
    out.push(
      `<g class="vpc"><rect x="${x}" y="${y}" width="${box.width}" height="${box.height}" rx="8" fill="#fbf9ff" stroke="#8c4fff" stroke-width="1.5"/>`,
    );
    if (icons.vpc)
      out.push(`<image x="${x + 12}" y="${y + 10}" width="24" height="24" href="${icons.vpc}"/>`);
    out.push(
      `<text x="${x + 44}" y="${y + 27}" font-size="14" font-weight="600" fill="#16191f">${escapeXml(vpc.name)}</text>`,
      `<text x="${x + box.width - 12}" y="${y + 27}" font-size="12" text-anchor="end" fill="#545b64">${escapeXml(vpc.cidr)}</text>`,
      `<text class="azs" x="${x + VPC_PAD_X}" y="${y + VPC_HEADER - 8}" font-size="11" fill="#545b64">${escapeXml(zonesCaption(zones(vpc.azCount)))}</text>`,
    );
    const cidrs = subnetCidrs(vpc);
    for (const band of box.bands) {
      const bx = x + VPC_PAD_X;
      const by = band.y + oy;
      const bw = box.width - 2 * VPC_PAD_X;
      out.push(
        `<rect x="${bx}" y="${by}" width="${bw}" height="${band.height}" rx="6" fill="${TIER_FILL[band.tier]}" stroke="${TIER_STROKE[band.tier]}" stroke-dasharray="5 4"/>`,
        `<text x="${bx + 10}" y="${by + 19}" font-size="12" font-weight="600" fill="${TIER_STROKE[band.tier]}">${escapeXml(tierLabel(band.tier))}</text>`,
      );
      // Each AZ's subnet, right to left from the band's top-right corner, as on the canvas.
      let right = bx + bw - 8;
      const subnets = zones(vpc.azCount).map((zone, i) => ({
        zone,
        cidr: cidrs.get(`${band.tier}/${i}`) ?? '',
      }));
      for (const subnet of [...subnets].reverse()) {
        out.push(
          `<text class="subnet" x="${right}" y="${by + 18}" font-size="10.5" text-anchor="end" fill="${TIER_STROKE[band.tier]}">${escapeXml(`${subnet.zone} ${subnet.cidr}`)}</text>`,
        );
        right -= (subnet.zone.length + 1 + subnet.cidr.length) * SUBNET_CHAR_WIDTH + SUBNET_GAP;
      }
    }
    out.push('</g>');
  }

  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const labels: string[] = [];
  const routes = routeEdges(design, layout);
  for (const c of design.connections) {
    const from = layout.nodePositions.get(c.from);
    const to = layout.nodePositions.get(c.to);
    const route = routes.get(c.id);
    if (!from || !to || !route) continue;
    const shift = (p: { x: number; y: number }) => ({ x: p.x + ox, y: p.y + oy });
    const curve = edgeCurve(shift(from), route.sourceHandle, shift(to), route.targetHandle);
    const label = connectionLabel(c, nodes.get(c.to)?.type);
    const size = labelSize(label);
    const mx = Math.round(curve.mid.x + (route.labelOffset?.x ?? 0));
    const my = Math.round(curve.mid.y + (route.labelOffset?.y ?? 0));
    out.push(
      `<path class="edge" d="${curve.path}" fill="none" stroke="#545b64" stroke-width="1.5" marker-end="url(#arrow)"/>`,
    );
    // Labels go on top of everything, so a node never hides what a connection means.
    labels.push(
      `<g class="edge-label"><rect x="${Math.round(mx - size.width / 2)}" y="${Math.round(my - size.height / 2)}" width="${size.width}" height="${size.height}" rx="9" fill="#ffffff" stroke="#aab7b8"/>`,
      `<text x="${mx}" y="${my + 4}" font-size="10.5" text-anchor="middle" fill="#16191f">${escapeXml(label)}</text></g>`,
    );
  }

  for (const node of design.nodes) {
    const at = layout.nodePositions.get(node.id);
    if (!at) continue;
    const x = at.x + ox;
    const y = at.y + oy;
    const icon = icons.service(node.type);
    const service = getService(node.type);
    out.push(
      `<g class="node"><rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="#ffffff" stroke="#aab7b8" stroke-width="1.2"/>`,
    );
    if (icon) out.push(`<image x="${x + 12}" y="${y + 13}" width="34" height="34" href="${icon}"/>`);
    out.push(
      `<text x="${x + 56}" y="${y + 27}" font-size="13" font-weight="600" fill="#16191f">${escapeXml(fit(node.name, 20))}</text>`,
      `<text x="${x + 56}" y="${y + 44}" font-size="11" fill="#545b64">${escapeXml(fit(service?.displayName ?? node.type, 24))}</text></g>`,
    );
  }
  out.push(...labels, '</svg>');
  return { svg: out.join('\n'), width, height };
}
