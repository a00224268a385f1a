/**
 * The partner service worker's record of the feeds it caches: which
 * request URLs are feeds, and the alert messages of each cached feed
 * response. From the messages it derives the photos of the alerts in
 * force, which are the only photos it keeps.
 */
import { parseFeed } from "../../../shared/formats/parse-feed.js";
import { applyMessages } from "../../../shared/lifecycle/apply-messages.js";
import { emptyLifecycleState } from "../../../shared/lifecycle/lifecycle-state.js";
import type { CapAlert } from "../../../shared/model/cap.js";
import { alertResourceUrls } from "../../../shared/client/forget-alerts.js";
import {
  isFeedIndexJson,
  readFeedIndex,
} from "../../../shared/shards/feed-index.js";

/** The parts of one feed response that the worker uses. */
export interface FeedContent {
  /** False when the body could not be read as a feed or feed index. */
  readable: boolean;
  /** The alert messages of a feed; empty for an index or a signature. */
  messages: CapAlert[];
  /** Absolute URLs that this response makes feeds too: an index's shards, a feed's linked CAP documents. */
  linked: string[];
}

/** Reads one feed response body. `url` is the response's URL, against which relative links resolve. */
export function readFeedContent(url: string, body: Uint8Array): FeedContent {
  if (url.endsWith(".sig")) return { readable: true, messages: [], linked: [] };
  const index = readIndexLinks(url, body);
  if (index !== undefined) return index;
  const result = parseFeed(body);
  const linked = result.links
    .map((link) => resolve(link.url, url))
    .filter((link): link is string => link !== undefined);
  return { readable: !result.fatal, messages: result.alerts, linked };
}

/** Returns the shard URLs of a feed index, or undefined when the body is not one. */
function readIndexLinks(
  url: string,
  body: Uint8Array,
): FeedContent | undefined {
  // An index is JSON starting with "{"; skip the parse for XML feeds.
  const first = body.find((byte) => byte > 0x20);
  if (first !== 0x7b) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
  if (!isFeedIndexJson(json)) return undefined;
  try {
    const index = readFeedIndex(json);
    const files = [index.all, ...index.shards];
    const linked = files
      .flatMap((file) => [file.json, file.atom, file.jsonUrl, file.atomUrl])
      .map((link) => resolve(link, url))
      .filter((link): link is string => link !== undefined);
    return { readable: true, messages: [], linked };
  } catch {
    return { readable: false, messages: [], linked: [] };
  }
}

function resolve(link: string, base: string): string | undefined {
  if (!URL.canParse(link, base)) return undefined;
  const resolved = new URL(link, base);
  if (resolved.protocol !== "https:" && resolved.protocol !== "http:") {
    return undefined;
  }
  resolved.hash = "";
  return resolved.href;
}

/**
 * The feed URLs of the worker and the messages of their cached responses.
 * A URL is a feed when it is configured, linked from a cached feed or
 * index, or the `.sig` signature of either.
 */
export class FeedRegistry {
  private readonly configured: ReadonlySet<string>;
  private readonly contents = new Map<string, FeedContent>();

  constructor(feeds: readonly string[]) {
    this.configured = new Set(feeds.map((feed) => new URL(feed).href));
  }

  /** Tells whether a request URL is one of the feeds, a file they link, or a signature of either. */
  isFeed(url: string): boolean {
    const plain = url.endsWith(".sig") ? url.slice(0, -4) : url;
    if (this.configured.has(plain) || this.contents.has(plain)) return true;
    for (const content of this.contents.values()) {
      if (content.linked.includes(plain)) return true;
    }
    return false;
  }

  /** Records the content of a feed response that is (or is about to be) cached. */
  record(url: string, content: FeedContent): void {
    this.contents.set(url, content);
  }

  /** Forgets a feed whose cached response was deleted. */
  remove(url: string): void {
    this.contents.delete(url);
  }

  /** Returns the URLs of the feeds whose content is recorded. */
  recordedUrls(): string[] {
    return [...this.contents.keys()];
  }

  /**
   * Returns the photo URLs of the alerts in force at `now` after every
   * recorded feed's messages are applied: an alert that a Cancel ended, that
   * an Update replaced, or whose end time passed does not count.
   */
  photosInForce(now: number): Set<string> {
    let state = emptyLifecycleState();
    for (const [url, content] of this.contents) {
      if (content.messages.length === 0) continue;
      state = applyMessages(state, content.messages, {
        now,
        feedUrl: url,
      }).state;
    }
    const photos = new Set<string>();
    for (const stored of state.alerts.values()) {
      for (const photo of alertResourceUrls(stored.alert)) photos.add(photo);
    }
    return photos;
  }
}
