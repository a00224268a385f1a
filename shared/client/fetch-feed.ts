/**
 * One conditional GET of a feed, with a timeout, returning a typed result
 * instead of throwing.
 *
 * Privacy: requests carry no credentials and no cookies
 * (`credentials: "omit"`) and no referrer (`referrerPolicy: "no-referrer"`),
 * so a feed server learns nothing about the page or the reader.
 */
import { readLimitedBody } from "./read-limited-body.js";

/** Default time allowed for the response, body included: 30 seconds. */
export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

/** Default largest body read, in bytes: 32 MiB, the parser's default limit. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Options for `fetchFeed`. */
export interface FetchFeedOptions {
  /** `ETag` of the last good response, sent as `If-None-Match`. */
  etag?: string;
  /** `Last-Modified` of the last good response, sent as `If-Modified-Since`. */
  lastModified?: string;
  /** Time allowed for the whole response, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Largest body to read, in bytes. Default 32 MiB. */
  maxBytes?: number;
  /** Aborts the request, for example when the client stops. */
  signal?: AbortSignal;
  /** The fetch function. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * The current time, to turn an HTTP-date `Retry-After` into a delay when
   * the response has no `Date` header. Default `Date.now`.
   */
  now?: () => number;
}

/** The outcome of `fetchFeed`. */
export type FetchFeedResult =
  | {
      kind: "ok";
      bytes: Uint8Array;
      etag?: string;
      lastModified?: string;
      /** The `Date` header: the server's clock. */
      date?: string;
      /** The `Age` header: seconds a cache held the response, to add to `date`. */
      age?: string;
      contentType?: string;
    }
  | { kind: "not-modified"; date?: string; age?: string }
  | {
      kind: "error";
      /**
       * "network" also covers a body cut short and a body over `maxBytes`.
       * "signature" is a feed rejected by a publisher key's check.
       */
      error: "network" | "timeout" | "http" | "aborted" | "signature";
      message: string;
      /** HTTP status, for `error: "http"`. */
      status?: number;
      /** Delay the server asked for in `Retry-After`, in milliseconds. */
      retryAfterMs?: number;
    };

/** Fetches a feed once, conditionally when validators are given. */
export async function fetchFeed(
  url: string,
  options: FetchFeedOptions = {},
): Promise<FetchFeedResult> {
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener("abort", onAbort);
  if (options.signal?.aborted) controller.abort();

  const headers: Record<string, string> = {};
  if (options.etag !== undefined) headers["If-None-Match"] = options.etag;
  if (options.lastModified !== undefined) {
    headers["If-Modified-Since"] = options.lastModified;
  }

  try {
    const response = await fetchFunction(url, {
      method: "GET",
      headers,
      credentials: "omit",
      referrerPolicy: "no-referrer",
      // The client sends its own validators, so the browser's HTTP cache must
      // neither respond nor turn a 304 into a cached 200.
      cache: "no-store",
      redirect: "follow",
      signal: controller.signal,
    });
    const date = headerOrUndefined(response, "Date");
    const age = headerOrUndefined(response, "Age");
    if (response.status === 304) {
      await response.body?.cancel().catch(() => {});
      const result: FetchFeedResult = { kind: "not-modified" };
      if (date !== undefined) result.date = date;
      if (age !== undefined) result.age = age;
      return result;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      const result: FetchFeedResult = {
        kind: "error",
        error: "http",
        status: response.status,
        message: `The feed ${url} returned HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`,
      };
      // An HTTP-date Retry-After is read against the response's own Date
      // when it has one, so a wrong clock on the reader's device does not
      // shorten or lengthen the wait.
      const serverNow = date === undefined ? NaN : Date.parse(date);
      const retryAfterMs = parseRetryAfter(
        response.headers.get("Retry-After"),
        Number.isNaN(serverNow) ? (options.now ?? Date.now)() : serverNow,
      );
      if (retryAfterMs !== undefined) result.retryAfterMs = retryAfterMs;
      return result;
    }
    const bytes = await readBody(
      response,
      options.maxBytes ?? DEFAULT_MAX_BODY_BYTES,
      url,
    );
    const result: FetchFeedResult = { kind: "ok", bytes };
    const etag = headerOrUndefined(response, "ETag");
    if (etag !== undefined) result.etag = etag;
    const lastModified = headerOrUndefined(response, "Last-Modified");
    if (lastModified !== undefined) result.lastModified = lastModified;
    if (date !== undefined) result.date = date;
    if (age !== undefined) result.age = age;
    const contentType = headerOrUndefined(response, "Content-Type");
    if (contentType !== undefined) result.contentType = contentType;
    return result;
  } catch (error) {
    if (timedOut) {
      return {
        kind: "error",
        error: "timeout",
        message: `The feed ${url} timed out after ${timeoutMs} ms.`,
      };
    }
    if (options.signal?.aborted) {
      return {
        kind: "error",
        error: "aborted",
        message: `The request for ${url} was aborted.`,
      };
    }
    // Matched by name, not with instanceof, so the signature code can stay
    // in a chunk that only pages with a publisher key load.
    if (error instanceof Error && error.name === "FeedSignatureError") {
      return { kind: "error", error: "signature", message: error.message };
    }
    return {
      kind: "error",
      error: "network",
      message: `The request for ${url} failed: ${errorText(error)}`,
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/**
 * Reads a `Retry-After` value, delay-seconds or an HTTP-date (RFC 9110
 * section 10.2.3), as milliseconds from `now`. Returns undefined when absent
 * or unreadable, and 0 for a date in the past.
 */
export function parseRetryAfter(
  value: string | null,
  now: number,
): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const dateMs = Date.parse(text);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, dateMs - now);
}

/** Reads the body, failing when it is larger than `maxBytes`. */
async function readBody(
  response: Response,
  maxBytes: number,
  url: string,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new Error(
      `the body of ${url} is ${declared} bytes, over the limit of ${maxBytes}`,
    );
  }
  const bytes = await readLimitedBody(response, maxBytes);
  if (bytes === null) {
    throw new Error(
      `the body of ${url} is over the limit of ${maxBytes} bytes`,
    );
  }
  return bytes;
}

function headerOrUndefined(
  response: Response,
  name: string,
): string | undefined {
  return response.headers.get(name) ?? undefined;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
