import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { arrowRows, type SqlDatabase } from './sql-database.ts';

/**
 * DuckDB-WASM in the browser, its wasm and worker bundled by Vite (no CDN). DuckDB runs in its
 * own worker, so queries never block the map. Extension autoloading is off: there is no network.
 */
export async function openBrowserDuckDb(): Promise<SqlDatabase & { version: string }> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  await conn.query('SET autoload_known_extensions=false; SET autoinstall_known_extensions=false');
  const version = await db.getVersion();
  return {
    version,
    async query<T>(sql: string) {
      return arrowRows<T>((await conn.query(sql)) as never);
    },
    async insertArrowIpc(table: string, ipc: Uint8Array) {
      await conn.query(`DROP TABLE IF EXISTS ${table}`);
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async close() {
      await conn.close();
      await db.terminate();
    },
  };
}
