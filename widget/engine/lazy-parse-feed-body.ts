/**
 * The widget engine's stand-in for shared/client/parse-feed-body.ts
 * (vite.config.ts substitutes it in the widget's builds). It parses small
 * bodies on the calling thread itself, and loads the worker code only for
 * a body large enough to go to the parse worker, so most pages never
 * download it.
 */
import { parseFeed } from "../../shared/formats/parse-feed.js";
import type { ParseOptions } from "../../shared/model/feed.js";
import type {
  ParseBodyOptions,
  ParsedBody,
} from "../../shared/client/parse-feed-body.js";
import { WORKER_PARSE_MIN_BYTES } from "../../shared/client/worker-parse-min-bytes.js";

export { WORKER_PARSE_MIN_BYTES };
export type {
  ParseAlertBatch,
  ParseBodyOptions,
  ParsedBody,
  ParseReply,
  ParseRequest,
} from "../../shared/client/parse-feed-body.js";

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
  let workerCode: typeof import("../../shared/client/parse-feed-body.js");
  try {
    workerCode = await import("../../shared/client/parse-feed-body.js");
  } catch (error) {
    return {
      result: parseFeed(bytes, options),
      parsedIn: "calling-thread",
      workerError: `The parse worker's code failed to load: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return workerCode.parseFeedBody(bytes, options, where);
}
