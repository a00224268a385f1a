/**
 * The raw IndexedDB API, without the `idb` wrapper, for browser tests that
 * must build or inspect a database independently of the store under test.
 */

/** Wraps an IDBRequest in a promise. */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Opens a database at `version`, running `upgrade` if it is created or
 * older. Rejects when the open is blocked, so a test never waits for it.
 */
export function openRaw(
  name: string,
  version: number,
  upgrade: (database: IDBDatabase, oldVersion: number) => void = () => {},
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = (event) =>
      upgrade(request.result, event.oldVersion);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () =>
      reject(new Error(`Opening ${name} at version ${version} was blocked.`));
  });
}

/** Writes records into object stores of an open database, in one transaction. */
export async function putRecords(
  database: IDBDatabase,
  records: Record<string, unknown[]>,
): Promise<void> {
  const transaction = database.transaction(Object.keys(records), "readwrite");
  for (const [storeName, values] of Object.entries(records)) {
    const store = transaction.objectStore(storeName);
    for (const value of values) store.put(value);
  }
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/** A database's content: every record of every object store, by store name. */
export interface DatabaseDump {
  version: number;
  stores: Record<string, { indexes: string[]; records: unknown[] }>;
}

/** Reads every record of every object store of a database, as it is. */
export async function dumpDatabase(name: string): Promise<DatabaseDump> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const dump: DatabaseDump = { version: database.version, stores: {} };
    const names = [...database.objectStoreNames];
    if (names.length === 0) return dump;
    const transaction = database.transaction(names, "readonly");
    for (const storeName of names) {
      const store = transaction.objectStore(storeName);
      dump.stores[storeName] = {
        indexes: [...store.indexNames],
        records: await requestResult(store.getAll()),
      };
    }
    return dump;
  } finally {
    database.close();
  }
}

/** Deletes a database, waiting for other connections to close first. */
export function deleteRaw(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
