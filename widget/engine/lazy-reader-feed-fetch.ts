/**
 * The widget engine's stand-in for shared/shards/client/reader-feed-fetch.ts
 * (vite.config.ts substitutes it in the widget's builds). It has the same
 * API and behaviour, but loads the signature check only when a feed has a
 * key, and the feed index reader only when a response turns out to be an
 * index, so most pages download neither.
 *
 * Until a response is an index, it sniffs each response as sharded-fetch.ts
 * does. The first index response is handed over to the index reader
 * instead of being requested again.
 */
import { startsLikeIndex } from "../../shared/shards/client/starts-like-index.js";
import type {
  ReaderFeedFetch,
  ReaderFeedFetchOptions,
} from "../../shared/shards/client/reader-feed-fetch.js";
import type { ShardedFetch } from "../../shared/shards/client/sharded-fetch.js";
import { readPublicKeyText } from "../../shared/signing/feed-keys.js";
import type { FeedKeyRing } from "../../shared/signing/feed-key-ring.js";

export type {
  ReaderFeedFetch,
  ReaderFeedFetchOptions,
} from "../../shared/shards/client/reader-feed-fetch.js";

type Fetch = typeof fetch;

/** Returns a function that runs `load` once, on first call, and again on the next call after a failure. */
function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/**
 * Wraps `base` (the platform's fetch) for feed polling. Throws a TypeError
 * for a key or feed URL in `feedKeys` that cannot be read, at once, as the
 * eager version does.
 */
export function readerFeedFetch(
  base: Fetch,
  options: ReaderFeedFetchOptions,
): ReaderFeedFetch {
  const feedKeys = options.feedKeys ?? {};
  for (const [url, key] of Object.entries(feedKeys)) {
    readPublicKeyText(key);
    new URL(url);
  }
  const signed = Object.keys(feedKeys).length > 0;

  const signing = lazily(async () => {
    const { FeedKeyRing, verifyingFetch } = await import("./feed-signing.js");
    const keys = new FeedKeyRing(feedKeys);
    return { keys, fetch: verifyingFetch(base, keys) };
  });
  const verified = async (): Promise<{ keys?: FeedKeyRing; fetch: Fetch }> =>
    signed ? signing() : { fetch: base };

  /** Responses already received for index URLs, which the index reader takes instead of requesting them. */
  const handedOver = new Map<string, Response>();
  let sharded: ShardedFetch | undefined;
  const indexReader = lazily(async () => {
    const [{ shardedFetch }, inner] = await Promise.all([
      import("../../shared/shards/client/sharded-fetch.js"),
      verified(),
    ]);
    const innerWithHandOver: Fetch = (input, init) => {
      const url = requestUrl(input);
      const response = url === undefined ? undefined : handedOver.get(url);
      if (url === undefined || response === undefined) {
        return inner.fetch(input, init);
      }
      handedOver.delete(url);
      return Promise.resolve(response);
    };
    sharded = shardedFetch(innerWithHandOver, {
      reader: options.reader,
      ...(inner.keys === undefined ? {} : { keys: inner.keys }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    return sharded;
  });

  const fetchFunction: Fetch = async (input, init) => {
    if (sharded !== undefined) return sharded.fetch(input, init);
    const response = await (await verified()).fetch(input, init);
    const url = requestUrl(input);
    if (url === undefined || response.status !== 200) return response;
    if (!(await startsLikeIndex(response.clone()))) return response;
    const reader = await indexReader();
    handedOver.set(url, response);
    return reader.fetch(input, init);
  };

  return {
    fetch: fetchFunction,
    isIndex: (url) => sharded?.isIndex(url) ?? false,
  };
}

function requestUrl(input: RequestInfo | URL): string | undefined {
  if (typeof input === "string") return new URL(input).href;
  if (input instanceof URL) return input.href;
  return input.url;
}
