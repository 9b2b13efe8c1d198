/**
 * Whether a text fits in a number of lines of a given width, measured once per distinct
 * (font, width, lines, text) with a shared canvas. Lets a node skip the clipping (line clamp,
 * ellipsis) that only long texts need: every clipped box is a clip of its own for the compositor
 * to sort through on every frame of a drag.
 */
let context: CanvasRenderingContext2D | null | undefined;
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

function measure(text: string, font: string, width: number, lines: number): boolean {
  if (context === undefined) {
    try {
      context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
  }
  const family = context && getComputedStyle(document.documentElement).getPropertyValue('--font').trim();
  if (!context || !family) return false;
  const ctx = context;
  ctx.font = `${font} ${family}`;
  const total = ctx.measureText(text).width;
  if (lines === 1) return total <= width;
  const longestWord = Math.max(...text.split(/\s+/).map((word) => ctx.measureText(word).width));
  const waste = longestWord + ctx.measureText(' ').width;
  return total + (lines - 1) * waste <= lines * width;
}
