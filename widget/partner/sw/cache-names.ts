/** Cache Storage names and limits of the partner service worker. */
export { PHOTO_CACHE_NAME } from "../../../shared/client/forget-alerts.js";

/** The cache of feed responses, one entry per feed URL. */
export const FEED_CACHE_NAME = "child-alert-feeds-v1";

/**
 * How long a feed request may wait for the network before an unconditional
 * request is answered from the cache: 4 s, so a page on a bad connection
 * shows the cached alerts quickly. The network response still updates the
 * cache when it arrives.
 */
export const FEED_NETWORK_TIMEOUT_SECONDS = 4;

/**
 * Maximum age of a cached feed response: 7 days. Alerts that need a longer
 * life are re-published; an older copy is deleted instead of being shown.
 */
export const FEED_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** Maximum number of cached feed responses (feeds, shards, linked documents and signatures). */
export const FEED_MAX_ENTRIES = 200;

/**
 * Maximum number of cached photos. The photos stored longest ago are
 * deleted first, and a photo shown while online is stored again by its
 * background refresh.
 */
export const PHOTO_MAX_ENTRIES = 100;
