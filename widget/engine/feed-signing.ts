/**
 * The signature check of feeds with a publisher's key, as one chunk of the
 * alert engine: lazy-reader-feed-fetch.ts loads it only when the element
 * has a `key`.
 */
export { verifyingFetch } from "../../shared/signing/client/verifying-fetch.js";
export { FeedKeyRing } from "../../shared/signing/feed-key-ring.js";
