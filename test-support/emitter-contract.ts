/**
 * The emitter contract the three generators share (issue 10, "One emitter contract"), checked on
 * a generator's emitters folder: every registered emitter lives in `emitters/<type>.ts`, which
 * exports it and no other emitter; it is an object with `emit(component, ctx)` and only the
 * members the generator's contract names; the other files of the folder (common.ts,
 * relationships.ts, network.ts...) hold no emitter; and no file imports a service's emitter file,
 * so what services share lives in the shared files. Imports are read from the source text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EmitterShape {
  /** Members every emitter has besides `emit` (e.g. `references`). */
  required: string[];
  /** Members an emitter may have. */
  optional: string[];
  /** Members that are objects of functions (resolvers per attribute). */
  resolvers: string[];
}

const isEmitter = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { emit?: unknown }).emit === 'function';

/** The relative module specifiers a source file imports or re-exports, resolved against its folder. */
export function relativeImports(source: string, folder: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers.map((specifier) => resolve(folder, specifier));
}

/** The parameter names of the emitter's `emit` method, from its source ('' when it declares none). */
function emitParameters(source: string): string[][] {
  return [...source.matchAll(/^\s{2}emit\(([^)]*)\)/gm)].map((match) =>
    match[1]!
      .split(',')
      .map((parameter) => parameter.split(':')[0]!.trim())
      .filter((name) => name !== ''),
  );
}

/** Everything in the folder that breaks the contract, one line each (empty when it holds). */
export async function emitterContractProblems(
  folder: string,
  emitters: Readonly<Record<string, object>>,
  shape: EmitterShape,
): Promise<string[]> {
  const problems: string[] = [];
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'index.ts')
    .sort();
  const serviceFiles = new Set(Object.keys(emitters).map((type) => resolve(folder, `${type}.ts`)));

  for (const [type, emitter] of Object.entries(emitters)) {
    const path = join(folder, `${type}.ts`);
    if (!existsSync(path)) {
      problems.push(`${type}: no file emitters/${type}.ts`);
      continue;
    }
    const exported = Object.values((await import(pathToFileURL(path).href)) as Record<string, unknown>);
    if (!exported.includes(emitter))
      problems.push(`${type}: emitters/${type}.ts does not export its emitter`);
    const members = Object.keys(emitter);
    for (const member of [...shape.required, 'emit'])
      if (!members.includes(member)) problems.push(`${type}: has no ${member}`);
    for (const member of members)
      if (member !== 'emit' && !shape.required.includes(member) && !shape.optional.includes(member))
        problems.push(`${type}: ${member} is not part of the contract`);
    for (const member of shape.resolvers) {
      const resolvers = (emitter as Record<string, unknown>)[member];
      if (resolvers === undefined) continue;
      if (typeof resolvers !== 'object' || resolvers === null)
        problems.push(`${type}: ${member} is not an object of resolvers`);
      else
        for (const [attribute, resolver] of Object.entries(resolvers))
          if (typeof resolver !== 'function')
            problems.push(`${type}: ${member}.${attribute} is not a function`);
    }
    const emit = (emitter as { emit: (...args: unknown[]) => void }).emit;
    if (emit.length > 2) problems.push(`${type}: emit takes ${emit.length} parameters, not (component, ctx)`);
    for (const parameters of emitParameters(readFileSync(path, 'utf8'))) {
      if (parameters.length === 0) continue;
      if (parameters.length !== 2 || /ctx/i.test(parameters[0]!) || !/^_?ctx$/.test(parameters[1]!))
        problems.push(`${type}: emit(${parameters.join(', ')}) is not emit(component, ctx)`);
    }
  }

  for (const file of files) {
    const path = join(folder, file);
    const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    const emitterExports = Object.entries(module).filter(([, value]) => isEmitter(value));
    if (serviceFiles.has(path)) {
      if (emitterExports.length !== 1)
        problems.push(`${file}: exports ${emitterExports.length} emitters (one service per file)`);
    } else if (emitterExports.length > 0) {
      problems.push(
        `${file}: a shared file exports ${emitterExports.map(([name]) => name).join(', ')} (no type of that name)`,
      );
    }
    for (const imported of relativeImports(readFileSync(path, 'utf8'), folder))
      if (serviceFiles.has(imported) && imported !== path)
        problems.push(`${file}: imports the emitter file ${relative(folder, imported)}`);
  }
  return problems;
}
