/**
 * Instance type names: which are previous-generation, which run on Graviton, and what to move
 * to. Covers EC2 ("m5.large"), RDS/Neptune ("db.m5.large"), ElastiCache ("cache.m5.large") and
 * OpenSearch ("m5.large.search").
 */
const PARTS = /^(db\.|cache\.)?([a-z]+)(\d+)([a-z-]*)\.([a-z0-9]+)(\.search)?$/;

interface InstanceType {
  prefix: string;
  family: string;
  generation: number;
  attributes: string;
  size: string;
  suffix: string;
}

function parse(type: string): InstanceType | undefined {
  const m = PARTS.exec(type);
  if (!m) return undefined;
  return {
    prefix: m[1] ?? '',
    family: m[2]!,
    generation: Number(m[3]),
    attributes: m[4]!,
    size: m[5]!,
    suffix: m[6] ?? '',
  };
}

/** Current Graviton generation per family letter. */
const GRAVITON: Record<string, string> = { t: 't4g', m: 'm7g', c: 'c7g', r: 'r7g' };
const PREVIOUS_GENERATION: Record<string, number> = { t: 2, m: 4, c: 4, r: 4 };

export function isPreviousGeneration(type: string): boolean {
  const t = parse(type);
  if (!t) return false;
  const last = PREVIOUS_GENERATION[t.family];
  return last !== undefined && t.generation <= last;
}

export function isGraviton(type: string): boolean {
  return parse(type)?.attributes.includes('g') ?? false;
}

/** The Graviton type of the same family and size, when one exists. */
export function gravitonEquivalent(type: string): string | undefined {
  const t = parse(type);
  const family = t && GRAVITON[t.family];
  // OpenSearch offers no burstable Graviton type.
  if (!t || !family || (t.suffix && t.family === 't')) return undefined;
  // Burstable Graviton databases start at micro; nano has no counterpart.
  const size = t.size === 'nano' && t.prefix ? 'micro' : t.size;
  return `${t.prefix}${family}.${size}${t.suffix}`;
}

/** Instance-type properties per service type, for the rules that read them. */
export const INSTANCE_TYPE_KEYS: Record<string, string> = {
  'ec2-asg': 'instanceType',
  eks: 'nodeInstanceType',
  rds: 'instanceClass',
  aurora: 'instanceClass',
  neptune: 'instanceClass',
  elasticache: 'nodeType',
  opensearch: 'instanceType',
};
