/**
 * Cleanup of the photo records that earlier versions of the worker left in
 * the IndexedDB database of workbox-expiration. Those versions bounded the
 * photo cache with its `ExpirationPlugin`, which keeps one record (URL and
 * time) per cached photo. A photo deleted from the cache by the page's
 * client kept its record, so the URL of an ended alert's photo stayed on
 * the device. The photo cache now keeps no record outside itself.
 *
 * The feed cache's records stay, because its `ExpirationPlugin` still uses
 * them.
 */
import { PHOTO_CACHE_NAME } from "./cache-names.js";
import {
  EXPIRATION_DATABASE,
  EXPIRATION_STORE,
  openExistingDatabase,
} from "./expiration-records.js";

/**
 * Deletes every record of the photo cache from the workbox-expiration
 * database. Returns false when there was no such database, which it never
 * creates.
 */
export async function deleteOldPhotoExpirationRecords(): Promise<boolean> {
  const database = await openExistingDatabase(EXPIRATION_DATABASE);
  if (database === undefined) return false;
  try {
    if (!database.objectStoreNames.contains(EXPIRATION_STORE)) return true;
    const transaction = database.transaction(EXPIRATION_STORE, "readwrite");
    // The range contains every key that starts with "child-alert-photos-v1|",
    // because "}" follows "|" in code unit order.
    transaction
      .objectStore(EXPIRATION_STORE)
      .delete(
        IDBKeyRange.bound(
          `${PHOTO_CACHE_NAME}|`,
          `${PHOTO_CACHE_NAME}}`,
          false,
          true,
        ),
      );
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
    return true;
  } finally {
    database.close();
  }
}
