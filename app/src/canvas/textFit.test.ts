import { afterAll, describe, expect, it, vi } from 'vitest';

// A fake canvas whose font is 10 px per character, behind a fake document with the app's --font set.
const fakeContext = { font: '', measureText: (text: string) => ({ width: 10 * text.length }) };
vi.stubGlobal('document', {
  createElement: () => ({ getContext: () => fakeContext }),
  documentElement: {},
});
vi.stubGlobal('getComputedStyle', () => ({ getPropertyValue: () => ' Inter, sans-serif ' }));
afterAll(() => {
  vi.unstubAllGlobals();
});
const { fitsInLines } = await import('./textFit.ts');

describe('fitsInLines', () => {
  it('passes a text as wide as the line, and not one character more', () => {
    expect(fitsInLines('abcde', '600 14px', 50)).toBe(true);
    expect(fitsInLines('abcdef', '600 14px', 50)).toBe(false);
    expect(fakeContext.font).toBe('600 14px Inter, sans-serif');
  });

  it('on two lines, allows for the longest word and a space wasted at the break', () => {
    // 11 characters (110 px) + longest word (5) + space (1) = 170 px <= 2 * 90.
    expect(fitsInLines('abcde fghij', '12px', 90, 2)).toBe(true);
    // Same total, but the bound no longer holds at 80 px lines (110 + 60 > 160).
    expect(fitsInLines('abcde fghij', '12px', 80, 2)).toBe(false);
    // One long word: it must fit a single line, as wrapping could waste all of the first.
    expect(fitsInLines('abcdefghijklmnop', '12px', 100, 2)).toBe(false);
  });

  it('measures each distinct text once', () => {
    const spy = vi.spyOn(fakeContext, 'measureText');
    fitsInLines('cached text', '12px', 200);
    fitsInLines('cached text', '12px', 200);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
