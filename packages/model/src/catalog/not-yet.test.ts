import { describe, expect, it } from 'vitest';
import { SERVICES, getService } from './index.ts';
import { NOT_YET_SERVICES } from './not-yet.ts';
import { normaliseSearchText } from './search.ts';

/** Every name, abbreviation and synonym a catalog service answers to, normalised. */
const catalogTerms = new Map<string, string>();
for (const service of SERVICES)
  for (const term of [
    service.displayName,
    service.type,
    ...(service.abbreviations ?? []),
    ...(service.keywords ?? []),
  ])
    catalogTerms.set(normaliseSearchText(term), service.type);

describe('services not in the catalog yet', () => {
  it('names no type the catalog has: remove an entry when its service lands', () => {
    const landed = NOT_YET_SERVICES.filter((n) => getService(n.type)).map((n) => `${n.name} (${n.type})`);
    expect(landed).toEqual([]);
  });

  it('uses no term a catalog service answers to', () => {
    const taken = NOT_YET_SERVICES.flatMap((n) =>
      n.terms.filter((t) => catalogTerms.has(t)).map((t) => `${n.name}: "${t}" is ${catalogTerms.get(t)}'s`),
    );
    expect(taken).toEqual([]);
  });

  it('offers only services the catalog has, and no term twice', () => {
    for (const entry of NOT_YET_SERVICES)
      for (const type of entry.closest) expect(getService(type), `${entry.name}: ${type}`).toBeDefined();
    const terms = NOT_YET_SERVICES.flatMap((n) => n.terms);
    expect(terms.filter((t, i) => terms.indexOf(t) !== i)).toEqual([]);
    expect(new Set(NOT_YET_SERVICES.map((n) => n.type)).size).toBe(NOT_YET_SERVICES.length);
  });

  it('writes terms the way the search compares them', () => {
    for (const term of NOT_YET_SERVICES.flatMap((n) => n.terms)) expect(normaliseSearchText(term)).toBe(term);
  });
});
