/**
 * IndexedDB that cannot be used: the client keeps working in memory and
 * reports it once. Each fault is made for real with the raw IndexedDB API: a
 * database of a newer version, an older connection that blocks an
 * upgrade, another page's upgrade, a missing object store, records of the
 * wrong shape.
 */
import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import type { StoreErrorDetail } from "../../shared/client/client-events.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { applyMessages } from "../../shared/lifecycle/apply-messages.js";
import { emptyLifecycleState } from "../../shared/lifecycle/lifecycle-state.js";
import { IdbAlertStore } from "../../shared/store/idb-alert-store.js";
import { openAlertStore } from "../../shared/store/open-alert-store.js";
import { AlertStoreError } from "../../shared/store/store-failure.js";
import { makeAlert, TEST_SENDER } from "../helpers/cap-alert.js";
import { capContainerXml } from "../helpers/cap-xml.js";
import { feedUrl, setFeed, uniqueFeedName } from "../helpers/feed-harness.js";
import {
  deleteRaw,
  dumpDatabase,
  openRaw,
  putRecords,
} from "../helpers/raw-indexeddb.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");
const first = makeAlert({ identifier: "TEST-1" });
const second = makeAlert({ identifier: "TEST-2" });
const firstKey = alertKey(TEST_SENDER, "TEST-1");
const secondKey = alertKey(TEST_SENDER, "TEST-2");

interface Setup {
  client: AlertClient;
  errors: StoreErrorDetail[];
  feed: string;
  url: string;
}

const clients: AlertClient[] = [];

/** Serves `first` and makes a client on database `name`, recording its store errors. */
async function makeClient(name: string): Promise<Setup> {
  const feed = uniqueFeedName("store-fault-feed");
  const url = await feedUrl(feed);
  await setFeed(feed, { body: capContainerXml([first]) });
  const client = new AlertClient({
    feeds: [url],
    databaseName: name,
    now: () => NOW,
    intervalMs: 3_600_000,
    languages: ["en"],
    retry: { maxAttempts: 1 },
  });
  clients.push(client);
  const errors: StoreErrorDetail[] = [];
  client.addEventListener("store-error", (event) => errors.push(event.detail));
  return { client, errors, feed, url };
}

/** Polls three more times with a new alert, to show that errors are not repeated per write. */
async function pollAgain({ client, feed }: Setup): Promise<void> {
  await setFeed(feed, { body: capContainerXml([first, second]) });
  for (let poll = 0; poll < 3; poll += 1) await client.refresh();
  expect(client.alerts.map((view) => view.key).sort()).to.deep.equal(
    [firstKey, secondKey].sort(),
  );
}

describe("alert store faults", () => {
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
  });

  it("uses memory when the database is newer", async () => {
    const name = uniqueFeedName("store-newer");
    (await openRaw(name, 99)).close();
    const setup = await makeClient(name);
    await setup.client.start();
    await setup.client.refresh();
    expect(setup.client.storeKind).to.equal("memory");
    expect(setup.client.alerts.map((view) => view.key)).to.deep.equal([
      firstKey,
    ]);
    await pollAgain(setup);
    expect(setup.errors).to.have.length(1);
    expect(setup.errors[0]!.kind).to.equal("newer-version");
    expect(setup.errors[0]!.fallback).to.equal(true);
    expect(setup.client.storeFallback).to.be.a("string");
    await deleteRaw(name);
  });

  it("falls back at once when an upgrade is blocked", async () => {
    const name = uniqueFeedName("store-blocked");
    // An older page keeps version 1 open and ignores versionchange.
    const old = await openRaw(name, 1, (database) => {
      database.createObjectStore("alerts", {
        keyPath: ["sender", "identifier"],
      });
    });
    try {
      // The 60 s timeout is longer than the test's own limit: the fallback
      // must come from the blocked event.
      const opened = await openAlertStore({ name, timeoutMs: 60_000 });
      expect(opened.kind).to.equal("memory");
      expect(opened.fallbackKind).to.equal("blocked");
      expect(opened.fallbackReason).to.contain("another page");

      const setup = await makeClient(name);
      await setup.client.start();
      await setup.client.refresh();
      expect(setup.client.storeKind).to.equal("memory");
      expect(setup.client.alerts.map((view) => view.key)).to.deep.equal([
        firstKey,
      ]);
      expect(setup.errors.map((error) => error.kind)).to.deep.equal([
        "blocked",
      ]);
    } finally {
      old.close();
    }
    await deleteRaw(name);
  });

  it("closes for another page's upgrade", async () => {
    const name = uniqueFeedName("store-versionchange");
    const setup = await makeClient(name);
    await setup.client.start();
    await setup.client.refresh();
    expect(setup.client.storeKind).to.equal("indexeddb");

    // Another page opens a newer version: it must not be blocked.
    const newer = await openRaw(name, 3);
    newer.close();

    await pollAgain(setup);
    expect(setup.client.storeKind).to.equal("memory");
    expect(setup.errors).to.have.length(1);
    expect(setup.errors[0]!.kind).to.equal("newer-version");
    expect(setup.errors[0]!.fallback).to.equal(true);
    await deleteRaw(name);
  });

  it("rejects calls after versionchange", async () => {
    const name = uniqueFeedName("store-closed");
    const store = await IdbAlertStore.open(name);
    (await openRaw(name, 3)).close();
    let error: unknown;
    try {
      await store.load();
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(AlertStoreError);
    expect((error as AlertStoreError).kind).to.equal("newer-version");
    await deleteRaw(name);
  });

  for (const [label, version, stores] of [
    ["version 2 without tombstones", 2, ["alerts", "feeds"]],
    ["version 1 without feeds", 1, ["alerts", "tombstones"]],
  ] as const) {
    it(`repairs a database: ${label}`, async () => {
      const name = uniqueFeedName("store-missing");
      const damaged = await openRaw(name, version, (database) => {
        for (const storeName of stores) {
          database.createObjectStore(storeName, {
            keyPath: storeName === "feeds" ? "url" : ["sender", "identifier"],
          });
        }
      });
      damaged.close();
      const setup = await makeClient(name);
      await setup.client.start();
      await setup.client.refresh();
      expect(setup.client.storeKind).to.equal("indexeddb");
      expect(setup.errors).to.deep.equal([]);
      const dump = await dumpDatabase(name);
      expect(Object.keys(dump.stores).sort()).to.deep.equal([
        "alerts",
        "feeds",
        "tombstones",
      ]);
      expect(dump.stores["alerts"]!.records).to.have.length(1);
      setup.client.stop();
      await deleteRaw(name);
    });
  }

  it("drops records of the wrong shape", async () => {
    const name = uniqueFeedName("store-shape");
    const feed = uniqueFeedName("store-shape-feed");
    const url = await feedUrl(feed);
    const good = applyMessages(emptyLifecycleState(), [second], {
      now: NOW,
      feedUrl: url,
    }).state.alerts.get(secondKey)!;
    (await IdbAlertStore.open(name)).close();
    const database = await openRaw(name, 2);
    await putRecords(database, {
      alerts: [
        good,
        { sender: "x@example.org", identifier: "BROKEN-1", text: "no fields" },
        { ...good, identifier: "BROKEN-2", endMs: "tomorrow" },
        { ...good, identifier: "BROKEN-3", alert: null },
      ],
      tombstones: [{ sender: "x@example.org", identifier: "BROKEN-4" }],
    });
    database.close();

    await setFeed(feed, { body: "down", status: 503 });
    const client = new AlertClient({
      feeds: [url],
      databaseName: name,
      now: () => NOW,
      intervalMs: 3_600_000,
      languages: ["en"],
      retry: { maxAttempts: 1 },
    });
    clients.push(client);
    const errors: StoreErrorDetail[] = [];
    client.addEventListener("store-error", (event) =>
      errors.push(event.detail),
    );
    await client.start();
    expect(client.alerts.map((view) => view.key)).to.deep.equal([secondKey]);
    expect(client.storeKind).to.equal("indexeddb");
    expect(errors).to.have.length(1);
    expect(errors[0]!.kind).to.equal("corrupt");
    expect(errors[0]!.fallback).to.equal(false);
    expect(errors[0]!.message).to.contain("4 records");
    client.stop();

    const dump = await dumpDatabase(name);
    expect(dump.stores["alerts"]!.records).to.deep.equal([good]);
    expect(dump.stores["tombstones"]!.records).to.deep.equal([]);
    await deleteRaw(name);
  });
});
