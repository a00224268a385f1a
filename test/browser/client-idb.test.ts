import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { IdbAlertStore } from "../../shared/store/idb-alert-store.js";
import { recordEvents } from "../helpers/alert-client-events.js";
import { makeAlert, referenceTo, TEST_SENDER } from "../helpers/cap-alert.js";
import { capXml } from "../helpers/cap-xml.js";
import { feedUrl, setFeed, uniqueFeedName } from "../helpers/feed-harness.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");
const first = makeAlert({ identifier: "TEST-1" });
const firstKey = alertKey(TEST_SENDER, "TEST-1");

function databaseName(): string {
  return uniqueFeedName("child-alert-client-test");
}

function makeClient(url: string, store: IdbAlertStore): AlertClient {
  return new AlertClient({
    feeds: [url],
    store,
    now: () => NOW,
    intervalMs: 3_600_000,
    languages: ["en"],
  });
}

describe("AlertClient with IndexedDB", () => {
  it("shows stored alerts before the network", async () => {
    const name = databaseName();
    const feed = uniqueFeedName("idb-cache");
    const url = await feedUrl(feed);
    await setFeed(feed, { body: capXml(first) });
    const firstStore = await IdbAlertStore.open(name);
    const firstVisit = makeClient(url, firstStore);
    await firstVisit.refresh();
    expect(firstVisit.alerts.map((view) => view.key)).to.deep.equal([firstKey]);
    firstVisit.stop();
    firstStore.close();

    // The next visit: the feed is slow and now has a newer version.
    const update = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T15:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    await setFeed(feed, { body: capXml(update), delayMs: 500 });
    const secondStore = await IdbAlertStore.open(name);
    const secondVisit = makeClient(url, secondStore);
    const log = recordEvents(secondVisit);
    const network = log.nextChange("network");
    await secondVisit.start();
    expect(secondVisit.storeKind).to.equal("indexeddb");
    expect(log.changes.map((change) => change.source)).to.deep.equal(["cache"]);
    expect(log.changes[0]!.alerts.map((view) => view.key)).to.deep.equal([
      firstKey,
    ]);

    // The first visit polled less than an interval ago, so start() waits
    // for the interval: refresh() polls now.
    void secondVisit.refresh();
    const change = await network;
    expect(change.updated.map((view) => view.key)).to.deep.equal([
      alertKey(TEST_SENDER, "TEST-2"),
    ]);
    expect(change.added).to.deep.equal([]);
    expect(change.removed).to.deep.equal([]);
    secondVisit.stop();
    secondStore.close();
    await IdbAlertStore.deleteDatabase(name);
  });

  it("forgets a cancelled alert's content", async () => {
    const name = databaseName();
    const feed = uniqueFeedName("idb-cancel");
    const url = await feedUrl(feed);
    await setFeed(feed, { body: capXml(first) });
    const store = await IdbAlertStore.open(name);
    const client = makeClient(url, store);
    await client.refresh();

    const cancel = makeAlert({
      identifier: "TEST-3",
      sent: "2024-05-01T14:55:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(first)],
    });
    await setFeed(feed, { body: capXml(cancel) });
    await client.refresh();
    expect(client.alerts).to.deep.equal([]);
    client.stop();
    store.close();

    const reopened = await IdbAlertStore.open(name);
    const state = await reopened.load();
    expect(state.alerts.size).to.equal(0);
    expect(state.tombstones.get(firstKey)?.reason).to.equal("cancelled");
    expect(JSON.stringify([...state.tombstones.values()])).not.to.contain(
      "AMBER",
    );
    reopened.close();
    await IdbAlertStore.deleteDatabase(name);
  });

  it("opens IndexedDB by default", async () => {
    const feed = uniqueFeedName("idb-default");
    await setFeed(feed, { body: capXml(first) });
    const client = new AlertClient({
      feeds: [await feedUrl(feed)],
      now: () => NOW,
      intervalMs: 3_600_000,
    });
    await client.refresh();
    expect(client.storeKind).to.equal("indexeddb");
    expect(client.storeFallback).to.equal(undefined);
    client.stop();
  });
});
