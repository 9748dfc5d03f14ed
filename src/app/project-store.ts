import { validateProject, type Project } from './project-file.ts';

/**
 * The autosaved project in IndexedDB: one object store `kv`. Each save writes the whole project
 * under a new key (`project:<n>`), then, in a second transaction, points `current` at it and
 * deletes the previous version. A crash or quota error during the first write leaves `current`
 * pointing at the previous, complete version; the pointer swap is one small atomic transaction.
 */
const DB_NAME = 'lifecircle';
const STORE = 'kv';
const POINTER = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

function tx<T>(db: IDBDatabase, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const t = db.transaction(STORE, mode);
    const req = fn(t.objectStore(STORE));
    t.oncomplete = () => resolve(req ? req.result : undefined);
    t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
    t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** True for the browser's out-of-space errors (the UI offers exporting to a file instead). */
export const isQuotaError = (e: unknown) => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');

export async function saveProject(p: Project): Promise<void> {
  const db = await open();
  try {
    const previous = (await tx<string>(db, 'readonly', (s) => s.get(POINTER) as IDBRequest<string>)) ?? null;
    const key = `project:${Date.now()}`;
    await tx(db, 'readwrite', (s) => s.put(p, key));
    await tx(db, 'readwrite', (s) => {
      s.put(key, POINTER);
      if (previous && previous !== key) s.delete(previous);
    });
  } finally {
    db.close();
  }
}

/** The saved project, validated; null when none. Throws when storage holds something unreadable. */
export async function loadProject(): Promise<Project | null> {
  const db = await open();
  try {
    const key = await tx<string>(db, 'readonly', (s) => s.get(POINTER) as IDBRequest<string>);
    if (!key) return null;
    const p = await tx<Record<string, unknown>>(db, 'readonly', (s) => s.get(key) as IDBRequest<Record<string, unknown>>);
    return p ? validateProject(p) : null;
  } finally {
    db.close();
  }
}

/** Forgets the saved project (reset to the default area). */
export async function clearProject(): Promise<void> {
  const db = await open();
  try {
    await tx(db, 'readwrite', (s) => s.clear());
  } finally {
    db.close();
  }
}
