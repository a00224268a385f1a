/**
 * Entry point of the parse worker: a module worker that parses one feed
 * body per message with `parseFeed` and posts the result back. The client
 * starts it for large bodies (see parse-feed-body.ts); a build bundles this
 * file and everything it imports into one self-contained script.
 */
import { parseFeed } from "../formats/parse-feed.js";
import type { ParseReply, ParseRequest } from "./parse-feed-body.js";

/** The parts of a worker's global scope this script uses. */
interface ParseWorkerScope {
  addEventListener(
    type: "message",
    listener: (event: MessageEvent<ParseRequest>) => void,
  ): void;
  postMessage(message: ParseReply): void;
}

const scope = globalThis as unknown as ParseWorkerScope;

scope.addEventListener("message", (event) => {
  const { bytes, options } = event.data;
  scope.postMessage({ result: parseFeed(bytes, options) });
});
