/**
 * Entry point of the parse worker: a module worker that parses one feed
 * body per message with `parseFeed` and posts the result back. It sends
 * the alerts first, in batches (`ParseAlertBatch`, see alert-batches.ts),
 * and then the rest of the result (`ParseReply`), so that the page
 * deserializes the alerts over several short tasks. The client starts it
 * for large bodies (see parse-feed-body.ts). A build bundles this file and
 * everything it imports into one self-contained script.
 */
import { parseFeed } from "../formats/parse-feed.js";
import { batchAlerts } from "./alert-batches.js";
import type {
  ParseAlertBatch,
  ParseReply,
  ParseRequest,
} from "./parse-feed-body.js";

/** The parts of a worker's global scope this script uses. */
interface ParseWorkerScope {
  addEventListener(
    type: "message",
    listener: (event: MessageEvent<ParseRequest>) => void,
  ): void;
  postMessage(message: ParseAlertBatch | ParseReply): void;
}

const scope = globalThis as unknown as ParseWorkerScope;

scope.addEventListener("message", (event) => {
  const { bytes, options } = event.data;
  const result = parseFeed(bytes, options);
  for (const alerts of batchAlerts(result.alerts)) {
    scope.postMessage({ alertBatch: alerts });
  }
  scope.postMessage({ result: { ...result, alerts: [] } });
});
