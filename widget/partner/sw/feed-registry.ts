/**
 * The partner service worker's record of the feeds it caches: which
 * request URLs are feeds, and the alert messages of each cached feed
 * response. From the messages it derives the photos of the alerts in
 * force, which are the only photos it keeps, and the linked CAP documents
 * whose alerts all ended, which it deletes.
 */
import { parseFeed } from "../../../shared/formats/parse-feed.js";
import { alertKey } from "../../../shared/lifecycle/alert-key.js";
import { applyMessages } from "../../../shared/lifecycle/apply-messages.js";
import type {
  LifecycleState,
  Tombstone,
} from "../../../shared/lifecycle/lifecycle-state.js";
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
  /** True for a feed index, whose linked URLs are shards (feeds) rather than CAP documents. */
  isIndex: boolean;
}

/** The result of `FeedRegistry.inForce`: the photos in force, and the linked documents with no message in force. */
export interface FeedsInForce {
  /** Photo URLs of the alerts in force. */
  photos: Set<string>;
  /**
   * Recorded URLs that are neither configured feeds nor shards of a
   * recorded index (so linked CAP documents), with at least one message,
   * none of which is in force: each was cancelled, replaced, or is past
   * its end time. A Cancel itself is never in force.
   */
  endedDocuments: string[];
}

/** Reads one feed response body. `url` is the response's URL, against which relative links resolve. */
export function readFeedContent(url: string, body: Uint8Array): FeedContent {
  if (url.endsWith(".sig")) {
    return { readable: true, messages: [], linked: [], isIndex: false };
  }
  const index = readIndexLinks(url, body);
  if (index !== undefined) return index;
  const result = parseFeed(body);
  const linked = result.links
    .map((link) => resolve(link.url, url))
    .filter((link): link is string => link !== undefined);
  return {
    readable: !result.fatal,
    messages: result.alerts,
    linked,
    isIndex: false,
  };
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
    return { readable: true, messages: [], linked, isIndex: true };
  } catch {
    return { readable: false, messages: [], linked: [], isIndex: true };
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
  /**
   * The messages that ended, kept from one evaluation to the next while the
   * worker runs. A document deleted because its alert ended then stays
   * ended when a copy is cached again, such as an alert's document fetched
   * after its Cancel's. Tombstones contain no alert text or photo.
   * NOTE: they are lost when the browser stops the worker. After that, a
   * copy of an ended alert's document cached again is deleted only while a
   * cached feed or document still contains the message that ended it.
   */
  private tombstones: ReadonlyMap<string, Tombstone> = new Map();

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

  /** Tells whether the content of a response of `url` is recorded. */
  has(url: string): boolean {
    return this.contents.has(url);
  }

  /** Returns the URLs of the feeds whose content is recorded. */
  recordedUrls(): string[] {
    return [...this.contents.keys()];
  }

  /**
   * Applies every recorded feed's messages at `now` and returns what is in
   * force: an alert that a Cancel ended, that an Update replaced, or whose
   * end time passed does not count.
   */
  inForce(now: number): FeedsInForce {
    let state: LifecycleState = {
      alerts: new Map(),
      tombstones: this.tombstones,
    };
    for (const [url, content] of this.contents) {
      if (content.messages.length === 0) continue;
      state = applyMessages(state, content.messages, {
        now,
        feedUrl: url,
      }).state;
    }
    this.tombstones = state.tombstones;

    const photos = new Set<string>();
    for (const stored of state.alerts.values()) {
      for (const photo of alertResourceUrls(stored.alert)) photos.add(photo);
    }
    const shards = new Set<string>();
    for (const content of this.contents.values()) {
      if (content.isIndex) content.linked.forEach((url) => shards.add(url));
    }
    const endedDocuments: string[] = [];
    for (const [url, content] of this.contents) {
      if (this.configured.has(url) || shards.has(url)) continue;
      if (content.messages.length === 0) continue;
      const inForce = content.messages.some((message) =>
        state.alerts.has(alertKey(message.sender, message.identifier)),
      );
      if (!inForce) endedDocuments.push(url);
    }
    return { photos, endedDocuments };
  }
}
