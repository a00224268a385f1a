import { expect } from "chai";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { applyMessages } from "../../shared/lifecycle/apply-messages.js";
import {
  emptyLifecycleState,
  type LifecycleState,
} from "../../shared/lifecycle/lifecycle-state.js";
import type { AlertStore } from "../../shared/store/alert-store.js";
import {
  IdbAlertStore,
  SCHEMA_VERSION,
} from "../../shared/store/idb-alert-store.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import { openAlertStore } from "../../shared/store/open-alert-store.js";
import {
  makeAlert,
  makeInfo,
  referenceTo,
  TEST_SENDER,
} from "../helpers/cap-alert.js";

const FEED = "https://feeds.example/a.xml";
const NOW = Date.parse("2024-05-01T20:00:00Z");
const first = makeAlert({ identifier: "TEST-1" });
const second = makeAlert({
  identifier: "TEST-2",
  sender: "alerts@other-police.example",
});
const update = makeAlert({
  identifier: "TEST-3",
  sent: "2024-05-01T16:00:00-05:00",
  msgType: "Update",
  references: [referenceTo(first)],
  info: [makeInfo({ headline: "TEST update" })],
});
const cancel = makeAlert({
  identifier: "TEST-4",
  sender: second.sender,
  sent: "2024-05-01T17:00:00-05:00",
  msgType: "Cancel",
  references: [referenceTo(second)],
});

let databaseCount = 0;
function databaseName(): string {
  databaseCount += 1;
  return `child-alert-test-${Date.now()}-${databaseCount}`;
}

/** Applies messages to a state and writes the change set to the store. */
async function applyAndSave(
  store: AlertStore,
  state: LifecycleState,
  messages: Parameters<typeof applyMessages>[1],
  now = NOW,
): Promise<LifecycleState> {
  const result = applyMessages(state, messages, { now, feedUrl: FEED });
  await store.saveChanges(result.changes);
  return result.state;
}

function sortedKeys(map: ReadonlyMap<string, unknown>): string[] {
  return [...map.keys()].sort();
}

function contractTests(
  label: string,
  open: () => Promise<{
    store: AlertStore;
    reopen?: () => Promise<AlertStore>;
  }>,
) {
  describe(label, () => {
    it("loads an empty state", async () => {
      const { store } = await open();
      const state = await store.load();
      expect(state.alerts.size).to.equal(0);
      expect(state.tombstones.size).to.equal(0);
      store.close();
    });

    it("round-trips alerts", async () => {
      const { store } = await open();
      const state = await applyAndSave(store, emptyLifecycleState(), [
        first,
        second,
      ]);
      const loaded = await store.load();
      expect(sortedKeys(loaded.alerts)).to.deep.equal(sortedKeys(state.alerts));
      const key = alertKey(TEST_SENDER, "TEST-1");
      expect(loaded.alerts.get(key)).to.deep.equal(state.alerts.get(key));
      store.close();
    });

    it("applies an Update change set", async () => {
      const { store } = await open();
      const afterFirst = await applyAndSave(store, emptyLifecycleState(), [
        first,
      ]);
      await applyAndSave(store, afterFirst, [update]);
      const loaded = await store.load();
      expect(sortedKeys(loaded.alerts)).to.deep.equal([
        alertKey(TEST_SENDER, "TEST-3"),
      ]);
      expect(
        loaded.alerts.get(alertKey(TEST_SENDER, "TEST-3"))!.caseKey,
      ).to.equal(alertKey(TEST_SENDER, "TEST-1"));
      expect(
        loaded.tombstones.get(alertKey(TEST_SENDER, "TEST-1"))?.reason,
      ).to.equal("superseded");
      store.close();
    });

    it("deletes a cancelled alert's content", async () => {
      const { store } = await open();
      const held = await applyAndSave(store, emptyLifecycleState(), [
        first,
        second,
      ]);
      await applyAndSave(store, held, [cancel]);
      const loaded = await store.load();
      const secondKey = alertKey(second.sender, "TEST-2");
      expect(loaded.alerts.has(secondKey)).to.equal(false);
      expect(loaded.alerts.has(alertKey(TEST_SENDER, "TEST-1"))).to.equal(true);
      const tombstone = loaded.tombstones.get(secondKey)!;
      expect(tombstone.reason).to.equal("cancelled");
      expect(JSON.stringify(tombstone)).not.to.contain("AMBER");
      expect(loaded.tombstones.has(alertKey(second.sender, "TEST-4"))).to.equal(
        true,
      );
      store.close();
    });

    it("records a second feed", async () => {
      const { store } = await open();
      const held = await applyAndSave(store, emptyLifecycleState(), [first]);
      const result = applyMessages(held, [first], {
        now: NOW,
        feedUrl: "https://mirror.example/b.xml",
      });
      await store.saveChanges(result.changes);
      const loaded = await store.load();
      expect(
        loaded.alerts.get(alertKey(TEST_SENDER, "TEST-1"))!.feeds,
      ).to.deep.equal([FEED, "https://mirror.example/b.xml"]);
      store.close();
    });

    it("expires and prunes", async () => {
      const { store } = await open();
      const held = await applyAndSave(store, emptyLifecycleState(), [first]);
      const dayLater = Date.parse("2024-05-02T19:30:00Z");
      const expired = await applyAndSave(store, held, [], dayLater);
      let loaded = await store.load();
      expect(loaded.alerts.size).to.equal(0);
      expect(loaded.tombstones.size).to.equal(1);
      await applyAndSave(store, expired, [], dayLater + 31 * 86_400_000);
      loaded = await store.load();
      expect(loaded.tombstones.size).to.equal(0);
      store.close();
    });

    it("stores feed records", async () => {
      const { store } = await open();
      expect(await store.getFeed(FEED)).to.equal(undefined);
      await store.putFeed({
        url: FEED,
        etag: '"abc"',
        lastModified: "Wed, 01 May 2024 19:30:00 GMT",
        lastGoodFetchMs: NOW,
      });
      await store.putFeed({
        url: FEED,
        etag: '"def"',
        lastGoodFetchMs: NOW,
        lastErrorMs: NOW + 1,
        lastError: "HTTP 500",
      });
      expect(await store.getFeed(FEED)).to.deep.equal({
        url: FEED,
        etag: '"def"',
        lastGoodFetchMs: NOW,
        lastErrorMs: NOW + 1,
        lastError: "HTTP 500",
      });
      store.close();
    });

    it("returns copies", async () => {
      const { store } = await open();
      await applyAndSave(store, emptyLifecycleState(), [first]);
      const loaded = await store.load();
      loaded.alerts.get(alertKey(TEST_SENDER, "TEST-1"))!.feeds.push("x");
      const again = await store.load();
      expect(
        again.alerts.get(alertKey(TEST_SENDER, "TEST-1"))!.feeds,
      ).to.deep.equal([FEED]);
      store.close();
    });
  });
}

contractTests("MemoryAlertStore", async () => ({
  store: new MemoryAlertStore(),
}));

contractTests("IdbAlertStore", async () => ({
  store: await IdbAlertStore.open(databaseName()),
}));

describe("IdbAlertStore database", () => {
  it("keeps alerts after reopening", async () => {
    const name = databaseName();
    const store = await IdbAlertStore.open(name);
    await applyAndSave(store, emptyLifecycleState(), [first, cancel]);
    await store.putFeed({ url: FEED, etag: '"v1"' });
    store.close();

    const reopened = await IdbAlertStore.open(name);
    const loaded = await reopened.load();
    expect(sortedKeys(loaded.alerts)).to.deep.equal([
      alertKey(TEST_SENDER, "TEST-1"),
    ]);
    expect(loaded.tombstones.size).to.equal(2);
    expect((await reopened.getFeed(FEED))?.etag).to.equal('"v1"');
    reopened.close();
    await IdbAlertStore.deleteDatabase(name);
  });

  it("writes a large change set whole", async () => {
    // 250 alerts span three slices of merge requests in one transaction.
    const name = databaseName();
    const store = await IdbAlertStore.open(name);
    const many = Array.from({ length: 250 }, (_, index) =>
      makeAlert({ identifier: `TEST-MANY-${index}` }),
    );
    const state = await applyAndSave(store, emptyLifecycleState(), many);
    const loaded = await store.load();
    expect(loaded.alerts.size).to.equal(250);
    expect(sortedKeys(loaded.alerts)).to.deep.equal(sortedKeys(state.alerts));
    const last = alertKey(TEST_SENDER, "TEST-MANY-249");
    expect(loaded.alerts.get(last)).to.deep.equal(state.alerts.get(last));
    store.close();
    await IdbAlertStore.deleteDatabase(name);
  });

  it("writes nothing when a late slice fails", async () => {
    // The 240th record cannot be cloned, so its put throws in the third
    // slice: the records of the first two slices must not stay either.
    const name = databaseName();
    const store = await IdbAlertStore.open(name);
    const held = await applyAndSave(store, emptyLifecycleState(), [first]);
    const many = Array.from({ length: 250 }, (_, index) =>
      makeAlert({ identifier: `TEST-MANY-${index}` }),
    );
    const { changes } = applyMessages(held, many, { now: NOW, feedUrl: FEED });
    const broken = changes.added.find(
      (alert) => alert.identifier === "TEST-MANY-239",
    )!;
    (broken as unknown as { uncloneable: () => void }).uncloneable = () => {};

    let failure: unknown;
    try {
      await store.saveChanges(changes);
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.an("error");
    const loaded = await store.load();
    expect(sortedKeys(loaded.alerts)).to.deep.equal([
      alertKey(TEST_SENDER, "TEST-1"),
    ]);
    store.close();
    await IdbAlertStore.deleteDatabase(name);
  });

  it("creates the version 1 schema", async () => {
    const name = databaseName();
    const store = await IdbAlertStore.open(name);
    store.close();
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(database.version).to.equal(SCHEMA_VERSION);
    expect([...database.objectStoreNames].sort()).to.deep.equal([
      "alerts",
      "feeds",
      "tombstones",
    ]);
    const transaction = database.transaction(
      ["alerts", "tombstones", "feeds"],
      "readonly",
    );
    expect(transaction.objectStore("alerts").keyPath).to.deep.equal([
      "sender",
      "identifier",
    ]);
    expect(transaction.objectStore("tombstones").keyPath).to.deep.equal([
      "sender",
      "identifier",
    ]);
    expect(transaction.objectStore("feeds").keyPath).to.equal("url");
    database.close();
    await IdbAlertStore.deleteDatabase(name);
  });
});

describe("openAlertStore", () => {
  it("opens IndexedDB", async () => {
    const name = databaseName();
    const opened = await openAlertStore({ name });
    expect(opened.kind).to.equal("indexeddb");
    expect(opened.store.kind).to.equal("indexeddb");
    expect(opened.fallbackReason).to.equal(undefined);
    opened.store.close();
    await IdbAlertStore.deleteDatabase(name);
  });

  it("falls back when the open fails", async () => {
    // A database already at a higher version than SCHEMA_VERSION makes the
    // open fail with a VersionError, as real IndexedDB does for a page whose
    // code is older than the stored database.
    const name = databaseName();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, SCHEMA_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    newer.close();

    const opened = await openAlertStore({ name });
    expect(opened.kind).to.equal("memory");
    expect(opened.store.kind).to.equal("memory");
    expect(opened.fallbackReason).to.match(/VersionError/);

    await applyAndSave(opened.store, emptyLifecycleState(), [first]);
    expect((await opened.store.load()).alerts.size).to.equal(1);
    opened.store.close();
    await IdbAlertStore.deleteDatabase(name);
  });
});
