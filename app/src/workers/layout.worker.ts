/// <reference lib="webworker" />
/**
 * Automatic layout off the main thread: a design of thousands of services is laid out without
 * freezing the canvas. One worker per request (layout is rare), so nothing stays resident.
 */
import { layoutDesign } from '@archgen/layout';
import type { LayoutRequest, LayoutResponse } from './layoutClient.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  let reply: LayoutResponse;
  try {
    reply = { ok: true, design: await layoutDesign(event.data.design, event.data.options) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
