/**
 * Parses a feed body, off the main thread when it is large.
 *
 * A body of at least `WORKER_PARSE_MIN_BYTES` is parsed in a Web Worker
 * started from `workerUrl` (a module worker running parse-worker.ts, built
 * into a file of its own), so a large feed does not freeze the page.
 * The worker sends the alerts back in batches (alert-batches.ts), each
 * deserialized in a task of its own on this thread, so taking in a large
 * result does not block it either. Both paths run the same `parseFeed`.
 * The body is parsed on the calling thread instead in four cases: no worker URL is given; there is no
 * `Worker` (Node, a service worker); the worker cannot start, because the
 * page's Content Security Policy forbids it or the URL is on another
 * origin than the page (`new Worker` rejects both); or the worker fails.
 *
 * Under a Content Security Policy that enforces Trusted Types
 * (`require-trusted-types-for 'script'`), the Worker constructor takes only
 * a TrustedScriptURL, which this module makes with a policy named
 * `TRUSTED_TYPES_POLICY_NAME`. Such a page must list that name in its
 * `trusted-types` directive, and allow the worker's origin in `worker-src`
 * (or `script-src`, or `default-src`), for large feeds to be parsed off the
 * main thread. A worker URL that cannot start is not tried again in the
 * same page, so a policy that forbids it reports one violation, not one
 * per poll.
 */
import { parseFeed } from "../formats/parse-feed.js";
import type { CapAlert } from "../model/cap.js";
import type { ParseOptions, ParseResult } from "../model/feed.js";
import { WORKER_PARSE_MIN_BYTES } from "./worker-parse-min-bytes.js";

export { WORKER_PARSE_MIN_BYTES };

/**
 * Maximum time a worker may take before its body is parsed on the calling
 * thread instead: 30 seconds, far above the 5 MiB figure above.
 */
export const WORKER_PARSE_TIMEOUT_MS = 30_000;

/** Name of the Trusted Types policy that turns the configured worker URL into a TrustedScriptURL. */
export const TRUSTED_TYPES_POLICY_NAME = "child-alert-worker";

/** The part of the Trusted Types API this module uses (not in TypeScript's DOM types). */
interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: { createScriptURL: (input: string) => string },
  ): { createScriptURL(input: string): unknown };
}

/** Worker URLs that could not be constructed in this realm, with why: later parses skip them. */
const unavailableWorkers = new Map<string, string>();

/** The Trusted Types policy, once made; null when making it failed. */
let trustedPolicy:
  { createScriptURL(input: string): unknown } | null | undefined;

/** Worker URLs the policy accepts: only those a client was configured with. */
const allowedWorkerUrls = new Set<string>();

/** Message from the client to the parse worker. */
export interface ParseRequest {
  bytes: Uint8Array;
  options: ParseOptions;
}

/**
 * Message from the parse worker back to the client: some of the parsed
 * alerts, in document order. The worker sends the alerts in such batches
 * before its `ParseReply`, so the page deserializes them in several short
 * tasks instead of one long one.
 */
export interface ParseAlertBatch {
  alertBatch: CapAlert[];
}

/**
 * The parse worker's last message for one body: the result, whose `alerts`
 * follow those of the batches sent before it (the worker of this version
 * sends them all in batches and none here).
 */
export interface ParseReply {
  result: ParseResult;
}

/** Options of `parseFeedBody`: the worker, and the size from which it is used. */
export interface ParseBodyOptions {
  /** URL of the parse worker script; without it, every body is parsed on the calling thread. */
  workerUrl?: string | URL;
  /** Smallest body, in bytes, parsed in the worker. Default `WORKER_PARSE_MIN_BYTES`. */
  minBytes?: number;
  /** Stops the worker, for example when the client stops. */
  signal?: AbortSignal;
}

/** A parse result, and where the parse ran. */
export interface ParsedBody {
  result: ParseResult;
  parsedIn: "worker" | "calling-thread";
  /** The reason the worker was not used although the body was large enough; absent otherwise. */
  workerError?: string;
}

/** Parses a feed body, in a worker when it is large enough and a worker can run. */
export async function parseFeedBody(
  bytes: Uint8Array,
  options: ParseOptions,
  where: ParseBodyOptions = {},
): Promise<ParsedBody> {
  const minBytes = where.minBytes ?? WORKER_PARSE_MIN_BYTES;
  if (
    where.workerUrl === undefined ||
    bytes.byteLength < minBytes ||
    typeof Worker === "undefined"
  ) {
    return { result: parseFeed(bytes, options), parsedIn: "calling-thread" };
  }
  const unavailable = unavailableWorkers.get(String(where.workerUrl));
  if (unavailable !== undefined) {
    return {
      result: parseFeed(bytes, options),
      parsedIn: "calling-thread",
      workerError: unavailable,
    };
  }
  try {
    const result = await parseInWorker(
      where.workerUrl,
      { bytes, options },
      where.signal,
    );
    return { result, parsedIn: "worker" };
  } catch (error) {
    return {
      result: parseFeed(bytes, options),
      parsedIn: "calling-thread",
      workerError: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Starts a worker for one parse, and ends it once the reply or an error arrives. */
function parseInWorker(
  workerUrl: string | URL,
  request: ParseRequest,
  signal: AbortSignal | undefined,
): Promise<ParseResult> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(trustedScriptUrl(String(workerUrl)), {
        type: "module",
        name: "child-alert-parse",
      });
    } catch (error) {
      // A policy or the origin forbids the worker; the page cannot change
      // that, so later parses do not try this URL again.
      const message = `The parse worker could not start: ${error instanceof Error ? error.message : String(error)}`;
      unavailableWorkers.set(String(workerUrl), message);
      reject(new Error(message));
      return;
    }
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      worker.terminate();
    };
    const fail = (message: string) => {
      finish();
      reject(new Error(message));
    };
    const onAbort = () => fail("The parse worker was stopped.");
    const timer = setTimeout(
      () =>
        fail(
          `The parse worker did not reply within ${WORKER_PARSE_TIMEOUT_MS} ms.`,
        ),
      WORKER_PARSE_TIMEOUT_MS,
    );
    signal?.addEventListener("abort", onAbort, { once: true });
    // Each message is its own task on this thread, which deserializes its
    // data when it is read here.
    const batches: CapAlert[][] = [];
    worker.addEventListener("message", (event: MessageEvent<unknown>) => {
      const reply = event.data;
      if (isAlertBatch(reply)) {
        batches.push(reply.alertBatch);
        return;
      }
      if (!isParseReply(reply)) {
        fail("The parse worker sent a reply of the wrong shape.");
        return;
      }
      finish();
      resolve({
        ...reply.result,
        alerts: [...batches.flat(), ...reply.result.alerts],
      });
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fail(
        `The parse worker ${String(workerUrl)} failed: ${event.message || "it could not be loaded"}.`,
      );
    });
    worker.addEventListener("messageerror", () =>
      fail("The parse worker's reply could not be deserialized."),
    );
    // The bytes are copied, not transferred: the calling thread parses them
    // itself if the worker fails.
    worker.postMessage(request);
  });
}

/**
 * Returns the worker URL as a TrustedScriptURL where Trusted Types exist
 * and the policy could be made, else as the string. The policy accepts
 * only worker URLs a client passed here, so it cannot turn other strings
 * into script URLs.
 */
function trustedScriptUrl(url: string): string {
  allowedWorkerUrls.add(url);
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory })
    .trustedTypes;
  if (factory === undefined) return url;
  if (trustedPolicy === undefined) {
    try {
      trustedPolicy = factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
        createScriptURL: (input) => {
          if (!allowedWorkerUrls.has(input)) {
            throw new TypeError(`${input} is not a parse worker URL.`);
          }
          return input;
        },
      });
    } catch {
      // The page's `trusted-types` directive does not list the name. The
      // string still works where Trusted Types are not enforced.
      trustedPolicy = null;
    }
  }
  if (trustedPolicy === null) return url;
  // The Worker constructor accepts a TrustedScriptURL where it takes a
  // string; TypeScript's DOM types do not know that type.
  return trustedPolicy.createScriptURL(url) as string;
}

function isAlertBatch(value: unknown): value is ParseAlertBatch {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as { alertBatch?: unknown }).alertBatch)
  );
}

function isParseReply(value: unknown): value is ParseReply {
  if (typeof value !== "object" || value === null) return false;
  const result = (value as { result?: unknown }).result;
  return (
    typeof result === "object" &&
    result !== null &&
    Array.isArray((result as ParseResult).alerts) &&
    Array.isArray((result as ParseResult).links) &&
    Array.isArray((result as ParseResult).errors) &&
    typeof (result as ParseResult).fatal === "boolean"
  );
}
