// Builds the console into dist/console, served by apps/api at /console/ (docs/console.md).
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/console/',
  plugins: [vue()],
  // The API's shapes and value lists, shared with the server's use cases (libs/contracts imports nothing).
  resolve: { alias: { '@baiying/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or data: modules: everything is a file the CSP's script-src 'self' allows.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
