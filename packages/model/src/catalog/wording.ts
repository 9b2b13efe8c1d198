/**
 * Articles and verb agreement for service names in sentences ("an Aurora cluster is",
 * "Internet users are"), so rule messages and refusals read as English whatever the service.
 */

/** Letters whose spoken name starts with a vowel sound ("an RDS database", "an S3 bucket"). */
const VOWEL_SOUND_LETTERS = new Set(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X']);
/** Words starting with a vowel letter but a consonant sound ("a user pool", "a one-off"). */
const CONSONANT_SOUND_PREFIXES = ['uni', 'use', 'usu', 'one', 'eu'];

/** Acronyms said as words, not letter by letter ("a NAT gateway", "a WAF"). */
const SPOKEN_ACRONYMS: Readonly<Record<string, 'a' | 'an'>> = { NAT: 'a', WAF: 'a', SAML: 'a', IAM: 'an' };

/** "a" or "an" for the word that follows it. */
export function article(phrase: string): 'a' | 'an' {
  const word = phrase.trim().split(/[\s-]/)[0] ?? '';
  if (!word) return 'a';
  const spoken = SPOKEN_ACRONYMS[word];
  if (spoken) return spoken;
  // An acronym ("RDS", "S3", "EKS") is read letter by letter.
  const acronym = word.length > 1 && /^[A-Z0-9]+$/.test(word.replace(/[^A-Za-z0-9]/g, ''));
  const leadsWithCapitalPair = /^[A-Z]{2}/.test(word);
  if (acronym || leadsWithCapitalPair) return VOWEL_SOUND_LETTERS.has(word[0]!) ? 'an' : 'a';
  const lower = word.toLowerCase();
  if (CONSONANT_SOUND_PREFIXES.some((p) => lower.startsWith(p))) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

/** A name as the subject or object of a sentence: with its article, and the verb that agrees. */
export interface NounPhrase {
  /** "an Aurora cluster", or "Internet users" for a plural name. */
  a: string;
  /** The same, capitalised for the start of a sentence. */
  A: string;
  is: 'is' | 'are';
  /** "does" or "do", for negatives ("does not live in a subnet"). */
  does: 'does' | 'do';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function nounPhrase(name: string, options: { plural?: boolean } = {}): NounPhrase {
  const a = options.plural ? name : `${article(name)} ${name}`;
  return {
    a,
    A: capitalise(a),
    is: options.plural ? 'are' : 'is',
    does: options.plural ? 'do' : 'does',
  };
}

/** A service's display name in a sentence ("an Application Load Balancer", "Internet users"). */
export function serviceNoun(service: { displayName: string; plural?: boolean }): NounPhrase {
  return nounPhrase(service.displayName, { plural: service.plural });
}
