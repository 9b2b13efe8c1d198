import type { Design } from '@archgen/model';
import type { LayoutDesignOptions } from '@archgen/layout';
import LayoutWorker from './layout.worker.ts?worker';

export interface LayoutRequest {
  design: Design;
  options: LayoutDesignOptions;
}
export type LayoutResponse = { ok: true; design: Design } | { ok: false; message: string };

/**
 * `layoutDesign` from @archgen/layout, run in a worker; in the page itself where workers are
 * unavailable. Resolves to the design with positions, rejects with the reason it failed.
 */
export async function layoutInWorker(design: Design, options: LayoutDesignOptions = {}): Promise<Design> {
  if (typeof Worker === 'undefined') {
    const { layoutDesign } = await import('@archgen/layout');
    return layoutDesign(design, options);
  }
  return new Promise((resolve, reject) => {
    const worker = new LayoutWorker();
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.design);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'Automatic layout failed'));
    };
    worker.postMessage({ design, options } satisfies LayoutRequest);
  });
}
