/**
 * Finding a service by what people call it, best first: its own name, then an abbreviation
 * ("k8s"), then a synonym ("kubernetes"), then a word one of those starts with (while typing),
 * then its description. A query naming a service the catalog does not have yet (not-yet.ts) says
 * so and offers the closest services; any other query that finds nothing gets the names nearest
 * in spelling ("lamda"). Shared by the palette and the CLI.
 */
import type { ServiceDefinition } from './types.ts';
import { ALL_SERVICES } from './services/index.ts';
import { NOT_YET_SERVICES, type NotYetService } from './not-yet.ts';

/** Why a service matched, in ranking order. */
export type MatchKind = 'name' | 'abbreviation' | 'synonym' | 'prefix' | 'description';

export interface ServiceMatch {
  service: ServiceDefinition;
  kind: MatchKind;
  /** The abbreviation or synonym that matched, to show beside the name (none for names). */
  term?: string;
}

export interface MissingService {
  /** The service's name when the query names one the catalog lacks, else the query as typed. */
  name: string;
  /** The not-yet.ts entry, when the query names a service the catalog does not have yet. */
  notYet?: NotYetService;
  /** Catalog services that come closest, best first (possibly none). */
  closest: ServiceDefinition[];
}

export interface ServiceSearch {
  /** The services the query finds, best first (an empty query: all, in palette order). */
  matches: ServiceDefinition[];
  /** The same services with why each matched. */
  ranked: ServiceMatch[];
  /** Set when the query names something the catalog does not have. */
  missing?: MissingService;
}

/** Lower case words of letters and digits, one space apart: "Pub/Sub" and "pub sub" are alike. */
export function normaliseSearchText(text: string): string {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

const RANK = {
  exactName: 0,
  nameWords: 1,
  abbreviation: 2,
  synonym: 3,
  synonymWords: 4,
  namePrefix: 5,
  prefix: 6,
  description: 7,
} as const;

interface Indexed {
  service: ServiceDefinition;
  /** Palette position: breaks ties within a rank. */
  order: number;
  names: string[];
  abbreviations: string[];
  synonyms: string[];
  /** Every word of the names, abbreviations and synonyms, with the best kind it comes from. */
  words: Map<string, MatchKind>;
  description: string;
}

function index(service: ServiceDefinition, order: number): Indexed {
  const names = [service.displayName, service.type].map(normaliseSearchText);
  const abbreviations = (service.abbreviations ?? []).map(normaliseSearchText);
  const synonyms = (service.keywords ?? []).map(normaliseSearchText);
  const words = new Map<string, MatchKind>();
  const add = (phrases: string[], kind: MatchKind) => {
    for (const phrase of phrases)
      for (const word of phrase.split(' ')) if (!words.has(word)) words.set(word, kind);
  };
  add(names, 'name');
  add(abbreviations, 'abbreviation');
  add(synonyms, 'synonym');
  const description = normaliseSearchText(`${service.description} ${service.category}`);
  return { service, order, names, abbreviations, synonyms, words, description };
}

/** What the palette offers: every service but those that only come from an import. */
const SERVICES = ALL_SERVICES.filter((s) => !s.importOnly);
const INDEX = SERVICES.map(index);

/** `phrase` holds `words` as whole words ("edge cache" holds "cache", not "cach"). */
function holdsWords(phrase: string, words: string): boolean {
  return ` ${phrase} `.includes(` ${words} `);
}

interface Ranked extends ServiceMatch {
  rank: number;
  order: number;
}

function rankService(ix: Indexed, q: string, words: readonly string[]): Ranked | undefined {
  const hit = (rank: number, kind: MatchKind, term?: string): Ranked => ({
    service: ix.service,
    kind,
    rank,
    order: ix.order,
    ...(term === undefined ? {} : { term }),
  });
  if (ix.names.includes(q)) return hit(RANK.exactName, 'name');
  if (ix.names.some((name) => holdsWords(name, q))) return hit(RANK.nameWords, 'name');
  const abbreviation = ix.abbreviations.find((a) => a === q);
  if (abbreviation !== undefined) return hit(RANK.abbreviation, 'abbreviation', abbreviation);
  const synonym = ix.synonyms.find((s) => s === q) ?? ix.synonyms.find((s) => holdsWords(s, q));
  if (synonym !== undefined) return hit(synonym === q ? RANK.synonym : RANK.synonymWords, 'synonym', synonym);
  // Several words, each a whole word of a name, abbreviation or synonym ("postgres database").
  const kinds = words.map((w) => ix.words.get(w));
  if (kinds.every((k) => k !== undefined)) {
    const allName = kinds.every((k) => k === 'name');
    return hit(allName ? RANK.nameWords : RANK.synonymWords, allName ? 'name' : 'synonym');
  }
  // While typing: every word starts a word of a name, abbreviation or synonym ("dyna", "step func").
  const known = [...ix.words.keys()];
  if (words.every((w) => known.some((k) => k.startsWith(w)))) {
    const last = words[words.length - 1]!;
    const term = [...ix.abbreviations, ...ix.synonyms].find((p) =>
      p.split(' ').some((k) => k.startsWith(last)),
    );
    const fromName = ix.names.some((n) => n.split(' ').some((k) => k.startsWith(last)));
    return fromName ? hit(RANK.namePrefix, 'prefix') : hit(RANK.prefix, 'prefix', term);
  }
  // Descriptions only for three letters or more: "s" is in every one.
  if (q.length >= 3 && words.every((w) => ix.description.includes(w)))
    return hit(RANK.description, 'description');
  return undefined;
}

function rankAll(q: string): Ranked[] {
  const words = q.split(' ');
  return INDEX.flatMap((ix) => rankService(ix, q, words) ?? []).sort(
    (a, b) => a.rank - b.rank || a.order - b.order,
  );
}

const getService = (type: string) => SERVICES.find((s) => s.type === type);

/** The entry whose term is the query, or is a phrase within it ("aws waf rules" names WAF). */
function notYetNamedBy(q: string): NotYetService | undefined {
  return (
    NOT_YET_SERVICES.find((n) => n.terms.includes(q)) ??
    NOT_YET_SERVICES.find((n) => n.terms.some((t) => holdsWords(q, t)))
  );
}

/** While typing ("fireh"): an entry with a term the query starts, when nothing else fits. */
function notYetStartedBy(q: string): NotYetService | undefined {
  if (q.length < 3) return undefined;
  return NOT_YET_SERVICES.find((n) => n.terms.some((t) => t.startsWith(q)));
}

function missingFrom(entry: NotYetService): MissingService {
  return {
    name: entry.name,
    notYet: entry,
    closest: entry.closest.flatMap((type) => getService(type) ?? []),
  };
}

/** Edit distance, for typos ("dynamo db", "lamda"). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Up to three services whose name, abbreviation or synonym is nearest in spelling, if near enough. */
function nearestBySpelling(q: string): ServiceDefinition[] {
  if (q.length < 3) return [];
  const allowed = q.length <= 4 ? 1 : Math.max(2, Math.floor(q.length / 3));
  const scored: { ix: Indexed; score: number }[] = [];
  for (const ix of INDEX) {
    const candidates = [...ix.names, ...ix.abbreviations, ...ix.synonyms, ...ix.words.keys()];
    const score = Math.min(...candidates.map((c) => distance(q, c)));
    if (score <= allowed) scored.push({ ix, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.ix.order - b.ix.order)
    .slice(0, 3)
    .map((s) => s.ix.service);
}

function result(ranked: Ranked[], missing?: MissingService): ServiceSearch {
  const plain = ranked.map(({ service, kind, term }): ServiceMatch => ({
    service,
    kind,
    ...(term === undefined ? {} : { term }),
  }));
  return { matches: plain.map((m) => m.service), ranked: plain, ...(missing ? { missing } : {}) };
}

export function searchServices(query: string): ServiceSearch {
  const q = normaliseSearchText(query);
  if (!q) return { matches: [...SERVICES], ranked: SERVICES.map((service) => ({ service, kind: 'name' })) };
  const ranked = rankAll(q);
  const named = notYetNamedBy(q);
  // The service the query names is not here: say so first; only strong matches stay beside it.
  if (named)
    return result(
      ranked.filter((r) => r.rank <= RANK.synonymWords),
      missingFrom(named),
    );
  if (ranked.length > 0 && ranked[0]!.rank <= RANK.prefix) return result(ranked);
  const started = notYetStartedBy(q);
  if (started) return result(ranked, missingFrom(started));
  if (ranked.length > 0) return result(ranked);
  return { matches: [], ranked: [], missing: { name: query.trim(), closest: nearestBySpelling(q) } };
}
