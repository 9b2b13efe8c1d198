import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const appModules = fileURLToPath(new URL('../../app/node_modules/', import.meta.url));

// The bare React Flow baseline page, built like the app (production, es2022) into .tmp/bench/bare.
// React resolves from the app's own node_modules (the workspace root has only its types), so both
// pages run the same copy.
export default defineConfig({
  resolve: { alias: [{ find: /^(react|react-dom)(\/.*)?$/, replacement: `${appModules}$1$2` }] },
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
