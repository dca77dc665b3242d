import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const domain = fileURLToPath(new URL('../domain/src/index.ts', import.meta.url));

/**
 * The workbench is served by the API at /workbench/ (packages/api/src/workbench/), so every asset
 * URL starts there. The domain is bundled from its sources (pure: codecs and vocabulary only).
 * `npm run dev` proxies the API's routes to a server on :3000.
 */
export default defineConfig({
  base: '/workbench/',
  plugins: [react()],
  resolve: { alias: { '@zhaoshang/domain': domain } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: (id) =>
          id.includes('node_modules/antd') ||
          id.includes('node_modules/@ant-design') ||
          id.includes('node_modules/rc-')
            ? 'antd'
            : id.includes('node_modules/react')
              ? 'react'
              : undefined,
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      ['/session', '/projects', '/units', '/exports', '/imports', '/dashboard', '/openapi.json'].map((p) => [
        p,
        'http://localhost:3000',
      ]),
    ),
  },
});
