/**
 * Two clients with different feeds that share one IndexedDB database, as
 * two widgets on one page or tabs of one site do: neither may undo what
 * the other wrote.
 */
import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import { writeJsonFeed } from "../../shared/formats/json-feed.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { IdbAlertStore } from "../../shared/store/idb-alert-store.js";
import { makeAlert, referenceTo, TEST_SENDER } from "../helpers/cap-alert.js";
import { capXml } from "../helpers/cap-xml.js";
import { feedUrl, setFeed, uniqueFeedName } from "../helpers/feed-harness.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");
const alert = makeAlert({ identifier: "SHARED-1" });
const key = alertKey(TEST_SENDER, "SHARED-1");

function makeClient(url: string, store: IdbAlertStore): AlertClient {
  return new AlertClient({
    feeds: [url],
    store,
    now: () => NOW,
    intervalMs: 3_600_000,
    languages: ["en"],
    // Each client polls for itself, as widgets with different feeds do.
    coordinate: false,
  });
}

describe("AlertClient sharing a database", () => {
  const opened: { client: AlertClient; store: IdbAlertStore }[] = [];
  afterEach(() => {
    for (const { client, store } of opened.splice(0)) {
      client.stop();
      store.close();
    }
  });

  async function open(name: string, url: string) {
    const store = await IdbAlertStore.open(name);
    const client = makeClient(url, store);
    opened.push({ client, store });
    return client;
  }

  it("keeps both feeds of one alert", async () => {
    const database = uniqueFeedName("shared-feeds");
    const atom = uniqueFeedName("shared-atom");
    const json = uniqueFeedName("shared-json");
    await setFeed(atom, { body: capXml(alert) });
    await setFeed(json, {
      body: writeJsonFeed([alert], alert.sent),
      contentType: "application/json",
    });
    const first = await open(database, await feedUrl(atom));
    const second = await open(database, await feedUrl(json));

    // Both load the empty store, then each writes the alert from its own
    // copy of the state.
    await Promise.all([first.refresh(), second.refresh()]);

    const stored = await IdbAlertStore.open(database);
    const { alerts } = await stored.load();
    stored.close();
    expect(alerts.get(key)?.feeds.slice().sort()).to.deep.equal(
      [await feedUrl(atom), await feedUrl(json)].sort(),
    );

    // A new visit of the second widget still finds the alert.
    const again = await open(database, await feedUrl(json));
    await again.start();
    expect(again.alerts.map((view) => view.key)).to.deep.equal([key]);
  });

  it("never brings back an alert the other ended", async () => {
    const database = uniqueFeedName("shared-cancel");
    const cancelling = uniqueFeedName("shared-cancelling");
    const stale = uniqueFeedName("shared-stale");
    await setFeed(cancelling, { body: capXml(alert) });
    await setFeed(stale, { body: capXml(alert) });
    const first = await open(database, await feedUrl(cancelling));
    const second = await open(database, await feedUrl(stale));
    await first.refresh();
    await second.refresh();

    const cancel = makeAlert({
      identifier: "SHARED-1-CANCEL",
      sent: "2024-05-01T15:00:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(alert)],
    });
    await setFeed(cancelling, { body: capXml(cancel) });
    await first.refresh();
    expect(first.alerts).to.deep.equal([]);

    // The second client has not heard of the Cancel. Its feed re-sends
    // the alert with a later sent time, so it writes the record again; the
    // tombstone in the store must win.
    await setFeed(stale, {
      body: capXml({ ...alert, sent: "2024-05-01T14:45:00-05:00" }),
    });
    await second.refresh();
    expect(second.alerts.map((view) => view.key)).to.deep.equal([key]);

    const stored = await IdbAlertStore.open(database);
    const { alerts, tombstones } = await stored.load();
    stored.close();
    expect(alerts.has(key)).to.equal(false);
    expect(tombstones.get(key)?.reason).to.equal("cancelled");
  });
});
