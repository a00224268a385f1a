/**
 * Forgetting ended alerts: a found child has a right to be forgotten, so
 * when an alert is cancelled, replaced or ends, every copy of its text and
 * photo on the device is deleted. The lifecycle deletes the alert records;
 * this module finds what else to delete (the photos) and deletes the
 * copies in Cache Storage.
 */
import type { LifecycleState } from "../lifecycle/lifecycle-state.js";
import type { CapAlert } from "../model/cap.js";

/**
 * Name of the Cache Storage cache in which a service worker of the project
 * keeps alert photos. The client deletes a photo from it when its alert
 * ends. A service worker that caches photos must use this cache, and
 * raise the version in the name when the format of its entries changes.
 */
export const PHOTO_CACHE_NAME = "child-alert-photos-v1";

/** Detail of the "forget" event: the alert keys deleted, and the photo URLs no alert in force uses any more. */
export interface ForgetDetail {
  /** Keys of the alert versions deleted. */
  keys: string[];
  /** Absolute `http:` and `https:` URLs of the resources (photos) of those alerts. */
  photoUrls: string[];
}

/** Returns the absolute `http:` and `https:` URLs of every resource of an alert, without repeats. */
export function alertResourceUrls(alert: CapAlert): string[] {
  const urls = new Set<string>();
  for (const info of alert.info) {
    for (const resource of info.resource) {
      if (resource.uri === undefined) continue;
      try {
        const url = new URL(resource.uri.trim());
        if (url.protocol === "https:" || url.protocol === "http:") {
          urls.add(url.href);
        }
      } catch {
        // A URI that is not an absolute URL was never fetched.
      }
    }
  }
  return [...urls];
}

/**
 * Lists what to forget between two states: the alerts held in `before` but
 * not in `after`, and their resource URLs that no alert of `after` uses
 * (an Update often keeps the photo of the version it replaces).
 */
export function alertsToForget(
  before: LifecycleState,
  after: LifecycleState,
): ForgetDetail {
  const keys: string[] = [];
  const urls = new Set<string>();
  for (const [key, stored] of before.alerts) {
    if (after.alerts.has(key)) continue;
    keys.push(key);
    for (const url of alertResourceUrls(stored.alert)) urls.add(url);
  }
  if (urls.size > 0) {
    for (const stored of after.alerts.values()) {
      for (const url of alertResourceUrls(stored.alert)) urls.delete(url);
    }
  }
  return { keys, photoUrls: [...urls] };
}

/**
 * Deletes `urls` from the Cache Storage cache `cacheName`, in every variant
 * (`ignoreVary`). Does nothing where there is no Cache Storage (Node, and
 * pages that are not a secure context) or no such cache, which it never
 * creates. Returns how many entries were deleted.
 */
export async function deleteFromCache(
  cacheName: string,
  urls: readonly string[],
): Promise<number> {
  if (urls.length === 0 || typeof caches === "undefined") return 0;
  if (!(await caches.has(cacheName))) return 0;
  const cache = await caches.open(cacheName);
  let deleted = 0;
  for (const url of urls) {
    if (await cache.delete(url, { ignoreVary: true })) deleted += 1;
  }
  return deleted;
}
