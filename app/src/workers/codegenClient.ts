import type { Design } from '@archgen/model';
import CodegenWorker from './codegen.worker.ts?worker';
import type { CodegenRequest, CodegenResponse, TargetId, TargetOutput } from './protocol.ts';

type Pending = { resolve(value: CodegenResponse): void };
/** Omit that keeps a union a union. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Talks to the code generation worker (created on first use, so generators stay out of the first load). */
export class CodegenClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new CodegenWorker();
    worker.onmessage = (event: MessageEvent<CodegenResponse>) => {
      const entry = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      entry?.resolve(event.data);
    };
    worker.onerror = (event) => {
      const message = event.message || 'The code generator crashed';
      for (const [id, entry] of this.pending) entry.resolve({ type: 'error', id, message });
      this.pending.clear();
      this.worker?.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }

  private request(message: WithoutId<CodegenRequest>): Promise<CodegenResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.ensureWorker().postMessage({ ...message, id } as CodegenRequest);
    });
  }

  async generate(design: Design): Promise<{ outputs: Record<TargetId, TargetOutput>; millis: number }> {
    const response = await this.request({ type: 'generate', design });
    if (response.type === 'generated') return { outputs: response.outputs, millis: response.millis };
    throw new Error(
      response.type === 'error' ? response.message : 'Unexpected reply from the code generator',
    );
  }

  async zip(design: Design, targets: TargetId[], environments: string[], force = false): Promise<Uint8Array> {
    const response = await this.request({ type: 'zip', design, targets, environments, force });
    if (response.type === 'zip') return response.bytes;
    throw new Error(
      response.type === 'error' ? response.message : 'Unexpected reply from the code generator',
    );
  }
}
