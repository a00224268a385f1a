/**
 * The strategy for feed requests: network first, with a short timeout,
 * falling back to the cached response.
 *
 * A feed request that carries validators (`If-None-Match`,
 * `If-Modified-Since`) comes from a client that has its own copy of the
 * feed in IndexedDB. Such a request is never answered from the cache. The
 * client gets the network's answer or the network's failure, so it keeps
 * its own alerts and its staleness rule (three failed intervals) still
 * works. Only a client with no copy (a first visit, or alerts kept in
 * memory) gets the cached response when the network fails or is slow.
 */
import { ExpirationPlugin } from "workbox-expiration";
import { NetworkFirst } from "workbox-strategies";
import type { WorkboxPlugin } from "workbox-core/types.js";
import type { AlertCacheState } from "./alert-cache-state.js";
import {
  FEED_CACHE_NAME,
  FEED_MAX_AGE_SECONDS,
  FEED_MAX_ENTRIES,
  FEED_NETWORK_TIMEOUT_SECONDS,
} from "./cache-names.js";

const VALIDATORS = ["If-None-Match", "If-Modified-Since"] as const;

function isConditional(request: Request): boolean {
  return VALIDATORS.some((name) => request.headers.has(name));
}

/**
 * Tells whether a conditional request's validators name the cached
 * response, so that a 304 from the network leaves the cache current.
 */
function validatorsMatch(request: Request, cached: Response): boolean {
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch !== null) {
    const etag = cached.headers.get("ETag");
    return (
      etag !== null && ifNoneMatch.split(",").some((tag) => tag.trim() === etag)
    );
  }
  const ifModifiedSince = request.headers.get("If-Modified-Since");
  return (
    ifModifiedSince !== null &&
    cached.headers.get("Last-Modified") === ifModifiedSince
  );
}

/**
 * Returns a copy of a cached response with an `Age` header, as an HTTP
 * cache must send: the client checks the reader's clock against `Date`
 * plus `Age`, and an old `Date` alone would look like a wrong clock.
 */
function withAge(cached: Response): Response {
  const date = Date.parse(cached.headers.get("Date") ?? "");
  if (Number.isNaN(date)) return cached;
  const headers = new Headers(cached.headers);
  headers.set(
    "Age",
    String(Math.max(0, Math.floor((Date.now() - date) / 1000))),
  );
  return new Response(cached.body, {
    status: cached.status,
    statusText: cached.statusText,
    headers,
  });
}

/** Builds the feed strategy; it records every readable feed response in `state`. */
export function feedStrategy(state: AlertCacheState): NetworkFirst {
  const readable = new Map<string, boolean>();
  const feedPlugin: WorkboxPlugin = {
    // When the cache does not hold the version the client has, the request
    // is made unconditional, so the network sends the body and the cache
    // gets it.
    requestWillFetch: async ({ request }) => {
      if (!isConditional(request)) return request;
      const cache = await caches.open(FEED_CACHE_NAME);
      const cached = await cache.match(request.url, { ignoreVary: true });
      if (cached !== undefined && validatorsMatch(request, cached)) {
        return request;
      }
      const headers = new Headers(request.headers);
      for (const name of VALIDATORS) headers.delete(name);
      return new Request(request, { headers });
    },
    // The body is read before the page gets it, so the photos it links
    // are known before the page requests them.
    fetchDidSucceed: async ({ request, response }) => {
      if (response.status !== 200) return response;
      const body = new Uint8Array(await response.clone().arrayBuffer());
      const content = state.recordResponse(
        request.url,
        body,
        response.url || request.url,
      );
      readable.set(request.url, content.readable);
      return response;
    },
    // A broken body (an HTML error page, a truncated feed) never replaces
    // the last good copy.
    cacheWillUpdate: async ({ request, response }) => {
      if (response.status !== 200) return null;
      return readable.get(request.url) === false ? null : response;
    },
    cachedResponseWillBeUsed: async ({ request, cachedResponse }) => {
      if (cachedResponse === undefined || isConditional(request)) return null;
      return withAge(cachedResponse);
    },
  };
  return new NetworkFirst({
    cacheName: FEED_CACHE_NAME,
    networkTimeoutSeconds: FEED_NETWORK_TIMEOUT_SECONDS,
    matchOptions: { ignoreVary: true },
    plugins: [
      feedPlugin,
      new ExpirationPlugin({
        maxAgeSeconds: FEED_MAX_AGE_SECONDS,
        maxEntries: FEED_MAX_ENTRIES,
      }),
      // Pruning runs after the expiration plugin has recorded the response
      // it cached, so it can delete that record when it deletes the
      // response (a linked document whose alerts all ended).
      {
        cacheDidUpdate: async () => {
          await state.prune();
        },
      },
    ],
  });
}
