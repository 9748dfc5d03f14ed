import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { arrowRows, type SqlDatabase } from './sql-database.ts';

/**
 * DuckDB-WASM in Node through its blocking build (the async Node entry cannot drive a
 * worker_threads Worker). Extension autoloading is switched off first: offline, a query that
 * triggers it would hang on a DNS lookup.
 */
export async function openNodeDuckDb(): Promise<SqlDatabase> {
  const dist = path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm'));
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: `${dist}/duckdb-node-mvp.worker.cjs` },
      eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: `${dist}/duckdb-node-eh.worker.cjs` },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  conn.query('SET autoload_known_extensions=false; SET autoinstall_known_extensions=false');
  return {
    async query<T>(sql: string) {
      return arrowRows<T>(conn.query(sql) as never);
    },
    async insertArrowIpc(table: string, ipc: Uint8Array) {
      conn.query(`DROP TABLE IF EXISTS ${table}`);
      conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async close() {
      conn.close();
    },
  };
}
