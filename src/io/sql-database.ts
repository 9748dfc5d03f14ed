/**
 * The few things the app and CLI need from DuckDB-WASM. The browser wraps AsyncDuckDB
 * (duckdb-browser.ts), Node wraps the blocking build (duckdb-node.ts); the SQL is shared.
 */
export interface SqlDatabase {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Creates (or replaces) `table` from Arrow IPC stream bytes. */
  insertArrowIpc(table: string, ipc: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * Rows of an Arrow result as plain objects. Read structurally (toArray / get), never with
 * instanceof: Node loads a different apache-arrow copy than duckdb-wasm (dual-package hazard).
 */
export function arrowRows<T>(result: { toArray(): { toJSON?: () => unknown }[] }): T[] {
  return result.toArray().map((r) => (r.toJSON ? r.toJSON() : r) as T);
}
