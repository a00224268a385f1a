/**
 * Large feeds are parsed in a module worker, with the same result as on
 * the main thread, and on the main thread when the worker cannot run. The
 * worker here is shared/client/parse-worker.ts as the test server compiles
 * it; a build bundles it into one file.
 */
import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import {
  batchAlerts,
  HANDOVER_BATCH_CHARS,
} from "../../shared/client/alert-batches.js";
import {
  parseFeedBody,
  type ParsedBody,
} from "../../shared/client/parse-feed-body.js";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import { generatedFeed } from "../helpers/generated-feed.js";
import { feedUrl, setFeed, uniqueFeedName } from "../helpers/feed-harness.js";
import { waitUntil } from "../helpers/wait-until.js";

const WORKER_URL = new URL("/shared/client/parse-worker.ts", location.href)
  .href;
const NOW = Date.parse("2024-05-01T20:00:00Z");
const feedText = generatedFeed(64 * 1024);
const bytes = new TextEncoder().encode(feedText);

/** The policy the widget's documentation gives sites. */
const WIDGET_POLICY =
  "default-src 'self'; img-src https: data:; require-trusted-types-for 'script'; trusted-types lit-html";
/** The same, with the parse worker's Trusted Types policy allowed. */
const WORKER_POLICY = `${WIDGET_POLICY} child-alert-worker`;

interface WorkerPageResult {
  sameOrigin?: ParsedBody;
  blob?: ParsedBody;
  violations: string[];
}

/** Loads test/helpers/parse-worker-page.ts in an iframe served under `policy`, and returns its results. */
async function parseUnderPolicy(policy: string): Promise<WorkerPageResult> {
  const stem = uniqueFeedName("worker-csp");
  await setFeed(`${stem}.html`, {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Worker under CSP</title>
<script type="module" src="/test/helpers/parse-worker-page.ts"></script></head><body></body></html>`,
    contentType: "text/html; charset=utf-8",
    headers: { "Content-Security-Policy": policy },
  });
  const frame = document.createElement("iframe");
  frame.src = `/feeds/${stem}.html`;
  document.body.append(frame);
  try {
    const page = () =>
      (
        frame.contentWindow as
          (Window & { parseWorkerPage?: WorkerPageResult }) | null
      )?.parseWorkerPage;
    await waitUntil(
      () => page()?.sameOrigin !== undefined && page()?.blob !== undefined,
      "the page's two parses",
    );
    return structuredClone(page()!);
  } finally {
    frame.remove();
  }
}

/** Posts one body to a new parse worker and returns every message it sends back, in order. */
function workerMessages(body: Uint8Array): Promise<unknown[]> {
  const worker = new Worker(WORKER_URL, { type: "module" });
  const messages: unknown[] = [];
  return new Promise<unknown[]>((resolve, reject) => {
    worker.addEventListener("message", (event: MessageEvent<unknown>) => {
      messages.push(event.data);
      if (typeof event.data === "object" && "result" in event.data!) {
        resolve(messages);
      }
    });
    worker.addEventListener("error", (event) =>
      reject(new Error(`the parse worker failed: ${event.message}`)),
    );
    worker.postMessage({ bytes: body, options: {} });
  }).finally(() => worker.terminate());
}

describe("parse worker", () => {
  it("hands a large result over in batches", async () => {
    // The alerts must arrive in several messages before the reply, in
    // document order.
    const large = new TextEncoder().encode(
      generatedFeed(HANDOVER_BATCH_CHARS * 4),
    );
    const messages = await workerMessages(large);
    const expected = parseFeed(large);

    const batches = messages.slice(0, -1) as { alertBatch: unknown[] }[];
    const reply = messages.at(-1) as { result: { alerts: unknown[] } };
    expect(batches.length).to.be.at.least(3);
    expect(batches.length).to.equal(batchAlerts(expected.alerts).length);
    for (const batch of batches) {
      expect(batch.alertBatch.length).to.be.above(0);
      expect(batch.alertBatch.length).to.be.below(expected.alerts.length);
    }
    expect(reply.result.alerts).to.deep.equal([]);
    expect(batches.flatMap((batch) => batch.alertBatch)).to.deep.equal(
      expected.alerts,
    );
  });

  it("joins the batches into the result", async () => {
    const large = new TextEncoder().encode(
      generatedFeed(HANDOVER_BATCH_CHARS * 4),
    );
    const parsed = await parseFeedBody(
      large,
      { baseUrl: "https://feeds.example/a" },
      { workerUrl: WORKER_URL, minBytes: 1 },
    );
    expect(parsed.parsedIn).to.equal("worker");
    expect(parsed.result).to.deep.equal(
      parseFeed(large, { baseUrl: "https://feeds.example/a" }),
    );
  });

  it("parses like the main thread", async () => {
    const parsed = await parseFeedBody(
      bytes,
      { baseUrl: "https://feeds.example/a" },
      { workerUrl: WORKER_URL, minBytes: 1 },
    );
    expect(parsed.workerError).to.equal(undefined);
    expect(parsed.parsedIn).to.equal("worker");
    expect(parsed.result).to.deep.equal(
      parseFeed(bytes, { baseUrl: "https://feeds.example/a" }),
    );
    expect(parsed.result.alerts.length).to.be.above(10);
  });

  it("falls back when the worker is missing", async () => {
    const parsed = await parseFeedBody(
      bytes,
      {},
      {
        workerUrl: new URL("/shared/client/no-such-worker.js", location.href),
        minBytes: 1,
      },
    );
    expect(parsed.parsedIn).to.equal("calling-thread");
    expect(parsed.workerError).to.be.a("string");
    expect(parsed.result).to.deep.equal(parseFeed(bytes));
  });

  it("falls back when the worker throws", async () => {
    const name = uniqueFeedName("broken-worker.js");
    await setFeed(name, {
      body: "throw new Error('broken worker');",
      contentType: "text/javascript",
    });
    const parsed = await parseFeedBody(
      bytes,
      {},
      {
        workerUrl: await feedUrl(name),
        minBytes: 1,
      },
    );
    expect(parsed.parsedIn).to.equal("calling-thread");
    expect(parsed.workerError).to.be.a("string");
    expect(parsed.result.alerts).to.have.length(parseFeed(bytes).alerts.length);
  });

  it("falls back for another origin", async () => {
    const parsed = await parseFeedBody(
      bytes,
      {},
      {
        workerUrl: "https://worker.example/parse-worker.js",
        minBytes: 1,
      },
    );
    expect(parsed.parsedIn).to.equal("calling-thread");
    expect(parsed.workerError).to.be.a("string");
  });

  it("lets a client parse a large feed", async () => {
    const feed = uniqueFeedName("worker-feed");
    await setFeed(feed, { body: feedText });
    const client = new AlertClient({
      feeds: [await feedUrl(feed)],
      store: new MemoryAlertStore(),
      now: () => NOW,
      intervalMs: 3_600_000,
      languages: ["en"],
      parseWorkerUrl: WORKER_URL,
      parseInWorkerMinBytes: 1,
    });
    try {
      await client.refresh();
      expect(client.alerts).to.have.length(parseFeed(bytes).alerts.length);
    } finally {
      client.stop();
    }
  });

  it("runs under a CSP that allows its policy", async () => {
    const result = await parseUnderPolicy(WORKER_POLICY);
    // A worker file from the page's own origin runs under the policy.
    expect(result.sameOrigin!.workerError).to.equal(undefined);
    expect(result.sameOrigin!.parsedIn).to.equal("worker");
    expect(result.sameOrigin!.result.alerts.length).to.be.above(10);
    // Control: a worker made from a Blob URL is blocked by worker-src, and
    // the parse falls back to the main thread.
    expect(result.blob!.parsedIn).to.equal("calling-thread");
    expect(result.blob!.result.alerts.length).to.be.above(10);
    expect(result.violations.length).to.be.at.least(1);
    for (const violation of result.violations) {
      expect(violation).to.contain("blob");
    }
  });

  it("falls back under the widget's CSP", async () => {
    // The documented policy enforces Trusted Types without listing the
    // worker's policy, so no worker can start: every parse stays on the
    // main thread, with the same result.
    const result = await parseUnderPolicy(WIDGET_POLICY);
    expect(result.sameOrigin!.parsedIn).to.equal("calling-thread");
    expect(result.sameOrigin!.workerError).to.be.a("string");
    expect(result.sameOrigin!.result.alerts.length).to.be.above(10);
    expect(result.blob!.parsedIn).to.equal("calling-thread");
  });
});
