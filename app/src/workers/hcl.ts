/**
 * HCL parsing in the browser: HashiCorp's HCL library compiled to WebAssembly, from
 * `@cdktf/hcl2json` (whose own loader reads the file system, so the app loads the same wasm
 * itself). Loaded on first use only: 1.7 MB gzipped, needed only when Terraform is imported.
 */
import type { HclParser } from '@archgen/import';
import wasmUrl from '@cdktf/hcl2json/main.wasm.gz?url';

interface GoRuntime {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}
type Callback = (error: string | null, json?: string) => void;
type WasmParse = (fileName: string, text: string, done: Callback) => void;

let loading: Promise<WasmParse> | undefined;

async function wasmBytes(): Promise<ArrayBuffer> {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`Could not load the HCL parser (${response.status} ${wasmUrl})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A server that sends the .gz with Content-Encoding: gzip has let fetch inflate it already.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.buffer;
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(inflated).arrayBuffer();
}

async function load(): Promise<WasmParse> {
  // Go's wasm_exec.js defines globalThis.Go (and a stub fs the program never uses).
  await import('@cdktf/hcl2json/wasm/wasm_exec.js');
  const Go = (globalThis as unknown as { Go: new () => GoRuntime }).Go;
  const go = new Go();
  const { instance } = await WebAssembly.instantiate(await wasmBytes(), go.importObject);
  const exported: Record<string, unknown> = {};
  // The Go program registers its functions on global.__parse_terraform_config_wasm__ as it
  // starts: `global` is Node's name for the global object, so give the browser one too.
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.global ??= globalThis;
  scope.__parse_terraform_config_wasm__ = exported;
  let failed: unknown;
  go.run(instance).catch((error: unknown) => (failed = error));
  for (let tries = 0; typeof exported.parse !== 'function'; tries++) {
    if (failed !== undefined || tries > 400)
      throw new Error(
        `The HCL parser did not start${failed instanceof Error ? `: ${failed.message}` : failed ? `: ${String(failed)}` : ''}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return exported.parse as WasmParse;
}

export const parseHclInBrowser: HclParser = async (fileName, text) => {
  loading ??= load();
  const parse = await loading;
  return new Promise((resolve, reject) => {
    parse(fileName, text, (error, json) => {
      if (error) reject(new Error(error));
      else resolve(JSON.parse(json ?? '{}') as Record<string, unknown>);
    });
  });
};
