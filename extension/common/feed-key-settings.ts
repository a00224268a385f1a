/**
 * Publishers' public keys in the settings: which feeds the client checks
 * against a detached Ed25519 signature (`URL.sig`, see
 * shared/signing/sign-feed.ts). The person pastes a key in the options
 * page; a built-in feed may carry one in known-feeds.ts.
 *
 * No browser API is used here, so the checks run in Node tests as well.
 */
import { FeedSignatureError } from "../../shared/signing/client/verifying-fetch.js";
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
 * Returns the stored keys of the chosen feeds, keyed by the normalised URL
 * of a feed in `feeds`, each trimmed. A key that `readPublicKeyText` cannot
 * read is kept, with a warning, so that its feed is rejected rather than
 * read unchecked (see `clientFeedKeys`). An empty key means none. Entries
 * for feeds not in `feeds` are dropped with a warning, because a key for a
 * feed not polled does nothing.
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
    } else {
      // A JWK stored as an object is read as its JSON text.
      const text = typeof key === "string" ? key.trim() : JSON.stringify(key);
      if (text === "") continue;
      if (!isPublicKeyText(text)) {
        console.warn(
          `Child Alert: the public key for ${url} is invalid, so that feed is not read until the key is fixed in the options: expected the base64 of a 32-byte Ed25519 public key or an Ed25519 JWK.`,
        );
      }
      keys[url] = text;
    }
  }
  return keys;
}

/** The keys the client checks feeds with, and the feeds whose key is invalid. */
export interface ClientFeedKeys {
  /** Feed URL to a key that `readPublicKeyText` reads. */
  keys: Record<string, string>;
  /** Feeds whose key cannot be read: they are rejected, never read unchecked. */
  invalid: string[];
}

/**
 * Returns the keys the client checks `feeds` with: the person's keys, and
 * the key of each built-in feed that carries one. A built-in key replaces
 * the person's key for the same feed, because it ships with the extension
 * and the options page shows it read-only. A feed whose key cannot be read
 * is listed in `invalid` instead, because `AlertClient` throws for such a
 * key and reading the feed unchecked would ignore the person's setting.
 */
export function clientFeedKeys(
  feeds: readonly string[],
  personKeys: Readonly<Record<string, string>>,
  knownFeeds: readonly KnownFeed[] = KNOWN_FEEDS,
): ClientFeedKeys {
  const keys: Record<string, string> = {};
  const invalid: string[] = [];
  for (const feed of feeds) {
    const builtIn = knownFeeds.find((known) => known.url === feed)?.publicKey;
    const key = builtIn ?? personKeys[feed];
    if (key === undefined) continue;
    if (isPublicKeyText(key)) keys[feed] = key;
    else invalid.push(feed);
  }
  return { keys, invalid };
}

/**
 * Wraps `base` so that a request for one of `rejected` fails with a
 * `FeedSignatureError`, the error of a feed whose signature does not
 * verify. The client then keeps that feed's last alerts and reports the
 * failure as a signature failure, as for any feed that cannot be checked.
 */
export function rejectingFetch(
  rejected: readonly string[],
  base: typeof fetch,
): typeof fetch {
  if (rejected.length === 0) return base;
  const urls = new Set(rejected);
  return (input, init) => {
    const url =
      typeof input === "string"
        ? input
        : input instanceof URL
          ? input.href
          : input.url;
    if (urls.has(url)) {
      return Promise.reject(
        new FeedSignatureError(
          `The public key for ${url} in the settings is invalid, so the feed was not read. Correct or remove the key in the options.`,
        ),
      );
    }
    return base(input, init);
  };
}
