/**
 * The partner service worker's view of its caches: the feed responses it
 * holds, the photos of the alerts in force in them, and the pruning that
 * deletes every other photo from the photo cache.
 *
 * Pages delete an ended alert's photo themselves (the client's `forget`),
 * but only a page whose client saw the alert end can. Pruning here also
 * covers the photos that no open page has seen end: those cached before a
 * page's store was cleared, or by a client that kept alerts in memory.
 */
import { FEED_CACHE_NAME, PHOTO_CACHE_NAME } from "./cache-names.js";
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
      this.photos = this.registry.photosInForce(Date.now());
    }
    return content;
  }

  /**
   * Deletes from the photo cache every photo that no alert in force in the
   * cached feeds uses, and returns how many were deleted. Runs one at a
   * time.
   */
  prune(): Promise<number> {
    this.pruning = this.pruning.catch(() => 0).then(() => this.pruneNow());
    return this.pruning;
  }

  private async pruneNow(): Promise<number> {
    await this.ready;
    const feedCache = await caches.open(FEED_CACHE_NAME);
    const cachedFeeds = new Set(
      (await feedCache.keys()).map((request) => request.url),
    );
    // The expiration plugin deletes old feed responses on its own.
    // NOTE: a cached CAP document that a feed linked therefore keeps an
    // ended alert's text and photo URL until the plugin deletes it, 7 days
    // after its last use or once more than 200 responses are cached (see
    // docs/partner.md).
    for (const url of this.registry.recordedUrls()) {
      if (!cachedFeeds.has(url)) this.registry.remove(url);
    }
    // NOTE: end times are judged by this device's clock, which the worker
    // does not correct as the page's client does with the servers' Date.
    this.photos = this.registry.photosInForce(Date.now());
    if (!(await caches.has(PHOTO_CACHE_NAME))) return 0;
    const photoCache = await caches.open(PHOTO_CACHE_NAME);
    let deleted = 0;
    for (const request of await photoCache.keys()) {
      if (this.photos.has(request.url)) continue;
      if (await photoCache.delete(request, { ignoreVary: true })) deleted += 1;
    }
    return deleted;
  }

  /** Reads every cached feed response into the registry. */
  private async load(): Promise<void> {
    try {
      const cache = await caches.open(FEED_CACHE_NAME);
      for (const request of await cache.keys()) {
        const response = await cache.match(request, { ignoreVary: true });
        if (response === undefined) continue;
        const body = new Uint8Array(await response.arrayBuffer());
        const content = readFeedContent(response.url || request.url, body);
        if (content.readable) this.registry.record(request.url, content);
      }
      this.photos = this.registry.photosInForce(Date.now());
    } catch (error) {
      console.warn(
        `child-alert service worker: reading the cached feeds failed: ${String(error)}`,
      );
    } finally {
      this.loaded = true;
    }
  }
}
