/**
 * The IndexedDB database in which workbox-expiration keeps one record (URL
 * and time) per cached response of a cache it bounds. The names and the key
 * format are those of workbox-expiration 7.4.1
 * (`models/CacheTimestampsModel.js`): database `workbox-expiration`, store
 * `cache-entries`, key `${cacheName}|${url}` with the URL's fragment removed.
 */

export const EXPIRATION_DATABASE = "workbox-expiration";
export const EXPIRATION_STORE = "cache-entries";

/**
 * Deletes the records of `urls` in the cache `cacheName`, so that a URL
 * deleted from the cache is not kept in the database either. Does nothing
 * when there is no such database, which it never creates.
 */
export async function deleteExpirationRecords(
  cacheName: string,
  urls: readonly string[],
): Promise<void> {
  if (urls.length === 0) return;
  const database = await openExistingDatabase(EXPIRATION_DATABASE);
  if (database === undefined) return;
  try {
    if (!database.objectStoreNames.contains(EXPIRATION_STORE)) return;
    const transaction = database.transaction(EXPIRATION_STORE, "readwrite");
    const store = transaction.objectStore(EXPIRATION_STORE);
    for (const url of urls) {
      const normalized = new URL(url);
      normalized.hash = "";
      store.delete(`${cacheName}|${normalized.href}`);
    }
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    database.close();
  }
}

/**
 * Opens a database at its current version, or returns undefined when it
 * does not exist. The version change that would create it is aborted, so
 * workbox-expiration still creates its store when it first opens it.
 */
export function openExistingDatabase(
  name: string,
): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    let created = false;
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      if (created) resolve(undefined);
      else reject(request.error);
    };
  });
}
