import { useEffect, useState } from 'react';
import { newBlankDesign } from '@archgen/model';
import { useAppStore } from '../store/context.tsx';
import { parseDesignText } from '../persistence/files.ts';
import { Dialog } from './Dialog.tsx';

/** Example designs at the repo root, each loaded only when the dialog opens. */
const EXAMPLES = import.meta.glob<unknown>('../../../examples/*.json', { import: 'default' });

interface Template {
  file: string;
  title: string;
  description: string;
  load(): Promise<unknown>;
}

function titleOf(path: string): string {
  const stem = path
    .split('/')
    .pop()!
    .replace(/\.json$/, '');
  const words = stem.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Start over: a blank VPC design or one of the example patterns (undo brings the previous design back). */
export function TemplatesDialog() {
  const store = useAppStore();
  const [templates, setTemplates] = useState<Template[]>([]);
  useEffect(() => {
    let cancelled = false;
    Promise.all(
      Object.entries(EXAMPLES)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(async ([path, load]) => {
          const raw = (await load()) as { name?: unknown; description?: unknown };
          return {
            file: path,
            title: typeof raw.name === 'string' ? raw.name : titleOf(path),
            description: typeof raw.description === 'string' ? raw.description : '',
            load,
          };
        }),
    ).then((list) => !cancelled && setTemplates(list));
    return () => {
      cancelled = true;
    };
  }, []);
  const close = () => store.getState().openDialog(null);
  const open = async (template: Template | null) => {
    const s = store.getState();
    if (!template) {
      s.load(newBlankDesign('Untitled design'));
      close();
      return;
    }
    const result = parseDesignText(template.file.split('/').pop()!, JSON.stringify(await template.load()));
    if (!result.ok) s.toast('error', result.message);
    else s.load(result.design);
    close();
  };
  return (
    <Dialog title="Templates" onClose={close} wide>
      <p className="dialog__lead">
        Start a new design from a pattern. The current design stays one undo step away.
      </p>
      <ul className="template-grid">
        <li>
          <button type="button" className="template-card" onClick={() => open(null)} data-autofocus>
            <span className="template-card__title">Blank design</span>
            <span className="template-card__text">
              A VPC with 2 availability zones and public, private and isolated subnets.
            </span>
          </button>
        </li>
        {templates.map((t) => (
          <li key={t.file}>
            <button type="button" className="template-card" onClick={() => open(t)} title={t.description}>
              <span className="template-card__title">{t.title}</span>
              <span className="template-card__text">{t.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
