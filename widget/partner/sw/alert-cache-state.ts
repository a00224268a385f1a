/**
 * The partner service worker's view of its caches: the feed responses it
 * holds, the photos of the alerts in force in them, and the pruning. It
 * deletes every other photo from the photo cache, and from the feed cache
 * every linked CAP document whose alerts all ended.
 *
 * Pages delete an ended alert's photo themselves (the client's `forget`),
 * but only a page whose client saw the alert end can. Pruning here also
 * covers the photos that no open page has seen end: those cached before a
 * page's store was cleared, or by a client that kept alerts in memory.
 * Only the worker deletes linked documents.
 */
import { FEED_CACHE_NAME, PHOTO_CACHE_NAME } from "./cache-names.js";
import { deleteExpirationRecords } from "./expiration-records.js";
import {
  FeedRegistry,
  readFeedContent,
  type FeedContent,
} from "./feed-registry.js";

export class AlertCacheState {
  readonly registry: FeedRegistry;
  /** Settles once the cached feeds were read after the worker started. */
  readonly ready: Promise<void>;
  private loaded = false;
  private photos = new Set<string>();
  private pruning: Promise<number> = Promise.resolve(0);

  constructor(feeds: readonly string[]) {
    this.registry = new FeedRegistry(feeds);
    this.ready = this.load();
  }

  /** True once the cached feeds were read, so `isAlertPhoto` is final. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Tells whether a URL is a photo of an alert in force in the cached feeds. */
  isAlertPhoto(url: string): boolean {
    return this.photos.has(url);
  }

  /**
   * Reads a feed response body and records it under its request URL when
   * it can be read. Links resolve against `responseUrl`, which differs
   * after a redirect. Returns what was read.
   */
  recordResponse(
    url: string,
    body: Uint8Array,
    responseUrl = url,
  ): FeedContent {
    const content = readFeedContent(responseUrl, body);
    if (content.readable) {
      this.registry.record(url, content);
      this.photos = this.registry.inForce(Date.now()).photos;
    }
    return content;
  }

  /**
   * Deletes from the photo cache every photo that no alert in force in the
   * cached feeds uses, and returns how many were deleted. Also deletes each
   * linked CAP document whose alerts all ended, and its signature, from the
   * feed cache and from workbox-expiration's records. Runs one at a time.
   */
  prune(): Promise<number> {
    this.pruning = this.pruning.catch(() => 0).then(() => this.pruneNow());
    return this.pruning;
  }

  private async pruneNow(): Promise<number> {
    await this.ready;
    const feedCache = await caches.open(FEED_CACHE_NAME);
    const cachedRequests = await feedCache.keys();
    const cachedFeeds = new Set(cachedRequests.map((request) => request.url));
    // The expiration plugin deletes old feed responses on its own.
    for (const url of this.registry.recordedUrls()) {
      if (!cachedFeeds.has(url)) this.registry.remove(url);
    }
    // A response is recorded before it is cached, so the loop above can
    // remove it while its put is pending. Such a response is read back
    // from the cache here, so every cached response is judged.
    for (const request of cachedRequests) {
      if (!this.registry.has(request.url)) {
        await this.recordCached(feedCache, request);
      }
    }
    // NOTE: end times are judged by this device's clock, which the worker
    // does not correct as the page's client does with the servers' Date.
    const inForce = this.registry.inForce(Date.now());
    this.photos = inForce.photos;
    await this.deleteDocuments(feedCache, inForce.endedDocuments);
    if (!(await caches.has(PHOTO_CACHE_NAME))) return 0;
    const photoCache = await caches.open(PHOTO_CACHE_NAME);
    let deleted = 0;
    for (const request of await photoCache.keys()) {
      if (this.photos.has(request.url)) continue;
      if (await photoCache.delete(request, { ignoreVary: true })) deleted += 1;
    }
    return deleted;
  }

  /**
   * Deletes ended linked documents, with their `.sig` signatures, from the
   * registry, the feed cache and workbox-expiration's records. A copy
   * cached again later is read back and judged by the next pruning.
   */
  private async deleteDocuments(
    feedCache: Cache,
    documents: readonly string[],
  ): Promise<void> {
    if (documents.length === 0) return;
    const urls = documents.flatMap((url) => [url, `${url}.sig`]);
    for (const url of urls) this.registry.remove(url);
    for (const url of urls) await feedCache.delete(url, { ignoreVary: true });
    try {
      await deleteExpirationRecords(FEED_CACHE_NAME, urls);
    } catch (error) {
      console.warn(
        `child-alert service worker: deleting the workbox-expiration records of ended documents failed: ${String(error)}`,
      );
    }
  }

  /** Reads every cached feed response into the registry. */
  private async load(): Promise<void> {
    try {
      const cache = await caches.open(FEED_CACHE_NAME);
      for (const request of await cache.keys()) {
        await this.recordCached(cache, request);
      }
      this.photos = this.registry.inForce(Date.now()).photos;
    } catch (error) {
      console.warn(
        `child-alert service worker: reading the cached feeds failed: ${String(error)}`,
      );
    } finally {
      this.loaded = true;
    }
  }

  /**
   * Reads one cached feed response into the registry, unless a response
   * of the same URL was recorded while the body was read.
   */
  private async recordCached(cache: Cache, request: Request): Promise<void> {
    const response = await cache.match(request, { ignoreVary: true });
    if (response === undefined) return;
    const body = new Uint8Array(await response.arrayBuffer());
    const content = readFeedContent(response.url || request.url, body);
    if (content.readable && !this.registry.has(request.url)) {
      this.registry.record(request.url, content);
    }
  }
}
