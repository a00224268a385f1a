/**
 * One poll of one feed: the conditional GET (with its retries), the parse,
 * and the CAP documents that an index links to. Nothing here touches the
 * alert store, so no storage transaction is open while the network is
 * awaited.
 */
import type { CapAlert } from "../model/cap.js";
import type { CapLink, ParseOptions, ParseResult } from "../model/feed.js";
import type { FeedRecord } from "../store/alert-store.js";
import { fetchFeedWithRetry } from "./fetch-with-retry.js";
import { mapWithConcurrency } from "./map-with-concurrency.js";
import { parseFeedBody, type ParseBodyOptions } from "./parse-feed-body.js";
import type { FeedErrorReason } from "./client-events.js";
import type { RetryPolicy } from "./retry-policy.js";

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
  /** The retry policy for failed requests. Default `DEFAULT_RETRY_POLICY`. */
  retry?: RetryPolicy;
  /** The parse worker for large bodies. Default: none, every body is parsed on the calling thread. */
  parse?: Omit<ParseBodyOptions, "signal">;
  /** The reader's clock, to stamp when the response arrived. Default `Date.now`. */
  now?: () => number;
  /** Tells whether a linked document must be fetched, from its summary in the index. */
  shouldFetchLink: (link: CapLink) => boolean;
  /** Called with the alerts of each linked document read. */
  onLinkRead: (link: CapLink, alerts: readonly CapAlert[]) => void;
  /** Called once for each linked document that could not be fetched or read. */
  onLinkError: (url: string, message: string) => void;
}

/** The server's clock as a response gave it, to check the reader's clock against. */
export interface ServerTime {
  /** The `Date` header. */
  date?: string;
  /** The `Age` header. */
  age?: string;
  /** The reader's clock (`PollContext.now`) when the response arrived. */
  receivedMs: number;
}

/** The outcome of one poll of one feed. */
export type PollOutcome =
  | { kind: "not-modified"; serverTime: ServerTime }
  | {
      kind: "error";
      message: string;
      /** Why the poll failed: the request's error kind, or "unreadable" for a body that does not parse. */
      reason: FeedErrorReason;
      retryAfterMs?: number;
    }
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
      serverTime: ServerTime;
    };

/**
 * Polls a feed. With `record`, the request is conditional on its
 * validators. An empty body, an HTML page, a truncated body or any
 * document that cannot be read as a whole (`fatal`) is an error, like a
 * failed request, so the client keeps its last good alerts.
 */
export async function pollFeed(
  url: string,
  record: FeedRecord | undefined,
  context: PollContext,
): Promise<PollOutcome> {
  const now = context.now ?? Date.now;
  const response = await fetchFeedWithRetry(url, {
    ...(record?.etag === undefined ? {} : { etag: record.etag }),
    ...(record?.lastModified === undefined
      ? {}
      : { lastModified: record.lastModified }),
    ...requestOptions(context),
  });
  if (response.kind === "error") {
    return response.retryAfterMs === undefined
      ? { kind: "error", message: response.message, reason: response.error }
      : {
          kind: "error",
          message: response.message,
          reason: response.error,
          retryAfterMs: response.retryAfterMs,
        };
  }
  const serverTime: ServerTime = { receivedMs: now() };
  if (response.date !== undefined) serverTime.date = response.date;
  if (response.age !== undefined) serverTime.age = response.age;
  if (response.kind === "not-modified") {
    return { kind: "not-modified", serverTime };
  }

  const parsed = await parse(response.bytes, url, context);
  if (parsed.fatal) {
    return {
      kind: "error",
      message: unreadableMessage(url, parsed.errors),
      reason: "unreadable",
    };
  }

  const links = parsed.links.filter(context.shouldFetchLink);
  const linked = await mapWithConcurrency(links, LINK_CONCURRENCY, (link) =>
    readLink(link, context),
  );
  const outcome: PollOutcome = {
    kind: "ok",
    alerts: [...parsed.alerts, ...linked.flatMap((alerts) => alerts ?? [])],
    complete: linked.every((alerts) => alerts !== null),
    serverTime,
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
  const response = await fetchFeedWithRetry(link.url, requestOptions(context));
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
  const parsed = await parse(response.bytes, link.url, context);
  if (parsed.fatal) {
    context.onLinkError(link.url, unreadableMessage(link.url, parsed.errors));
    return null;
  }
  // A linked document is read for its alerts only: its own links are not
  // followed, so an index cannot lead the client from link to link.
  context.onLinkRead(link, parsed.alerts);
  return parsed.alerts;
}

function requestOptions(context: PollContext) {
  return {
    ...(context.timeoutMs === undefined
      ? {}
      : { timeoutMs: context.timeoutMs }),
    ...(context.retry === undefined ? {} : { retry: context.retry }),
    signal: context.signal,
    fetch: context.fetch,
  };
}

async function parse(
  bytes: Uint8Array,
  url: string,
  context: PollContext,
): Promise<ParseResult> {
  const options: ParseOptions =
    context.timeZone === undefined
      ? { baseUrl: url }
      : { baseUrl: url, timeZone: context.timeZone };
  try {
    const parsed = await parseFeedBody(bytes, options, {
      ...context.parse,
      signal: context.signal,
    });
    return parsed.result;
  } catch (error) {
    // parseFeed reports the faults it detects as issues. Should another
    // fault throw, this feed is unreadable, and the poll of the others goes on.
    const message = error instanceof Error ? error.message : String(error);
    return {
      format: null,
      alerts: [],
      links: [],
      errors: [
        { code: "not-a-feed", message: `the parser failed (${message})` },
      ],
      warnings: [],
      fatal: true,
    };
  }
}

function unreadableMessage(
  url: string,
  errors: readonly { message: string }[],
): string {
  const reason = errors[0]?.message ?? "the document could not be read";
  return `The feed ${url} could not be read: ${reason}.`;
}
