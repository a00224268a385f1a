/**
 * The client in a dedicated Web Worker, which has no `document`: it opens
 * IndexedDB, takes part in the poller election through the worker's Web
 * Locks, polls and shows alerts.
 */
import { expect } from "chai";
import { makeAlert } from "../helpers/cap-alert.js";
import { capContainerXml } from "../helpers/cap-xml.js";
import { feedUrl, setFeed, uniqueFeedName } from "../helpers/feed-harness.js";
import { deleteRaw } from "../helpers/raw-indexeddb.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");

interface WorkerReport {
  identifiers: string[];
  storeKind: string;
  role: string;
  hasDocument: boolean;
}

describe("AlertClient in a worker", () => {
  it("polls and shows alerts", async () => {
    const feed = uniqueFeedName("worker-client");
    const databaseName = uniqueFeedName("worker-client-db");
    await setFeed(feed, {
      body: capContainerXml([makeAlert({ identifier: "TEST-WORKER" })]),
    });
    const worker = new Worker(
      new URL("/test/helpers/client-worker.ts", location.href),
      { type: "module" },
    );
    try {
      const report = await new Promise<WorkerReport>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error("The worker showed no alert within 15 s.")),
          15_000,
        );
        worker.addEventListener("error", (event) =>
          reject(new Error(`The worker failed: ${event.message}`)),
        );
        worker.addEventListener("message", (event) => {
          const data = event.data as WorkerReport;
          if (data.identifiers.length === 0) return;
          clearTimeout(timer);
          resolve(data);
        });
        void feedUrl(feed).then((url) =>
          worker.postMessage({ feed: url, databaseName, now: NOW }),
        );
      });
      expect(report.hasDocument).to.equal(false);
      expect(report.identifiers).to.deep.equal(["TEST-WORKER"]);
      expect(report.storeKind).to.equal("indexeddb");
      expect(report.role).to.equal("leader");
    } finally {
      worker.terminate();
    }
    await deleteRaw(databaseName);
  });
});
