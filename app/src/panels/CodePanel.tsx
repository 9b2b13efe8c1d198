import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../store/context.tsx';
import { useCodegen } from '../workers/CodegenContext.tsx';
import { TARGET_IDS, TARGET_LABELS, type TargetId, type TargetOutput } from '../workers/protocol.ts';

const CodeEditor = lazy(() => import('./CodeEditor.tsx'));

/** How long the design must stay still before the code is regenerated. */
const REGENERATE_DELAY_MS = 350;

/** The file a reader wants first: the stack / main resources, not .gitignore. */
const PREFERRED_FILES = [
  /stack\.ts$/,
  /^lib\/.*\.ts$/,
  /^main\.tf$/,
  /network\.tf$/,
  /template\.ya?ml$/,
  /\.(ts|tf|ya?ml)$/,
];

function preferredFile(paths: readonly string[]): string | undefined {
  for (const pattern of PREFERRED_FILES) {
    const match = paths.find((p) => pattern.test(p) && !/(config|nag)\.ts$/.test(p));
    if (match) return match;
  }
  return paths[0];
}

type GenerationState =
  | { status: 'idle' | 'generating' }
  | { status: 'ready'; outputs: Record<TargetId, TargetOutput>; millis: number }
  | { status: 'failed'; message: string };

/** Generated CDK / Terraform / CloudFormation, per file, regenerated in a worker as the design changes. */
export function CodePanel() {
  const design = useApp((s) => s.design);
  const theme = useApp((s) => s.theme);
  const client = useCodegen();
  const [target, setTarget] = useState<TargetId>('cdk');
  const [selectedFile, setSelectedFile] = useState<Partial<Record<TargetId, string>>>({});
  const [state, setState] = useState<GenerationState>({ status: 'idle' });
  const [stale, setStale] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setStale(true);
    const timer = setTimeout(() => {
      setState((s) => (s.status === 'ready' ? s : { status: 'generating' }));
      client
        .generate(design)
        .then((result) => !cancelled && setState({ status: 'ready', ...result }))
        .catch((error: Error) => !cancelled && setState({ status: 'failed', message: error.message }))
        .finally(() => !cancelled && setStale(false));
    }, REGENERATE_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [design, client]);

  const output = state.status === 'ready' ? state.outputs[target] : undefined;
  const files = useMemo(() => (output?.ok ? output.files : []), [output]);
  const chosen = selectedFile[target];
  const path = chosen && files.some(([p]) => p === chosen) ? chosen : preferredFile(files.map(([p]) => p));
  const content = files.find(([p]) => p === path)?.[1] ?? '';
  const activeFile = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    activeFile.current?.scrollIntoView({ block: 'nearest' });
  }, [path, target]);

  return (
    <section className="code-panel" role="region" aria-label="Code">
      <div className="code-panel__bar">
        <div className="tabs tabs--small" role="tablist" aria-label="Target">
          {TARGET_IDS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`code-tab-${id}`}
              aria-selected={target === id}
              aria-controls="code-tabpanel"
              className={`tab${target === id ? ' is-active' : ''}`}
              onClick={() => setTarget(id)}
            >
              {TARGET_LABELS[id]}
            </button>
          ))}
        </div>
        <span className="code-panel__status" role="status">
          {state.status === 'generating' && 'Generating…'}
          {state.status === 'ready' && (stale ? 'Updating…' : `Generated in ${state.millis} ms · read-only`)}
          {state.status === 'failed' && 'Generation failed'}
        </span>
      </div>
      <div
        className="code-panel__body"
        id="code-tabpanel"
        role="tabpanel"
        aria-labelledby={`code-tab-${target}`}
      >
        {state.status === 'failed' && <p className="field__error">{state.message}</p>}
        {output && !output.ok && (
          <p className="field__error">
            {TARGET_LABELS[target]} could not be generated: {output.error}
          </p>
        )}
        {output?.ok && (
          <>
            <ul className="file-list" aria-label={`${TARGET_LABELS[target]} files`}>
              {files.map(([p]) => (
                <li key={p}>
                  <button
                    type="button"
                    className={`file-list__item${p === path ? ' is-active' : ''}`}
                    aria-current={p === path ? 'true' : undefined}
                    ref={p === path ? activeFile : undefined}
                    title={p}
                    onClick={() => setSelectedFile((s) => ({ ...s, [target]: p }))}
                  >
                    {p}
                  </button>
                </li>
              ))}
            </ul>
            <div className="code-panel__editor">
              {path ? (
                <Suspense fallback={<div className="code-editor code-editor--loading">Loading editor…</div>}>
                  <CodeEditor path={`${target}/${path}`} content={content} theme={theme} />
                </Suspense>
              ) : (
                <p className="empty">No files.</p>
              )}
            </div>
          </>
        )}
        {(state.status === 'idle' || state.status === 'generating') && (
          <p className="empty">Generating code…</p>
        )}
      </div>
    </section>
  );
}
