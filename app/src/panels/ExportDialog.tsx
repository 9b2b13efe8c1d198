import { useMemo, useState } from 'react';
import { blockingFindings, validateDesign } from '@archgen/rules';
import { useApp, useAppStore } from '../store/context.tsx';
import { useCodegen } from '../workers/CodegenContext.tsx';
import { TARGET_IDS, TARGET_LABELS, type TargetId } from '../workers/protocol.ts';
import { downloadBlob, slugify } from '../persistence/files.ts';
import { selectOpenFindingCount } from '../store/selectors.ts';
import { Dialog } from './Dialog.tsx';
import { PictureButtons } from '../review/PictureButtons.tsx';

/** Choose targets and environments, then download one zip built in the code generation worker. */
export function ExportDialog() {
  const store = useAppStore();
  const client = useCodegen();
  const design = useApp((s) => s.design);
  const openFindings = useApp(selectOpenFindingCount);
  const [targets, setTargets] = useState<TargetId[]>([...TARGET_IDS]);
  const [environments, setEnvironments] = useState<string[]>(design.environments.map((e) => e.name));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [force, setForce] = useState(false);
  // Findings that make the code fail its toolchain or deploy, for the environments chosen.
  const blocking = useMemo(
    () => blockingFindings(validateDesign(design, { environments })),
    [design, environments],
  );
  const nameOf = (id: string) =>
    design.nodes.find((n) => n.id === id)?.name ?? design.vpcs.find((v) => v.id === id)?.name ?? design.name;
  const close = () => store.getState().openDialog(null);
  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);
  const canDownload =
    targets.length > 0 && environments.length > 0 && !busy && (blocking.length === 0 || force);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const ordered = TARGET_IDS.filter((t) => targets.includes(t));
      const envs = design.environments.map((e) => e.name).filter((n) => environments.includes(n));
      const bytes = await client.zip(design, ordered, envs, blocking.length > 0 && force);
      downloadBlob(new Blob([bytes as BlobPart], { type: 'application/zip' }), `${slugify(design.name)}.zip`);
      store.getState().toast('info', `Downloaded ${slugify(design.name)}.zip`);
      close();
    } catch (e) {
      setError(`Export failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Export"
      onClose={close}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn btn--primary" disabled={!canDownload} onClick={download}>
            {busy ? 'Building zip…' : 'Download zip'}
          </button>
        </>
      }
    >
      <p className="dialog__lead">
        One zip with the infrastructure code for <strong>{design.name}</strong> and a README on how to deploy
        it.
        {openFindings > 0 && ` The README lists the ${openFindings} open findings.`}
      </p>
      <fieldset className="checks">
        <legend>Targets</legend>
        {TARGET_IDS.map((id) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={targets.includes(id)}
              onChange={(e) => setTargets((t) => toggle(t, id, e.target.checked))}
            />
            {TARGET_LABELS[id]}
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>Environments</legend>
        {design.environments.map((env) => (
          <label key={env.name} className="check">
            <input
              type="checkbox"
              checked={environments.includes(env.name)}
              onChange={(e) => setEnvironments((list) => toggle(list, env.name, e.target.checked))}
            />
            {env.name}
          </label>
        ))}
      </fieldset>
      {blocking.length > 0 && (
        <section className="checks" aria-label="Findings that stop the code from deploying">
          <p className="field__error">
            The generated code will not deploy until{' '}
            {blocking.length === 1 ? 'this finding is' : `these ${blocking.length} findings are`} fixed:
          </p>
          <ul>
            {blocking.map((f) => (
              <li key={`${f.ruleId} ${f.target.id} ${f.environment ?? ''} ${f.message}`}>
                <strong>{f.ruleId}</strong>{' '}
                {f.message.startsWith(nameOf(f.target.id)) ? '' : `${nameOf(f.target.id)}: `}
                {f.message}
                {f.environment && ` [${f.environment}]`}
                {f.fix && <span className="field__help"> (fix: {f.fix.title})</span>}
              </li>
            ))}
          </ul>
          <label className="check">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            Export anyway (the code will not deploy)
          </label>
        </section>
      )}
      <PictureButtons />
      {(targets.length === 0 || environments.length === 0) && (
        <p className="field__help">Choose at least one target and one environment.</p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
