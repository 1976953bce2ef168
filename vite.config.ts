import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiOrigin = 'http://localhost:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Maps are written for whoever reads a stack trace on the server, never referenced by the bundles
    // nor served (app.ts refuses .map files): they would publish the source to every visitor.
    sourcemap: 'hidden',
    // The API server sends a strict Content-Security-Policy: no inline scripts, so nothing may be inlined.
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: apiOrigin,
        changeOrigin: true,
        // The API refuses state-changing requests from a foreign Origin; in development the page comes
        // from Vite's port, so requests relayed to the local API present the API's own origin.
        configure: (proxy) => {
          proxy.on('proxyReq', (proxyRequest) => {
            if (proxyRequest.getHeader('origin')) proxyRequest.setHeader('origin', apiOrigin);
          });
        },
      },
    },
  },
});
