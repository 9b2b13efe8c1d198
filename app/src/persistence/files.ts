import { parseDesign, serializeDesign, type Design } from '@archgen/model';

/** "Three-tier web app!" -> "three-tier-web-app"; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return slug || 'design';
}

export function designFileName(design: Design): string {
  return `${slugify(design.name)}.archdesign.json`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveDesignFile(design: Design): void {
  downloadBlob(new Blob([serializeDesign(design)], { type: 'application/json' }), designFileName(design));
}

export type OpenResult = { ok: true; design: Design; warnings: string[] } | { ok: false; message: string };

/** A readable one-line error naming the JSON path(s) parseDesign reported. */
export function describeParseErrors(
  fileName: string,
  errors: readonly { path: string; message: string }[],
): string {
  const shown = errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `Could not open ${fileName}: ${shown.join('; ')}${more}`;
}

export function parseDesignText(fileName: string, text: string): OpenResult {
  const result = parseDesign(text);
  if (!result.ok) return { ok: false, message: describeParseErrors(fileName, result.errors) };
  return { ok: true, design: result.design, warnings: result.warnings };
}

export async function readDesignFile(file: File): Promise<OpenResult> {
  // parseDesign enforces its own size limit before JSON.parse; reading a huge file as text is the only cost here.
  const text = await file.text();
  return parseDesignText(file.name, text);
}
