/// <reference lib="webworker" />
/**
 * Code generation off the main thread: the canvas never waits for the generators. Each target
 * is generated on its own so one failing generator does not hide the other two.
 */
import { buildExportZip, generateAll } from '@archgen/export';
import { compareIds } from '@archgen/infra';
import { reviewDocuments } from '@archgen/review';
import { isoDay } from '@archgen/rules';
import {
  TARGET_IDS,
  type CodegenRequest,
  type CodegenResponse,
  type TargetId,
  type TargetOutput,
} from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: CodegenResponse, transfer: Transferable[] = []) => self.postMessage(message, transfer);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

self.onmessage = (event: MessageEvent<CodegenRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'generate') {
      const started = performance.now();
      const outputs = {} as Record<TargetId, TargetOutput>;
      for (const target of TARGET_IDS) {
        try {
          const files = generateAll(request.design, { targets: [target] })[target] ?? {};
          outputs[target] = {
            ok: true,
            files: Object.entries(files).sort(([a], [b]) => compareIds(a, b)),
          };
        } catch (error) {
          outputs[target] = { ok: false, error: messageOf(error) };
        }
      }
      post({ type: 'generated', id: request.id, outputs, millis: Math.round(performance.now() - started) });
    } else {
      const bytes = buildExportZip(request.design, {
        targets: request.targets,
        environments: request.environments,
        force: request.force,
        // REVIEW.md: scorecard, findings, accepted risks, notes and cost.
        extraDocuments: reviewDocuments,
        today: isoDay(new Date()),
      });
      post({ type: 'zip', id: request.id, bytes }, [bytes.buffer]);
    }
  } catch (error) {
    post({ type: 'error', id: request.id, message: messageOf(error) });
  }
};
