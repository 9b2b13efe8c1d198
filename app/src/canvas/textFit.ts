/**
 * Whether a text fits in a number of lines of a given width, measured once per distinct
 * (font, width, lines, text) with a canvas per font. Lets a node skip the clipping (line clamp,
 * ellipsis) that only long texts need: every clipped box is a clip of its own for the compositor
 * to sort through on every frame of a drag.
 */
/**
 * One canvas context per font: setting a context's font parses it and selects the font again,
 * and names and types alternate, so a shared context re-selected its font on every measure.
 */
const contexts = new Map<string, CanvasRenderingContext2D | null>();
/**
 * The app's --font, read once: getComputedStyle inside a render that follows DOM changes forces
 * a style recalculation of the whole page, a few ms of every import's first canvas render.
 */
let fontFamily = '';
const fits = new Map<string, boolean>();

/**
 * `font` is a CSS font shorthand without the family ("600 14px"); the family is the app's --font.
 * Conservative: wrapping at spaces wastes less than the longest word and a space per line, so a
 * text passes only if it fits even with that waste on every line but the last. False whenever it
 * cannot measure (no canvas or no font), so callers fall back to clipping.
 */
export function fitsInLines(text: string, font: string, width: number, lines = 1): boolean {
  const key = `${font}|${width}|${lines}|${text}`;
  let result = fits.get(key);
  if (result === undefined) {
    result = measure(text, font, width, lines);
    fits.set(key, result);
  }
  return result;
}

/**
 * Selects the fonts ahead of need: a canvas's first measure in a font looks the system font up,
 * several ms that otherwise land in the first render of an imported design's services. Call when
 * the page is idle.
 */
export function prepareFonts(fonts: readonly string[]): void {
  for (const font of fonts) contextFor(font)?.measureText('Ag');
}

function contextFor(font: string): CanvasRenderingContext2D | null {
  if (typeof document === 'undefined') return null;
  fontFamily ||= getComputedStyle(document.documentElement).getPropertyValue('--font').trim();
  if (!fontFamily) return null;
  let context = contexts.get(font);
  if (context === undefined) {
    try {
      context = document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
    if (context) context.font = `${font} ${fontFamily}`;
    contexts.set(font, context);
  }
  return context;
}

function measure(text: string, font: string, width: number, lines: number): boolean {
  const ctx = contextFor(font);
  if (!ctx) return false;
  const total = ctx.measureText(text).width;
  if (lines === 1) return total <= width;
  const longestWord = Math.max(...text.split(/\s+/).map((word) => ctx.measureText(word).width));
  const waste = longestWord + ctx.measureText(' ').width;
  return total + (lines - 1) * waste <= lines * width;
}
