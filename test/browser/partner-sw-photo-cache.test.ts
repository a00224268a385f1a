/**
 * The partner service worker's photo cache keeps no record of a photo URL
 * outside Cache Storage: its bound by number of entries reads the cache
 * itself, and the records that workbox-expiration kept for it in earlier
 * versions are deleted. Runs on a page, with the real Cache Storage and
 * IndexedDB.
 */
import { expect } from "chai";
import { PHOTO_CACHE_NAME } from "../../shared/client/forget-alerts.js";
import { FEED_CACHE_NAME } from "../../widget/partner/sw/cache-names.js";
import { deleteOldestEntries } from "../../widget/partner/sw/delete-oldest-entries.js";
import { deleteOldPhotoExpirationRecords } from "../../widget/partner/sw/old-photo-expiration-records.js";
import {
  deleteRaw,
  openRaw,
  putRecords,
  requestResult,
} from "../helpers/raw-indexeddb.js";

const EXPIRATION_DATABASE = "workbox-expiration";

describe("partner worker photo cache bound", () => {
  const cacheName = `test-photo-bound-${crypto.randomUUID()}`;
  const url = (name: string) =>
    new URL(`/photos/${name}.png`, location.href).href;

  afterEach(async () => {
    await caches.delete(cacheName);
  });

  async function cachedUrls(cache: Cache): Promise<string[]> {
    return (await cache.keys()).map((request) => request.url);
  }

  it("deletes the entries stored longest ago", async () => {
    const cache = await caches.open(cacheName);
    for (const name of ["a", "b", "c"]) {
      await cache.put(url(name), new Response(name));
    }
    // Storing "a" again makes it the newest entry.
    await cache.put(url("a"), new Response("a, refreshed"));

    expect(await deleteOldestEntries(cache, 2)).to.equal(1);
    expect(await cachedUrls(cache)).to.deep.equal([url("c"), url("a")]);
  });

  it("keeps a cache within the bound", async () => {
    const cache = await caches.open(cacheName);
    for (const name of ["a", "b", "c"]) {
      await cache.put(url(name), new Response(name));
    }

    expect(await deleteOldestEntries(cache, 5)).to.equal(0);
    expect(await deleteOldestEntries(cache, 3)).to.equal(0);
    expect(await cachedUrls(cache)).to.deep.equal([
      url("a"),
      url("b"),
      url("c"),
    ]);
  });
});

describe("partner worker old expiration records", () => {
  const photo = "https://photos.example.org/case-0001.png";
  const feed = "https://feeds.example.org/alerts.atom";

  /** Builds a record as workbox-expiration 7.4.1 writes it (`models/CacheTimestampsModel.js`). */
  function expirationRecord(cacheName: string, url: string) {
    return { url, timestamp: 1, cacheName, id: `${cacheName}|${url}` };
  }

  /** Creates the database and its store as workbox-expiration 7.4.1 does. */
  function openExpirationDatabase(): Promise<IDBDatabase> {
    return openRaw(EXPIRATION_DATABASE, 1, (database) => {
      const store = database.createObjectStore("cache-entries", {
        keyPath: "id",
      });
      store.createIndex("cacheName", "cacheName", { unique: false });
      store.createIndex("timestamp", "timestamp", { unique: false });
    });
  }

  beforeEach(async () => {
    await deleteRaw(EXPIRATION_DATABASE);
  });

  after(async () => {
    await deleteRaw(EXPIRATION_DATABASE);
  });

  it("deletes the photo cache's records only", async () => {
    // workbox-expiration keeps its connection open while the worker runs.
    const database = await openExpirationDatabase();
    try {
      await putRecords(database, {
        "cache-entries": [
          expirationRecord(PHOTO_CACHE_NAME, photo),
          expirationRecord(`${PHOTO_CACHE_NAME}-old`, photo),
          expirationRecord(FEED_CACHE_NAME, feed),
        ],
      });

      expect(await deleteOldPhotoExpirationRecords()).to.equal(true);

      const records = await requestResult(
        database
          .transaction("cache-entries")
          .objectStore("cache-entries")
          .getAll(),
      );
      expect(records).to.deep.equal([
        expirationRecord(FEED_CACHE_NAME, feed),
        expirationRecord(`${PHOTO_CACHE_NAME}-old`, photo),
      ]);
    } finally {
      database.close();
    }
  });

  it("creates no database when there is none", async () => {
    expect(await deleteOldPhotoExpirationRecords()).to.equal(false);

    let oldVersion: number | undefined;
    const database = await openRaw(EXPIRATION_DATABASE, 1, (_, version) => {
      oldVersion = version;
    });
    database.close();
    expect(oldVersion).to.equal(0);
  });
});
