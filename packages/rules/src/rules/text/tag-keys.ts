/** A tag key not yet used by the design (nor colliding with ours): `base`, `base2`, `base3`, ... */
import { generatedTagKeyFor } from '@archgen/model';

export function freeTagKey(tags: Readonly<Record<string, string>>, base: string): string {
  const taken = new Set(Object.keys(tags).map((k) => k.toLowerCase()));
  const free = (key: string) => !taken.has(key.toLowerCase()) && generatedTagKeyFor(key) === undefined;
  const stem = base || 'tag';
  if (free(stem)) return stem;
  for (let i = 2; ; i++) if (free(`${stem}${i}`)) return `${stem}${i}`;
}
