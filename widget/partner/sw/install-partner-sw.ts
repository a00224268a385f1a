/**
 * Sets up the partner service worker: the widget's files precached, feeds
 * network first, alert photos in the photo cache, and a new version taken
 * into use at once.
 *
 * A new build of the widget changes the revisions in the precache list, so
 * the worker script's bytes change and the browser installs the new worker
 * on its next update check (at the latest on the next navigation). The
 * worker skips waiting and claims the open pages, and partner.js tells the
 * page through the `child-alert-update` event.
 */
import { setCacheNameDetails } from "workbox-core";
import {
  cleanupOutdatedCaches,
  precacheAndRoute,
  type PrecacheEntry,
} from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { AlertCacheState } from "./alert-cache-state.js";
import { feedStrategy } from "./feed-strategy.js";
import { deleteOldPhotoExpirationRecords } from "./old-photo-expiration-records.js";
import { photoStrategy } from "./photo-strategy.js";
import { serviceWorkerScope } from "./service-worker-scope.js";
import type { ServiceWorkerConfig } from "./sw-config.js";

/** A file to precache: its path relative to a base URL, and a hash of its content. */
export interface PrecacheFile {
  url: string;
  revision: string;
}

/** Resolves precache files listed relative to `base`, for `installPartnerServiceWorker`. */
export function precacheEntries(
  files: readonly PrecacheFile[],
  base: string,
): PrecacheEntry[] {
  return files.map((file) => ({
    url: new URL(file.url, base).href,
    revision: file.revision,
  }));
}

export function installPartnerServiceWorker(options: {
  config: ServiceWorkerConfig;
  precache: PrecacheEntry[];
}): AlertCacheState {
  const scope = serviceWorkerScope();
  setCacheNameDetails({ prefix: "child-alert" });
  precacheAndRoute(options.precache);
  cleanupOutdatedCaches();

  const state = new AlertCacheState(options.config.feeds);
  registerRoute(
    ({ request, url }) =>
      request.destination === "" && state.registry.isFeed(url.href),
    feedStrategy(state),
  );
  registerRoute(
    ({ request, url }) =>
      request.destination === "image" &&
      (!state.isLoaded || state.isAlertPhoto(url.href)),
    photoStrategy(state),
  );

  scope.addEventListener("install", () => {
    void scope.skipWaiting();
  });
  scope.addEventListener("activate", (event) => {
    event.waitUntil(
      Promise.all([
        scope.clients.claim(),
        state.prune(),
        deleteOldPhotoExpirationRecords().catch((error: unknown) => {
          console.warn(
            `child-alert service worker: deleting the old photo records of workbox-expiration failed: ${String(error)}`,
          );
        }),
      ]),
    );
  });
  // The worker starts for any request of its pages, so this also runs when
  // no page with the banner was open while an alert ended.
  void state.prune();
  return state;
}
