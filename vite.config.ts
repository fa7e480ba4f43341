import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes a brotli and a gzip copy beside each emitted script, style sheet and data file, which the
 * server sends to browsers that take them (@fastify/static's preCompressed): the main script is
 * 670 kB as built, about 170 kB as brotli. Compressed once here, at the highest levels, rather
 * than on every request.
 */
function precompress(): Plugin {
  return {
    name: 'bridges-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|json|svg)$/.test(fileName)) continue;
        const file = path.join(dir, fileName);
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

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
  plugins: [react(), precompress()],
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
