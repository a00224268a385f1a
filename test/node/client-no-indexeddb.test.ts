/**
 * The client in Node, which has no IndexedDB, no document, no Web Locks
 * and no Worker: it keeps alerts in memory, reports that once, polls alone and
 * parses on its own thread.
 */
import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import type { StoreErrorDetail } from "../../shared/client/client-events.js";
import { parseFeedBody } from "../../shared/client/parse-feed-body.js";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { makeAlert, TEST_SENDER } from "../helpers/cap-alert.js";
import { capXml } from "../helpers/cap-xml.js";
import { generatedFeed } from "../helpers/generated-feed.js";
import {
  feedRequests,
  feedUrl,
  setFeed,
  stopFeedServer,
  uniqueFeedName,
} from "../helpers/feed-harness.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");

describe("AlertClient without IndexedDB", () => {
  after(stopFeedServer);

  it("keeps alerts in memory and says so once", async () => {
    expect(typeof indexedDB).to.equal("undefined");
    const name = uniqueFeedName("node-memory");
    await setFeed(name, { body: capXml(makeAlert({ identifier: "TEST-N" })) });
    const client = new AlertClient({
      feeds: [await feedUrl(name)],
      now: () => NOW,
      intervalMs: 1_000,
      languages: ["en"],
      parseWorkerUrl: "https://unused.example/parse-worker.js",
      parseInWorkerMinBytes: 1,
    });
    const errors: StoreErrorDetail[] = [];
    client.addEventListener("store-error", (event) =>
      errors.push(event.detail),
    );
    try {
      await client.start();
      await client.refresh();
      await client.refresh();
      await client.refresh();
      expect(client.storeKind).to.equal("memory");
      expect(client.storeFallback).to.contain("IndexedDB is not available");
      expect(client.pollingRole).to.equal("independent");
      expect(client.alerts.map((view) => view.key)).to.deep.equal([
        alertKey(TEST_SENDER, "TEST-N"),
      ]);
      expect(errors).to.have.length(1);
      expect(errors[0]!.kind).to.equal("unavailable");
      expect(errors[0]!.fallback).to.equal(true);
      expect((await feedRequests(name)).length).to.be.at.least(3);
    } finally {
      client.stop();
    }
  });

  it("parses a large body inline", async () => {
    expect(typeof Worker).to.equal("undefined");
    const bytes = new TextEncoder().encode(generatedFeed(64 * 1024));
    const parsed = await parseFeedBody(
      bytes,
      {},
      {
        workerUrl: "https://unused.example/parse-worker.js",
        minBytes: 1,
      },
    );
    expect(parsed.parsedIn).to.equal("calling-thread");
    expect(parsed.workerError).to.equal(undefined);
    expect(parsed.result).to.deep.equal(parseFeed(bytes));
  });
});
