/**
 * Publishers' public keys in the settings: which feeds the client checks
 * against a detached Ed25519 signature (`URL.sig`, see
 * shared/signing/sign-feed.ts). The person pastes a key in the options
 * page; a built-in feed may carry one in known-feeds.ts.
 *
 * No browser API is used here, so the checks run in Node tests as well.
 */
import { readPublicKeyText } from "../../shared/signing/feed-keys.js";
import { safeWebUrl } from "../../shared/view/safe-url.js";
import { KNOWN_FEEDS, type KnownFeed } from "./known-feeds.js";

/** Tells whether `text` is a public key in a form the client reads: base64 of 32 raw bytes, or an Ed25519 JWK. */
export function isPublicKeyText(text: string): boolean {
  try {
    readPublicKeyText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the stored keys that can be used: keyed by the normalised URL of
 * a feed in `feeds`, each a trimmed key that `readPublicKeyText` reads.
 * Other entries are dropped with a warning, because `AlertClient` throws
 * for a key it cannot read and a key for a feed not polled does nothing.
 */
export function normalizeFeedKeys(
  value: unknown,
  feeds: readonly string[],
): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {};
  }
  const keys: Record<string, string> = {};
  for (const [feed, key] of Object.entries(value)) {
    const url = safeWebUrl(feed);
    if (url === undefined || !feeds.includes(url)) {
      console.warn(
        `Child Alert: the public key for ${JSON.stringify(feed)} is ignored, because that feed is not among the chosen feeds.`,
      );
    } else if (typeof key !== "string" || !isPublicKeyText(key)) {
      console.warn(
        `Child Alert: the public key for ${url} is ignored, because it is invalid: expected the base64 of a 32-byte Ed25519 public key or an Ed25519 JWK.`,
      );
    } else {
      keys[url] = key.trim();
    }
  }
  return keys;
}

/**
 * Returns the keys the client checks `feeds` with: the person's keys, and
 * the key of each built-in feed that carries one. A built-in key replaces
 * the person's key for the same feed, because it ships with the extension
 * and the options page shows it read-only.
 */
export function clientFeedKeys(
  feeds: readonly string[],
  personKeys: Readonly<Record<string, string>>,
  knownFeeds: readonly KnownFeed[] = KNOWN_FEEDS,
): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const feed of feeds) {
    const builtIn = knownFeeds.find((known) => known.url === feed)?.publicKey;
    const key = builtIn ?? personKeys[feed];
    if (key !== undefined) keys[feed] = key;
  }
  return keys;
}
