/**
 * Schema upgrades keep every alert: a database written at version 1 with
 * the raw IndexedDB API, as version 1 of the store laid it out, is opened
 * by the current store.
 */
import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { applyMessages } from "../../shared/lifecycle/apply-messages.js";
import { emptyLifecycleState } from "../../shared/lifecycle/lifecycle-state.js";
import type { FeedRecord } from "../../shared/store/alert-store.js";
import {
  IdbAlertStore,
  SCHEMA_VERSION,
} from "../../shared/store/idb-alert-store.js";
import { recordEvents } from "../helpers/alert-client-events.js";
import { makeAlert, referenceTo, TEST_SENDER } from "../helpers/cap-alert.js";
import { feedUrl, setFeed, uniqueFeedName } from "../helpers/feed-harness.js";
import {
  deleteRaw,
  dumpDatabase,
  openRaw,
  putRecords,
} from "../helpers/raw-indexeddb.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");
const FEED = "https://feeds.example/a.xml";
const DAY = 86_400_000;

/** Creates the three object stores of schema version 1, without indexes. */
function createVersion1(database: IDBDatabase): void {
  database.createObjectStore("alerts", { keyPath: ["sender", "identifier"] });
  database.createObjectStore("tombstones", {
    keyPath: ["sender", "identifier"],
  });
  database.createObjectStore("feeds", { keyPath: "url" });
}

/** Builds a version 1 database holding three alerts, a tombstone and a feed record. */
async function writeVersion1(name: string, feedUrl = FEED) {
  const first = makeAlert({ identifier: "TEST-1" });
  const cancelled = makeAlert({ identifier: "TEST-2" });
  const cancel = makeAlert({
    identifier: "TEST-3",
    sent: "2024-05-01T14:40:00-05:00",
    msgType: "Cancel",
    references: [referenceTo(cancelled)],
  });
  const third = makeAlert({
    identifier: "TEST-4",
    sender: "alerts@other-police.example",
  });
  const fourth = makeAlert({ identifier: "TEST-5" });
  const { state } = applyMessages(
    emptyLifecycleState(),
    [first, cancelled, cancel, third, fourth],
    { now: NOW, feedUrl },
  );
  const record: FeedRecord = {
    url: feedUrl,
    etag: '"v1"',
    lastGoodFetchMs: NOW,
  };
  const database = await openRaw(name, 1, createVersion1);
  await putRecords(database, {
    alerts: [...state.alerts.values()],
    tombstones: [...state.tombstones.values()],
    feeds: [record],
  });
  database.close();
  return { state, record };
}

describe("IdbAlertStore schema upgrade", () => {
  it("keeps every alert of version 1", async () => {
    const name = uniqueFeedName("store-v1");
    const { state, record } = await writeVersion1(name);
    expect(state.alerts.size).to.equal(3);
    expect(state.tombstones.size).to.be.at.least(1);

    const store = await IdbAlertStore.open(name);
    const loaded = await store.load();
    expect([...loaded.alerts.keys()].sort()).to.deep.equal(
      [...state.alerts.keys()].sort(),
    );
    for (const [key, alert] of state.alerts) {
      expect(loaded.alerts.get(key), key).to.deep.equal(alert);
    }
    expect(loaded.tombstones).to.deep.equal(state.tombstones);
    expect(loaded.invalidRecords).to.equal(undefined);
    expect(await store.getFeed(FEED)).to.deep.equal(record);
    store.close();

    const dump = await dumpDatabase(name);
    expect(dump.version).to.equal(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).to.equal(2);
    expect(dump.stores["tombstones"]!.indexes).to.deep.equal(["endedMs"]);
    expect(dump.stores["alerts"]!.records).to.have.length(3);
    await deleteRaw(name);
  });

  it("prunes tombstones by the new index", async () => {
    const name = uniqueFeedName("store-v1-prune");
    const { state } = await writeVersion1(name);
    const store = await IdbAlertStore.open(name);
    // Every tombstone was written at NOW.
    expect(await store.pruneTombstones(NOW)).to.equal(0);
    expect(await store.pruneTombstones(NOW + 1)).to.equal(
      state.tombstones.size,
    );
    const loaded = await store.load();
    expect(loaded.tombstones.size).to.equal(0);
    expect(loaded.alerts.size).to.equal(3);
    store.close();
    await deleteRaw(name);
  });

  it("shows version 1 alerts before the network", async () => {
    const name = uniqueFeedName("store-v1-client");
    const feed = uniqueFeedName("store-v1-feed");
    const url = await feedUrl(feed);
    const { state } = await writeVersion1(name, url);
    await setFeed(feed, { body: "down", status: 503 });
    const client = new AlertClient({
      feeds: [url],
      databaseName: name,
      now: () => NOW,
      intervalMs: 3_600_000,
      languages: ["en"],
      retry: { maxAttempts: 1 },
      coordinate: false,
    });
    const log = recordEvents(client);
    await client.start();
    expect(client.storeKind).to.equal("indexeddb");
    expect(log.changes[0]!.source).to.equal("cache");
    expect(client.alerts.map((view) => view.key).sort()).to.deep.equal(
      [...state.alerts.keys()].sort(),
    );
    expect(client.alerts.map((view) => view.key)).to.include(
      alertKey(TEST_SENDER, "TEST-1"),
    );
    client.stop();
    await IdbAlertStore.deleteDatabase(name);
  });

  it("keeps tombstones within their retention", async () => {
    const name = uniqueFeedName("store-v1-retention");
    const { state } = await writeVersion1(name);
    const store = await IdbAlertStore.open(name);
    expect(await store.pruneTombstones(NOW - 29 * DAY)).to.equal(0);
    expect((await store.load()).tombstones.size).to.equal(
      state.tombstones.size,
    );
    store.close();
    await deleteRaw(name);
  });
});
