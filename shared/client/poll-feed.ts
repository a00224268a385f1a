/**
 * One poll of one feed: the conditional GET, the parse, and the CAP
 * documents that an index links to. Nothing here touches the alert store,
 * so no storage transaction is open while the network is awaited.
 */
import { parseFeed } from "../formats/parse-feed.js";
import type { CapAlert } from "../model/cap.js";
import type { CapLink } from "../model/feed.js";
import type { FeedRecord } from "../store/alert-store.js";
import { fetchFeed } from "./fetch-feed.js";
import { mapWithConcurrency } from "./map-with-concurrency.js";

/** How many linked CAP documents of one index are fetched at once: 4. */
export const LINK_CONCURRENCY = 4;

/** Settings and callbacks `pollFeed` takes from the client. */
export interface PollContext {
  fetch: typeof fetch;
  signal: AbortSignal;
  /** IANA zone for times written without an offset in this feed. */
  timeZone?: string;
  /** Time allowed for each request, in milliseconds. */
  timeoutMs?: number;
  /** Tells whether a linked document must be fetched, from its summary in the index. */
  shouldFetchLink: (link: CapLink) => boolean;
  /** Called with the alerts of each linked document read. */
  onLinkRead: (link: CapLink, alerts: readonly CapAlert[]) => void;
  /** Called once for each linked document that could not be fetched or read. */
  onLinkError: (url: string, message: string) => void;
}

/** The outcome of one poll of one feed. */
export type PollOutcome =
  | { kind: "not-modified" }
  | { kind: "error"; message: string; retryAfterMs?: number }
  | {
      kind: "ok";
      alerts: CapAlert[];
      etag?: string;
      lastModified?: string;
      /**
       * False when a linked document failed: the validators must then not
       * be stored, or the next poll would get a 304 and never retry it.
       */
      complete: boolean;
    };

/**
 * Polls a feed. With `record`, the request is conditional on its
 * validators. A document that cannot be read as a whole (`fatal`) is an
 * error, like a failed request.
 */
export async function pollFeed(
  url: string,
  record: FeedRecord | undefined,
  context: PollContext,
): Promise<PollOutcome> {
  const response = await fetchFeed(url, {
    ...(record?.etag === undefined ? {} : { etag: record.etag }),
    ...(record?.lastModified === undefined
      ? {}
      : { lastModified: record.lastModified }),
    ...(context.timeoutMs === undefined
      ? {}
      : { timeoutMs: context.timeoutMs }),
    signal: context.signal,
    fetch: context.fetch,
  });
  if (response.kind === "not-modified") return { kind: "not-modified" };
  if (response.kind === "error") {
    return response.retryAfterMs === undefined
      ? { kind: "error", message: response.message }
      : {
          kind: "error",
          message: response.message,
          retryAfterMs: response.retryAfterMs,
        };
  }

  const parsed = parseFeed(response.bytes, parseOptions(url, context));
  if (parsed.fatal) {
    return { kind: "error", message: unreadableMessage(url, parsed.errors) };
  }

  const links = parsed.links.filter(context.shouldFetchLink);
  const linked = await mapWithConcurrency(links, LINK_CONCURRENCY, (link) =>
    readLink(link, context),
  );
  const outcome: PollOutcome = {
    kind: "ok",
    alerts: [...parsed.alerts, ...linked.flatMap((alerts) => alerts ?? [])],
    complete: linked.every((alerts) => alerts !== null),
  };
  if (response.etag !== undefined) outcome.etag = response.etag;
  if (response.lastModified !== undefined) {
    outcome.lastModified = response.lastModified;
  }
  return outcome;
}

/** Fetches and reads one linked CAP document; null when it failed. */
async function readLink(
  link: CapLink,
  context: PollContext,
): Promise<CapAlert[] | null> {
  const response = await fetchFeed(link.url, {
    ...(context.timeoutMs === undefined
      ? {}
      : { timeoutMs: context.timeoutMs }),
    signal: context.signal,
    fetch: context.fetch,
  });
  if (response.kind === "not-modified") {
    context.onLinkError(
      link.url,
      `${link.url} returned 304 without a request validator.`,
    );
    return null;
  }
  if (response.kind === "error") {
    context.onLinkError(link.url, response.message);
    return null;
  }
  const parsed = parseFeed(response.bytes, parseOptions(link.url, context));
  if (parsed.fatal) {
    context.onLinkError(link.url, unreadableMessage(link.url, parsed.errors));
    return null;
  }
  // A linked document is read for its alerts only: its own links are not
  // followed, so an index cannot lead the client from link to link.
  context.onLinkRead(link, parsed.alerts);
  return parsed.alerts;
}

function parseOptions(url: string, context: PollContext) {
  return context.timeZone === undefined
    ? { baseUrl: url }
    : { baseUrl: url, timeZone: context.timeZone };
}

function unreadableMessage(
  url: string,
  errors: readonly { message: string }[],
): string {
  const reason = errors[0]?.message ?? "the document could not be read";
  return `The feed ${url} could not be read: ${reason}.`;
}
