import type { ImportResult, SourceFormat } from '@archgen/import';
import ImportWorker from './import.worker.ts?worker';
import type { RawFile } from './importSources.ts';
import type { PickedFile } from '../panels/Toolbar.tsx';

export interface ImportRequest {
  files: RawFile[];
  from?: SourceFormat;
}
export type ImportResponse =
  { ok: true; result: ImportResult; millis: number } | { ok: false; message: string };

/** Reads the files' bytes on the page, then parses, imports and lays out in a worker. */
export async function importInWorker(
  files: readonly PickedFile[],
  from?: SourceFormat,
): Promise<ImportResult> {
  const raw: RawFile[] = await Promise.all(
    files.map(async ({ path, file }) => ({ path, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  return new Promise((resolve, reject) => {
    const worker = new ImportWorker();
    worker.onmessage = (event: MessageEvent<ImportResponse>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'Import failed'));
    };
    worker.postMessage(
      { files: raw, from } satisfies ImportRequest,
      raw.map((f) => f.bytes.buffer as ArrayBuffer),
    );
  });
}

/** A design file (ours) rather than infrastructure code to import. */
export function isDesignFile(name: string, text: string): boolean {
  if (/\.archdesign\.json$/i.test(name)) return true;
  if (!/\.json$/i.test(name)) return false;
  // CloudFormation JSON has Resources; a cdk.out tree.json has "tree"; ours has nodes and vpcs.
  const head = text.slice(0, 4096);
  return (
    /"schemaVersion"\s*:/.test(head) ||
    (/"nodes"\s*:/.test(text) && /"vpcs"\s*:/.test(text) && !/"Resources"\s*:/.test(text))
  );
}
