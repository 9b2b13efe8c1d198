import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { newBlankDesign } from '@archgen/model';
import '@xyflow/react/dist/base.css';
import './styles/theme.css';
import './styles/app.css';
import './styles/canvas.css';
import './styles/panels.css';
import { createAppStore } from './store/appStore.ts';
import { AppStoreProvider } from './store/context.tsx';
import type { Theme } from './store/uiSlice.ts';
import { restoreAutosave, THEME_KEY, type KeyValueStorage } from './persistence/autosave.ts';
import { recoveryMessage } from './persistence/recovery.ts';
import { readSharedLink, startAutosaveUnlessShared } from './review/shareLink.ts';
import { CodegenClient } from './workers/codegenClient.ts';
import { CodegenProvider } from './workers/CodegenContext.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { App } from './App.tsx';

function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage blocked: fall back to the system preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** localStorage, or an in-memory stand-in where the browser refuses storage (the app still works). */
function browserStorage(): KeyValueStorage {
  try {
    return window.localStorage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (k) => memory.get(k) ?? null,
      setItem: (k, v) => void memory.set(k, v),
      get length() {
        return memory.size;
      },
      key: (i) => [...memory.keys()][i] ?? null,
    };
  }
}

const storage = browserStorage();
// A share link opens its design read-only; the user's own autosave stays untouched until "Make a copy".
const shared = readSharedLink(window.location.hash);
// Before anything writes: keeps aside whatever autosave cannot read, so the notice can offer it.
const restored = shared?.ok ? null : restoreAutosave(storage);
const store = createAppStore(
  (shared?.ok ? shared.design : null) ?? restored?.design ?? newBlankDesign('Untitled design'),
  initialTheme(),
);
if (shared?.ok) store.getState().setReadOnly(true);
else if (shared) store.getState().toast('error', shared.message);
startAutosaveUnlessShared(store, storage);

const applyTheme = (theme: Theme) => {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Not persisting the theme is harmless.
  }
};
applyTheme(store.getState().theme);
store.subscribe((state, previous) => state.theme !== previous.theme && applyTheme(state.theme));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <AppStoreProvider store={store}>
        <CodegenProvider client={new CodegenClient()}>
          <App recovery={recoveryMessage(restored)} />
        </CodegenProvider>
      </AppStoreProvider>
    </ErrorBoundary>
  </StrictMode>,
);
