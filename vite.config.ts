import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Everything (DuckDB wasm + worker, maplibre worker, analysis workers, the default data) is
// bundled: the app makes no request beyond its own origin.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // The analysis worker's dependencies, pre-bundled up front so the dev server does not reload mid-load.
  optimizeDeps: { include: ['@turf/turf', 'fflate', 'flatbush', 'pbf', 'apache-arrow'] },
  // bundlerTimings off: Rolldown's per-plugin timing report is noise in `npm start` and CI logs.
  build: { target: 'es2022', chunkSizeWarningLimit: 4000, assetsInlineLimit: 0, rolldownOptions: { checks: { bundlerTimings: false } } },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
});
