/**
 * Script of a page that a test serves under a Content Security Policy. It
 * parses a generated feed with the parse worker loaded from the page's
 * origin, then with a worker made from a Blob URL. It exposes both results
 * and the policy violations as `window.parseWorkerPage`.
 */
import {
  parseFeedBody,
  type ParsedBody,
} from "../../shared/client/parse-feed-body.js";
import { generatedFeed } from "./generated-feed.js";

interface ParseWorkerPage {
  sameOrigin?: ParsedBody;
  blob?: ParsedBody;
  violations: string[];
}

declare global {
  interface Window {
    parseWorkerPage?: ParseWorkerPage;
  }
}

const page: ParseWorkerPage = { violations: [] };
window.parseWorkerPage = page;
document.addEventListener("securitypolicyviolation", (event) => {
  page.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

const bytes = new TextEncoder().encode(generatedFeed(64 * 1024));
const blobUrl = URL.createObjectURL(
  new Blob(["self.onmessage = () => {};"], { type: "text/javascript" }),
);
page.sameOrigin = await parseFeedBody(
  bytes,
  {},
  {
    workerUrl: new URL("/shared/client/parse-worker.ts", location.href),
    minBytes: 1,
  },
);
page.blob = await parseFeedBody(bytes, {}, { workerUrl: blobUrl, minBytes: 1 });
