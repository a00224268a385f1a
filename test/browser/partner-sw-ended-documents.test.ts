/**
 * The partner service worker's choice of the linked CAP documents to
 * delete (those whose alerts all ended), and the deletion of their
 * workbox-expiration records. Runs on a page, with the real IndexedDB.
 */
import { expect } from "chai";
import type { CapAlert } from "../../shared/model/cap.js";
import {
  FeedRegistry,
  readFeedContent,
} from "../../widget/partner/sw/feed-registry.js";
import { deleteExpirationRecords } from "../../widget/partner/sw/expiration-records.js";
import { makeAlert, makeInfo, referenceTo } from "../helpers/cap-alert.js";
import { atomIndexXml, capContainerXml, capXml } from "../helpers/cap-xml.js";
import {
  deleteRaw,
  openRaw,
  putRecords,
  requestResult,
} from "../helpers/raw-indexeddb.js";
import { indexForAlerts } from "../helpers/shard-index.js";

const FEED = "https://feeds.example.org/alerts.atom";
const PHOTO = "https://photos.example.org/case-0001.png";
/** An instant within the life of `makeAlert()`'s messages. */
const NOW = Date.parse("2024-05-01T20:00:00Z");

const alert = makeAlert({
  identifier: "CASE-1",
  info: [
    makeInfo({
      resource: [{ resourceDesc: "Photo", mimeType: "image/png", uri: PHOTO }],
    }),
  ],
});
const cancel = makeAlert({
  identifier: "CASE-1-CANCEL",
  msgType: "Cancel",
  sent: "2024-05-01T15:00:00-05:00",
  references: [referenceTo(alert)],
  info: [makeInfo({ headline: "Found" })],
});

const documentUrl = (message: CapAlert) =>
  `https://feeds.example.org/cap/${message.identifier}.xml`;

/** Records a response body in the registry, as the worker does. */
function record(registry: FeedRegistry, url: string, body: string): void {
  const content = readFeedContent(url, new TextEncoder().encode(body));
  expect(content.readable, `${url} readable`).to.equal(true);
  registry.record(url, content);
}

function linkFeed(messages: readonly CapAlert[]): string {
  return atomIndexXml(
    messages.map((message) => ({
      url: documentUrl(message),
      id: message.identifier,
      updated: message.sent,
    })),
  );
}

describe("partner worker ended documents", () => {
  it("lists documents once their alert is cancelled", () => {
    const registry = new FeedRegistry([FEED]);
    record(registry, FEED, linkFeed([alert]));
    record(registry, documentUrl(alert), capXml(alert));
    const before = registry.inForce(NOW);
    expect(before.endedDocuments).to.deep.equal([]);
    expect([...before.photos]).to.deep.equal([PHOTO]);

    record(registry, FEED, linkFeed([cancel]));
    record(registry, documentUrl(cancel), capXml(cancel));
    const after = registry.inForce(NOW);
    expect(after.endedDocuments).to.deep.equal([
      documentUrl(alert),
      documentUrl(cancel),
    ]);
    expect([...after.photos]).to.deep.equal([]);
  });

  it("lists a document past its end time", () => {
    const registry = new FeedRegistry([FEED]);
    record(registry, FEED, linkFeed([alert]));
    record(registry, documentUrl(alert), capXml(alert));
    const expires = Date.parse(alert.info[0]!.expires!);
    expect(registry.inForce(expires + 1).endedDocuments).to.deep.equal([
      documentUrl(alert),
    ]);
  });

  it("keeps an alert ended after its documents go", () => {
    // The Cancel's document is cached first, and deleted as ended before
    // the alert's own document arrives.
    const registry = new FeedRegistry([FEED]);
    record(registry, FEED, linkFeed([alert, cancel]));
    record(registry, documentUrl(cancel), capXml(cancel));
    expect(registry.inForce(NOW).endedDocuments).to.deep.equal([
      documentUrl(cancel),
    ]);
    registry.remove(documentUrl(cancel));

    record(registry, documentUrl(alert), capXml(alert));
    const later = registry.inForce(NOW);
    expect(later.endedDocuments).to.deep.equal([documentUrl(alert)]);
    expect([...later.photos]).to.deep.equal([]);
  });

  it("never lists configured feeds or shards", () => {
    const index = "https://feeds.example.org/index.json";
    const registry = new FeedRegistry([index, FEED]);
    // A configured feed that is a bare CAP document with a Cancel only.
    record(registry, FEED, capXml(cancel));
    const { index: feedIndex } = indexForAlerts([alert]);
    record(registry, index, JSON.stringify(feedIndex));
    const shard = new URL(feedIndex.all.atomUrl!, index).href;
    record(registry, shard, capXml(cancel));
    expect(registry.inForce(NOW).endedDocuments).to.deep.equal([]);
  });

  it("keeps documents with an alert in force", () => {
    const other = makeAlert({ identifier: "CASE-2" });
    const registry = new FeedRegistry([FEED]);
    record(registry, FEED, linkFeed([alert, other]));
    record(registry, documentUrl(alert), capContainerXml([alert, other]));
    record(registry, documentUrl(cancel), capXml(cancel));
    expect(registry.inForce(NOW).endedDocuments).to.deep.equal([
      documentUrl(cancel),
    ]);
  });
});

describe("partner worker expiration record deletion", () => {
  const database = "workbox-expiration";
  const feedCache = "child-alert-feeds-v1";
  const ended = "https://feeds.example.org/cap/CASE-1.xml";
  const liveFeed = "https://feeds.example.org/alerts.atom";

  /** Builds a record as workbox-expiration 7.4.1 writes it (`models/CacheTimestampsModel.js`). */
  function expirationRecord(cacheName: string, url: string) {
    return { url, timestamp: 1, cacheName, id: `${cacheName}|${url}` };
  }

  beforeEach(async () => {
    await deleteRaw(database);
  });

  after(async () => {
    await deleteRaw(database);
  });

  it("deletes the records of the URLs given", async () => {
    const opened = await openRaw(database, 1, (created) => {
      const store = created.createObjectStore("cache-entries", {
        keyPath: "id",
      });
      store.createIndex("cacheName", "cacheName", { unique: false });
      store.createIndex("timestamp", "timestamp", { unique: false });
    });
    try {
      await putRecords(opened, {
        "cache-entries": [
          expirationRecord(feedCache, ended),
          expirationRecord(`${feedCache}-old`, ended),
          expirationRecord(feedCache, liveFeed),
        ],
      });

      await deleteExpirationRecords(feedCache, [`${ended}#entry`]);

      const records = await requestResult(
        opened
          .transaction("cache-entries")
          .objectStore("cache-entries")
          .getAll(),
      );
      // In key order: "-" sorts before "|".
      expect(records).to.deep.equal([
        expirationRecord(`${feedCache}-old`, ended),
        expirationRecord(feedCache, liveFeed),
      ]);
    } finally {
      opened.close();
    }
  });

  it("creates no database when there is none", async () => {
    await deleteExpirationRecords(feedCache, [ended]);

    let oldVersion: number | undefined;
    const opened = await openRaw(database, 1, (_, version) => {
      oldVersion = version;
    });
    opened.close();
    expect(oldVersion).to.equal(0);
  });
});
