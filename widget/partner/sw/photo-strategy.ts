/**
 * The strategy for alert photos: answered from the photo cache
 * (`PHOTO_CACHE_NAME`, which the page's client deletes ended alerts' photos
 * from) and refreshed from the network in the background, so a photo
 * replaced at the same URL shows on the next view.
 *
 * An `<img>` requests a photo on another origin without CORS, and such an
 * opaque response can be neither read nor sized, so the worker requests it
 * with CORS instead. A photo host that sends `Access-Control-Allow-Origin`
 * gets its photos cached; from any other host the photo is fetched as the
 * page asked and not cached.
 *
 * NOTE: the end-to-end tests serve photos from the page's own origin, so
 * the CORS request for another origin's photo is not covered by them.
 */
import { Strategy, type StrategyHandler } from "workbox-strategies";
import type { AlertCacheState } from "./alert-cache-state.js";
import { PHOTO_CACHE_NAME, PHOTO_MAX_ENTRIES } from "./cache-names.js";
import { deleteOldestEntries } from "./delete-oldest-entries.js";

class PhotoStrategy extends Strategy {
  constructor(private readonly state: AlertCacheState) {
    super({
      cacheName: PHOTO_CACHE_NAME,
      matchOptions: { ignoreVary: true },
      plugins: [
        {
          // Only photos of alerts in force are stored, so a photo whose
          // alert ended while it downloaded is not cached again.
          cacheWillUpdate: async ({ request, response }) =>
            response.status === 200 && state.isAlertPhoto(request.url)
              ? response
              : null,
          // Unlike workbox-expiration, which keeps a record per URL in
          // IndexedDB, this bound reads only the cache. So a photo that the
          // page's client or pruning deletes leaves no record of its URL.
          cacheDidUpdate: async ({ cacheName }) => {
            await deleteOldestEntries(
              await caches.open(cacheName),
              PHOTO_MAX_ENTRIES,
            );
          },
        },
      ],
    });
  }

  protected override async _handle(
    request: Request,
    handler: StrategyHandler,
  ): Promise<Response> {
    await this.state.ready;
    // Before the cached feeds were read, every image was routed here.
    if (!this.state.isAlertPhoto(request.url)) return fetch(request);
    const networkRequest = corsRequest(request);
    const cached = await handler.cacheMatch(request);
    if (cached !== undefined) {
      void handler.waitUntil(
        handler.fetchAndCachePut(networkRequest).catch(() => undefined),
      );
      return cached;
    }
    try {
      return await handler.fetchAndCachePut(networkRequest);
    } catch (error) {
      // A host without CORS headers: fetch the photo as the page asked.
      if (networkRequest !== request) return fetch(request);
      throw error;
    }
  }
}

/** Returns a CORS request without credentials for an image on another origin, else the request itself. */
function corsRequest(request: Request): Request {
  if (request.mode !== "no-cors") return request;
  if (new URL(request.url).origin === self.location.origin) return request;
  return new Request(request.url, {
    mode: "cors",
    credentials: "omit",
    referrerPolicy: "no-referrer",
  });
}

export function photoStrategy(state: AlertCacheState): Strategy {
  return new PhotoStrategy(state);
}
