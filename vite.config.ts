import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const appRoot = fileURLToPath(new URL('./app', import.meta.url));
// Overridable so two checkouts (or two e2e runs on other ports) do not build into one folder.
const outDir = process.env.ARCHGEN_DIST_DIR ?? fileURLToPath(new URL('./dist/app', import.meta.url));

// The designer is a static site: root is app/, everything (icons, Monaco, workers) is bundled
// locally so it works offline. Monaco is only reached through a dynamic import, so it lands in
// its own lazy chunk and stays out of the first load; automatic layout runs in its own worker.
export default defineConfig({
  root: appRoot,
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
});
