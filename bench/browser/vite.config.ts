import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const appModules = fileURLToPath(new URL('../../app/node_modules/', import.meta.url));

// The bare React Flow baseline page, built like the app (production, es2022) into .tmp/bench/bare.
// React and React Flow resolve from the app's own node_modules, so both pages run the same copies.
export default defineConfig({
  resolve: { alias: [{ find: /^(react|react-dom|@xyflow\/react)(\/.*)?$/, replacement: `${appModules}$1$2` }] },
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../.tmp/bench/bare', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
