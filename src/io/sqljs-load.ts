import type { SqlJsStatic } from 'sql.js';

let loaded: Promise<SqlJsStatic> | undefined;

/**
 * SQLite (sql.js, compiled to wasm) for reading GeoPackages, loaded on first use only, so the
 * 0.7 MB wasm is fetched only when a .gpkg file is actually read. Once per thread (later calls
 * share the runtime).
 *
 * Why one env-neutral file rather than a loader injected per entry point (as HiGHS is): layers
 * are read through readAnyLayer on the page, in the analysis worker and in the CLI. In Node
 * sql.js finds node_modules/sql.js/dist/sql-wasm.wasm by itself; in a browser bundle Vite emits
 * the wasm as an asset and `?url` gives its hashed URL (no CDN). The `?url` import sits in the
 * browser branch only, so Node (tsx) never evaluates it.
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loaded ??= (async () => {
    const initSqlJs = (await import('sql.js')).default;
    const isNode = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
    if (isNode) return initSqlJs();
    const wasmUrl = (await import('sql.js/dist/sql-wasm-browser.wasm?url')).default;
    return initSqlJs({ locateFile: () => wasmUrl });
  })().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
