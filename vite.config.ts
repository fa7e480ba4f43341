import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// NOTE: a regular expression, not the prefix '/api': the prefix would also send the UI's own
// module /api.ts to the API server.
const apiProxy = {
  '^/api/': { target: 'http://127.0.0.1:3001' },
};

/**
 * The web UI lives in src/web and is built into dist/web, which the Fastify server serves (with an
 * SPA fallback). Under `npm run dev` the API runs on 3001 and this dev server proxies /api to it,
 * so the browser sees a single origin exactly as in production.
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: apiProxy,
  },
  preview: {
    port: 4173,
    proxy: apiProxy,
  },
});
