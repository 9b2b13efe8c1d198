/**
 * "Export PNG" / "Export SVG": the diagram picture (diagramSvg.ts) with the bundled AWS icons
 * inlined as data URIs, downloaded as SVG, or drawn onto a canvas at twice the screen's pixel
 * ratio for a crisp PNG.
 */
import { getService, type Design } from '@archgen/model';
import { iconFor, VPC_ICON_URL } from '../icons/index.ts';
import { downloadBlob, slugify } from '../persistence/files.ts';
import { buildDiagramSvg, type DiagramSvg } from './diagramSvg.ts';

/** Chromium's and Firefox's limits for one canvas. */
const MAX_CANVAS_SIDE = 16384;
const MAX_CANVAS_AREA = 120_000_000;

const dataUriCache = new Map<string, Promise<string | undefined>>();

/** An icon asset as a data URI (fetched once; Vite may already have inlined it as one). */
function toDataUri(url: string): Promise<string | undefined> {
  if (url.startsWith('data:')) return Promise.resolve(url);
  let pending = dataUriCache.get(url);
  if (!pending) {
    pending = fetch(url)
      .then((response) => (response.ok ? response.text() : undefined))
      .then((text) =>
        text ? `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(text)))}` : undefined,
      )
      .catch(() => undefined);
    dataUriCache.set(url, pending);
  }
  return pending;
}

export async function diagramPicture(design: Design): Promise<DiagramSvg> {
  const types = [...new Set(design.nodes.map((n) => n.type))];
  const entries = await Promise.all(
    types.map(async (type) => {
      const icon = iconFor(getService(type)?.icon, type);
      return [type, icon ? await toDataUri(icon.url) : undefined] as const;
    }),
  );
  const icons = new Map(entries);
  const vpc = await toDataUri(VPC_ICON_URL);
  return buildDiagramSvg(design, { service: (type) => icons.get(type), ...(vpc ? { vpc } : {}) });
}

export async function exportSvg(design: Design): Promise<void> {
  const { svg } = await diagramPicture(design);
  downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${slugify(design.name)}.svg`);
}

/** Renders the SVG at `scale` and returns PNG bytes. */
async function renderPng(picture: DiagramSvg, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the picture (no 2D canvas)');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, picture.width, picture.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportPng(design: Design): Promise<void> {
  const picture = await diagramPicture(design);
  // Twice the screen's density, within what browsers allow for one canvas.
  const wanted = 2 * Math.max(1, window.devicePixelRatio || 1);
  const longest = Math.max(picture.width, picture.height);
  const scale = Math.min(
    wanted,
    MAX_CANVAS_SIDE / longest,
    Math.sqrt(MAX_CANVAS_AREA / (picture.width * picture.height)),
  );
  downloadBlob(await renderPng(picture, scale), `${slugify(design.name)}.png`);
}
