/**
 * The Monaco viewer. This module is only reached through React.lazy, so Monaco (and its
 * editor worker, bundled locally via Vite's ?worker) stays out of the first load.
 */
import { useEffect, useRef } from 'react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/markdown/register';
import 'monaco-editor/languages/definitions/ini/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { HCL_LANGUAGE_ID, hclConfiguration, hclLanguage } from './hclLanguage.ts';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };

if (!monaco.languages.getLanguages().some((l) => l.id === HCL_LANGUAGE_ID)) {
  monaco.languages.register({
    id: HCL_LANGUAGE_ID,
    extensions: ['.tf', '.tfvars', '.hcl'],
    aliases: ['HCL', 'Terraform'],
  });
  monaco.languages.setMonarchTokensProvider(HCL_LANGUAGE_ID, hclLanguage);
  monaco.languages.setLanguageConfiguration(HCL_LANGUAGE_ID, hclConfiguration);
}

function languageForPath(path: string): string {
  if (/\.(tf|tfvars|hcl)$/.test(path)) return HCL_LANGUAGE_ID;
  if (/\.tsx?$/.test(path)) return 'typescript';
  if (/\.(ya?ml)$/.test(path)) return 'yaml';
  if (/\.(json|js|mjs)$/.test(path)) return 'javascript';
  if (/\.md$/.test(path)) return 'markdown';
  if (/(^|\/)\.?[\w-]*ignore$|\.(ini|cfg|toml)$/.test(path)) return 'ini';
  return 'plaintext';
}

/** One read-only model per path, so switching files keeps each file's scroll position. */
export default function CodeEditor({
  path,
  content,
  theme,
}: {
  path: string;
  content: string;
  theme: 'light' | 'dark';
}) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const views = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());

  useEffect(() => {
    if (!host.current) return;
    editor.current = monaco.editor.create(host.current, {
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12,
      lineHeight: 18,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      scrollBeyondLastLine: false,
      renderLineHighlight: 'none',
      folding: true,
      ariaLabel: 'Generated code (read-only)',
    });
    return () => {
      editor.current?.dispose();
      editor.current = null;
      for (const model of monaco.editor.getModels()) model.dispose();
    };
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  useEffect(() => {
    const instance = editor.current;
    if (!instance) return;
    const uri = monaco.Uri.parse(`file:///${path}`);
    let model = monaco.editor.getModel(uri);
    if (!model) model = monaco.editor.createModel(content, languageForPath(path), uri);
    else if (model.getValue() !== content) model.setValue(content);
    const previous = instance.getModel();
    if (previous !== model) {
      if (previous) views.current.set(previous.uri.toString(), instance.saveViewState());
      instance.setModel(model);
      const saved = views.current.get(uri.toString());
      if (saved) instance.restoreViewState(saved);
    }
  }, [path, content]);

  return <div className="code-editor" ref={host} />;
}
