/// <reference lib="webworker" />
/**
 * Import off the main thread: unzipping, parsing (YAML, JSON, HCL in wasm) and layout of an
 * imported system never freeze the canvas. One worker per import, so nothing stays resident.
 */
import { layoutDesign } from '@archgen/layout';
import type { ImportRequest, ImportResponse } from './importClient.ts';
import { readSources, runImport } from './importSources.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const started = performance.now();
  let reply: ImportResponse;
  try {
    const files = readSources(event.data.files);
    const result = await runImport(files, event.data.from);
    // Positions from the source's own layout metadata are kept; the rest is laid out.
    const design = await layoutDesign(result.design, { keepExisting: true });
    reply = { ok: true, result: { ...result, design }, millis: performance.now() - started };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
