import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The built app's Content-Security-Policy, as a <meta> first in <head> (build only: the dev server
 * injects inline scripts for HMR). Why each directive: README "Robustness and security".
 * Workers loaded from a same-origin URL (analysis, DuckDB) do not inherit it; blob: documents and
 * workers (the printable report, maplibre's worker) do.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'lifecircle-csp',
  apply: 'build',
  // Right after <meta charset>, before any script or stylesheet it governs.
  transformIndexHtml: (html) => html.replace(/(<meta charset[^>]*>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
});

// Everything (DuckDB wasm + worker, maplibre worker, analysis workers, the default data) is
// bundled: the app makes no request beyond its own origin.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  // The analysis worker's dependencies, pre-bundled up front so the dev server does not reload mid-load.
  optimizeDeps: { include: ['@turf/turf', 'fflate', 'flatbush', 'pbf', 'apache-arrow'] },
  // bundlerTimings off: Rolldown's per-plugin timing report is noise in `npm start` and CI logs.
  build: { target: 'es2022', chunkSizeWarningLimit: 4000, assetsInlineLimit: 0, rolldownOptions: { checks: { bundlerTimings: false } } },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
});
