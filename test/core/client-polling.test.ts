import { expect } from "chai";
import {
  AlertClient,
  type AlertClientOptions,
} from "../../shared/client/alert-client.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { applyMessages } from "../../shared/lifecycle/apply-messages.js";
import { emptyLifecycleState } from "../../shared/lifecycle/lifecycle-state.js";
import type { CapAlert } from "../../shared/model/cap.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import { recordEvents } from "../helpers/alert-client-events.js";
import {
  makeAlert,
  makeInfo,
  referenceTo,
  TEST_SENDER,
} from "../helpers/cap-alert.js";
import { atomIndexXml, capContainerXml, capXml } from "../helpers/cap-xml.js";
import {
  feedRequests,
  feedUrl,
  setFeed,
  stopFeedServer,
  uniqueFeedName,
} from "../helpers/feed-harness.js";

/** Half an hour after the invented alerts were sent, before they expire. */
const NOW = Date.parse("2024-05-01T20:00:00Z");

const first = makeAlert({ identifier: "TEST-1" });
const firstKey = alertKey(TEST_SENDER, "TEST-1");
const update = makeAlert({
  identifier: "TEST-2",
  sent: "2024-05-01T16:00:00-05:00",
  msgType: "Update",
  references: [referenceTo(first)],
  info: [makeInfo({ headline: "TEST update - invented" })],
});
const updateKey = alertKey(TEST_SENDER, "TEST-2");

const clients: AlertClient[] = [];

function makeClient(
  feeds: string[],
  options: Partial<AlertClientOptions> = {},
): { client: AlertClient; store: MemoryAlertStore } {
  const store = new MemoryAlertStore();
  const client = new AlertClient({
    feeds,
    store,
    now: () => NOW,
    // Long enough that no timed poll runs during a test: tests poll with refresh().
    intervalMs: 3_600_000,
    languages: ["en"],
    // One request per feed and poll; retries have their own tests.
    retry: { maxAttempts: 1 },
    ...options,
  });
  clients.push(client);
  return { client, store };
}

async function serve(name: string, alerts: CapAlert[]): Promise<void> {
  await setFeed(name, {
    body: alerts.length === 1 ? capXml(alerts[0]!) : capContainerXml(alerts),
  });
}

function shownKeys(client: AlertClient): string[] {
  return client.alerts.map((view) => view.key);
}

describe("AlertClient polling", () => {
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
  });
  after(stopFeedServer);

  it("shows alerts from a feed", async () => {
    const name = uniqueFeedName("client-basic");
    await serve(name, [first]);
    const url = await feedUrl(name);
    const { client } = makeClient([url]);
    const log = recordEvents(client);
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal([firstKey]);
    expect(client.alerts[0]!.headline).to.equal(
      "TEST AMBER Alert - invented data",
    );
    expect(log.changes).to.have.length(1);
    expect(log.changes[0]!.source).to.equal("network");
    expect(log.changes[0]!.added.map((view) => view.key)).to.deep.equal([
      firstKey,
    ]);
    expect(client.feedStatus(url)?.lastGoodFetchMs).to.be.a("number");
    expect(client.feedStatus(url)?.lastError).to.equal(undefined);
  });

  it("polls conditionally", async () => {
    const name = uniqueFeedName("client-304");
    await serve(name, [first]);
    const { client } = makeClient([await feedUrl(name)]);
    const log = recordEvents(client);
    await client.refresh();
    await client.refresh();
    const requests = await feedRequests(name);
    expect(requests).to.have.length(2);
    expect(requests[0]!.ifNoneMatch).to.equal(null);
    expect(requests[1]!.ifNoneMatch).to.match(/^"[0-9a-f]+"$/);
    expect(requests[1]!.status).to.equal(304);
    expect(requests[1]!.bytes).to.equal(0);
    expect(shownKeys(client)).to.deep.equal([firstKey]);
    expect(log.changes).to.have.length(1);
  });

  it("keeps alerts through a 500", async () => {
    const name = uniqueFeedName("client-500");
    const url = await feedUrl(name);
    await serve(name, [first]);
    const { client } = makeClient([url]);
    const log = recordEvents(client);
    await client.refresh();

    await setFeed(name, { body: "Internal error", status: 500 });
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal([firstKey]);
    expect(log.errors).to.have.length(1);
    expect(log.errors[0]!.url).to.equal(url);
    expect(log.errors[0]!.message).to.contain("HTTP 500");
    expect(client.feedStatus(url)?.lastError).to.contain("HTTP 500");
    expect(log.changes).to.have.length(1);

    await serve(name, [update]);
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal([updateKey]);
    expect(log.changes).to.have.length(2);
    expect(log.changes[1]!.updated.map((view) => view.key)).to.deep.equal([
      updateKey,
    ]);
  });

  it("keeps alerts through a cut body", async () => {
    const name = uniqueFeedName("client-cut");
    const url = await feedUrl(name);
    await serve(name, [first]);
    const { client, store } = makeClient([url]);
    const log = recordEvents(client);
    await client.refresh();
    const goodEtag = (await store.getFeed(url))?.etag;
    expect(goodEtag).to.be.a("string");

    const second = makeAlert({ identifier: "TEST-9" });
    const body = capContainerXml([first, second]);
    await setFeed(name, { body, truncate: true });
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal([firstKey]);
    expect(log.errors).to.have.length(1);
    expect((await store.getFeed(url))?.etag).to.equal(goodEtag);

    // The same body, now whole: had the cut response's ETag been stored,
    // this request would get a 304 and the second alert would never show.
    await setFeed(name, { body });
    await client.refresh();
    expect(shownKeys(client).sort()).to.deep.equal([
      firstKey,
      alertKey(TEST_SENDER, "TEST-9"),
    ]);
    const requests = await feedRequests(name);
    expect(requests[2]!.ifNoneMatch).to.equal(goodEtag);
    expect(requests[2]!.status).to.equal(200);
  });

  it("keeps alerts through an unreadable body", async () => {
    const name = uniqueFeedName("client-html");
    const url = await feedUrl(name);
    await serve(name, [first]);
    const { client, store } = makeClient([url]);
    const log = recordEvents(client);
    await client.refresh();
    const goodEtag = (await store.getFeed(url))?.etag;

    await setFeed(name, {
      body: "<!DOCTYPE html><html><body>Maintenance</body></html>",
      contentType: "text/html",
    });
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal([firstKey]);
    expect(log.errors).to.have.length(1);
    expect(log.errors[0]!.message).to.contain("could not be read");
    expect((await store.getFeed(url))?.etag).to.equal(goodEtag);
    expect(client.feedStatus(url)?.lastError).to.contain("could not be read");
  });

  it("removes a cancelled alert", async () => {
    const name = uniqueFeedName("client-cancel");
    await serve(name, [first]);
    const { client } = makeClient([await feedUrl(name)]);
    const log = recordEvents(client);
    await client.refresh();

    const cancel = makeAlert({
      identifier: "TEST-3",
      sent: "2024-05-01T14:50:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(first, "2024-05-01T19:30:00Z")],
    });
    await serve(name, [cancel]);
    await client.refresh();
    expect(client.alerts).to.deep.equal([]);
    expect(log.changes).to.have.length(2);
    expect(log.changes[1]!.removed).to.deep.equal([
      { key: firstKey, reason: "cancelled" },
    ]);
    expect(log.changes[1]!.added).to.deep.equal([]);
  });

  it("replaces an alert with its Update", async () => {
    const name = uniqueFeedName("client-update");
    await serve(name, [first]);
    const { client } = makeClient([await feedUrl(name)]);
    const log = recordEvents(client);
    await client.refresh();

    await serve(name, [update]);
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal([updateKey]);
    expect(client.alerts[0]!.caseKey).to.equal(firstKey);
    expect(client.alerts[0]!.headline).to.equal("TEST update - invented");
    const change = log.changes[1]!;
    expect(change.added).to.deep.equal([]);
    expect(change.removed).to.deep.equal([]);
    expect(change.updated.map((view) => view.key)).to.deep.equal([updateKey]);
  });

  it("keeps an alert that leaves the feed", async () => {
    const name = uniqueFeedName("client-short");
    await serve(name, [first]);
    const { client } = makeClient([await feedUrl(name)]);
    await client.refresh();
    await setFeed(name, { body: capContainerXml([]) });
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal([firstKey]);
  });

  it("merges one alert from two feeds", async () => {
    const nameA = uniqueFeedName("client-dup-a");
    const nameB = uniqueFeedName("client-dup-b");
    await serve(nameA, [first]);
    await serve(nameB, [first, first]);
    const { client, store } = makeClient([
      await feedUrl(nameA),
      await feedUrl(nameB),
    ]);
    const log = recordEvents(client);
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal([firstKey]);
    expect(log.changes).to.have.length(1);
    expect(log.changes[0]!.added).to.have.length(1);
    const stored = (await store.load()).alerts.get(firstKey)!;
    expect(stored.feeds).to.deep.equal([
      await feedUrl(nameA),
      await feedUrl(nameB),
    ]);
  });

  it("filters by place", async () => {
    const name = uniqueFeedName("client-place");
    const north = makeAlert({
      identifier: "TEST-N",
      info: [
        makeInfo({
          headline: "TEST north",
          area: [
            {
              areaDesc: "North (invented)",
              polygon: [],
              circle: [{ lat: 40, lon: -100, radius: 10 }],
              geocode: [],
            },
          ],
        }),
      ],
    });
    const south = makeAlert({
      identifier: "TEST-S",
      info: [
        makeInfo({
          headline: "TEST south",
          area: [
            {
              areaDesc: "South (invented)",
              polygon: [
                [
                  [30, -101],
                  [30, -99],
                  [31, -99],
                  [31, -101],
                  [30, -101],
                ],
              ],
              circle: [],
              geocode: [],
            },
          ],
        }),
      ],
    });
    await serve(name, [north, south]);
    const { client } = makeClient([await feedUrl(name)], {
      place: { lat: 40.01, lon: -100.01, radius: 0 },
    });
    const log = recordEvents(client);
    await client.refresh();
    expect(client.alerts.map((view) => view.headline)).to.deep.equal([
      "TEST north",
    ]);

    client.update({ place: { lat: 30.5, lon: -100, radius: 5 } });
    expect(client.alerts.map((view) => view.headline)).to.deep.equal([
      "TEST south",
    ]);
    const change = log.changes.at(-1)!;
    expect(change.source).to.equal("options");
    expect(change.added.map((view) => view.headline)).to.deep.equal([
      "TEST south",
    ]);
    expect(change.removed).to.deep.equal([
      { key: alertKey(TEST_SENDER, "TEST-N"), reason: "filtered" },
    ]);

    client.update({ place: null });
    expect(client.alerts).to.have.length(2);
  });

  it("filters by region", async () => {
    const name = uniqueFeedName("client-region");
    await serve(name, [first]);
    const { client } = makeClient([await feedUrl(name)], {
      regions: ["SAME:099003"],
    });
    await client.refresh();
    expect(client.alerts).to.deep.equal([]);
    client.update({ regions: ["SAME:099001"] });
    expect(shownKeys(client)).to.deep.equal([firstKey]);
  });

  it("rejects an invalid region", () => {
    expect(() => new AlertClient({ feeds: [], regions: ["nocolon"] })).to.throw(
      TypeError,
      /valueName:value/,
    );
  });

  it("filters by status and event", async () => {
    const name = uniqueFeedName("client-status");
    const testAlert = makeAlert({ identifier: "TEST-T", status: "Test" });
    const weather = makeAlert({
      identifier: "TEST-W",
      info: [makeInfo({ event: "Flood Warning", eventCode: [] })],
    });
    await serve(name, [first, testAlert, weather]);
    const { client } = makeClient([await feedUrl(name)]);
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal([firstKey]);
    client.update({ includeTest: true });
    expect(shownKeys(client).sort()).to.deep.equal([
      firstKey,
      alertKey(TEST_SENDER, "TEST-T"),
    ]);
    client.update({ events: ["all"] });
    expect(client.alerts).to.have.length(3);
  });

  it("chooses the reader's language", async () => {
    const name = uniqueFeedName("client-language");
    const bilingual = makeAlert({
      info: [
        makeInfo({ language: "en-US", headline: "TEST English" }),
        makeInfo({ language: "el-GR", headline: "TEST Ελληνικά" }),
      ],
    });
    await serve(name, [bilingual]);
    const { client } = makeClient([await feedUrl(name)], {
      languages: ["el-GR", "en"],
    });
    await client.refresh();
    expect(client.alerts[0]!.headline).to.equal("TEST Ελληνικά");
    client.update({ languages: ["en"] });
    expect(client.alerts[0]!.headline).to.equal("TEST English");
  });

  it("emits the cache before the network", async () => {
    const name = uniqueFeedName("client-cache");
    const fresh = makeAlert({ identifier: "TEST-NEW" });
    await setFeed(name, {
      body: capContainerXml([first, fresh]),
      delayMs: 500,
    });
    const url = await feedUrl(name);
    const { client, store } = makeClient([url]);
    const cached = applyMessages(emptyLifecycleState(), [first], {
      now: NOW,
      feedUrl: url,
    });
    await store.saveChanges(cached.changes);

    const log = recordEvents(client);
    const network = log.nextChange("network");
    await client.start();
    expect(log.changes.map((change) => change.source)).to.deep.equal(["cache"]);
    expect(log.changes[0]!.alerts.map((view) => view.key)).to.deep.equal([
      firstKey,
    ]);
    expect(log.changes[0]!.added.map((view) => view.key)).to.deep.equal([
      firstKey,
    ]);

    const change = await network;
    expect(log.changes.map((entry) => entry.source)).to.deep.equal([
      "cache",
      "network",
    ]);
    expect(change.added.map((view) => view.key)).to.deep.equal([
      alertKey(TEST_SENDER, "TEST-NEW"),
    ]);
  });

  it("joins a running poll on refresh", async () => {
    const name = uniqueFeedName("client-join");
    await setFeed(name, { body: capXml(first), delayMs: 300 });
    const { client } = makeClient([await feedUrl(name)]);
    await client.start();
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal([firstKey]);
    expect(await feedRequests(name)).to.have.length(1);
  });

  it("stops without a network change", async () => {
    const name = uniqueFeedName("client-stop");
    await setFeed(name, { body: capXml(first), delayMs: 1000 });
    const { client } = makeClient([await feedUrl(name)]);
    const log = recordEvents(client);
    await client.start();
    const polling = client.refresh();
    client.stop();
    client.stop();
    await polling;
    expect(log.changes.map((change) => change.source)).to.deep.equal(["cache"]);
    expect(client.alerts).to.deep.equal([]);
  });

  it("polls again on its interval", async () => {
    const name = uniqueFeedName("client-interval");
    await serve(name, [first]);
    const { client } = makeClient([await feedUrl(name)], { intervalMs: 1000 });
    const log = recordEvents(client);
    await client.start();
    await log.nextChange("network");
    await serve(name, [update]);
    const next = await log.nextChange("network");
    expect(next.updated.map((view) => view.key)).to.deep.equal([updateKey]);
    expect((await feedRequests(name)).length).to.be.at.least(2);
  });

  it("waits for Retry-After", async () => {
    const name = uniqueFeedName("client-retry");
    const url = await feedUrl(name);
    await setFeed(name, {
      body: "busy",
      status: 503,
      headers: { "Retry-After": "3600" },
    });
    const { client } = makeClient([url]);
    const log = recordEvents(client);
    await client.refresh();
    expect(log.errors).to.have.length(1);
    expect(log.errors[0]!.message).to.contain("HTTP 503");

    await serve(name, [first]);
    await client.refresh();
    expect(await feedRequests(name)).to.have.length(1);
    expect(client.alerts).to.deep.equal([]);
    expect(client.feedStatus(url)?.lastError).to.contain("HTTP 503");
    expect(client.feedStatus("not a url")).to.equal(undefined);
  });

  it("fetches linked documents", async () => {
    const index = uniqueFeedName("client-index");
    const docA = uniqueFeedName("client-doc-a");
    const docB = uniqueFeedName("client-doc-b");
    const docC = uniqueFeedName("client-doc-c");
    const alertB = makeAlert({ identifier: "TEST-B" });
    const alertC = makeAlert({ identifier: "TEST-C" });
    await serve(docA, [first]);
    await serve(docB, [alertB]);
    await setFeed(docC, { body: "gone", status: 500 });
    const entries = [
      {
        url: await feedUrl(docA),
        id: "a",
        updated: "2024-05-01T14:31:00-05:00",
        alert: first,
      },
      {
        url: await feedUrl(docB),
        id: "b",
        updated: "2024-05-01T14:31:00-05:00",
      },
    ];
    await setFeed(index, { body: atomIndexXml(entries) });
    const indexUrl = await feedUrl(index);
    const { client, store } = makeClient([indexUrl]);
    const log = recordEvents(client);
    await client.refresh();
    expect(shownKeys(client).sort()).to.deep.equal([
      firstKey,
      alertKey(TEST_SENDER, "TEST-B"),
    ]);
    expect(log.errors).to.deep.equal([]);

    // The index changes: a failing third link is added. The two documents
    // already read are skipped, the failure is reported per link, and the
    // index's new validators are not stored so the link is tried again.
    const withC = [
      ...entries,
      {
        url: await feedUrl(docC),
        id: "c",
        updated: "2024-05-01T14:40:00-05:00",
        alert: alertC,
      },
    ];
    await setFeed(index, { body: atomIndexXml(withC) });
    const etagBefore = (await store.getFeed(indexUrl))?.etag;
    await client.refresh();
    expect(await feedRequests(docA)).to.have.length(1);
    expect(await feedRequests(docB)).to.have.length(1);
    expect(await feedRequests(docC)).to.have.length(1);
    expect(log.errors).to.have.length(1);
    expect(log.errors[0]!.url).to.equal(await feedUrl(docC));
    expect(log.errors[0]!.feedUrl).to.equal(indexUrl);
    expect((await store.getFeed(indexUrl))?.etag).to.equal(etagBefore);

    await serve(docC, [alertC]);
    await client.refresh();
    expect(shownKeys(client)).to.include(alertKey(TEST_SENDER, "TEST-C"));
    const indexRequests = await feedRequests(index);
    expect(indexRequests.at(-1)!.status).to.equal(200);
  });
});
