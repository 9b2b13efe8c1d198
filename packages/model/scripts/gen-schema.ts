/** Writes schema/design.schema.json; run with `npx -y pnpm@10.34.9 --filter @archgen/model gen:schema`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { designJsonSchemaText } from './design-json-schema.ts';

const target = fileURLToPath(new URL('../schema/design.schema.json', import.meta.url));
writeFileSync(target, designJsonSchemaText());
console.log(`wrote ${target}`);
