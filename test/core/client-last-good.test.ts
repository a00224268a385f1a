/**
 * Last good data: when a feed fails or sends a broken body, the alerts of
 * its last good fetch stay, each until its own end time, and the client
 * says when the data is stale. The client's `now` clock is moved forward
 * instead of waiting for real intervals.
 */
import { expect } from "chai";
import {
  AlertClient,
  type AlertClientOptions,
} from "../../shared/client/alert-client.js";
import type { StatusDetail } from "../../shared/client/client-events.js";
import {
  isStale,
  STALE_AFTER_INTERVALS,
} from "../../shared/client/staleness.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import { recordEvents } from "../helpers/alert-client-events.js";
import { makeAlert, makeInfo, TEST_SENDER } from "../helpers/cap-alert.js";
import { capContainerXml } from "../helpers/cap-xml.js";
import {
  feedRequests,
  feedUrl,
  setFeed,
  stopFeedServer,
  uniqueFeedName,
} from "../helpers/feed-harness.js";
import type { FeedScript } from "../harness/feed-server.js";

/** Half an hour after the invented alerts were sent. */
const START = Date.parse("2024-05-01T20:00:00Z");
/** The polling interval: localhost feeds may poll every second. */
const INTERVAL = 1_000;

/** Ends 5 intervals after START. */
const shortAlert = makeAlert({
  identifier: "TEST-SHORT",
  info: [makeInfo({ expires: "2024-05-01T20:00:05Z" })],
});
/** Ends a day later. */
const longAlert = makeAlert({ identifier: "TEST-LONG" });
const shortKey = alertKey(TEST_SENDER, "TEST-SHORT");
const longKey = alertKey(TEST_SENDER, "TEST-LONG");

const clients: AlertClient[] = [];

/** Makes a client on a clock that the test moves by hand. */
function makeClient(
  feeds: string[],
  options: Partial<AlertClientOptions> = {},
): { client: AlertClient; clock: { now: number } } {
  const clock = { now: START };
  const client = new AlertClient({
    feeds,
    store: new MemoryAlertStore(),
    now: () => clock.now,
    intervalMs: INTERVAL,
    languages: ["en"],
    retry: { maxAttempts: 1 },
    ...options,
  });
  clients.push(client);
  return { client, clock };
}

function shownKeys(client: AlertClient): string[] {
  return client.alerts.map((view) => view.key).sort();
}

function recordStatus(client: AlertClient): StatusDetail[] {
  const statuses: StatusDetail[] = [];
  client.addEventListener("status", (event) => statuses.push(event.detail));
  return statuses;
}

describe("AlertClient last good data", () => {
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
  });
  after(stopFeedServer);

  it("keeps alerts through a long outage", async () => {
    const name = uniqueFeedName("outage");
    const url = await feedUrl(name);
    await setFeed(name, { body: capContainerXml([shortAlert, longAlert]) });
    const { client, clock } = makeClient([url]);
    const log = recordEvents(client);
    const statuses = recordStatus(client);
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal([longKey, shortKey].sort());
    expect(client.stale).to.equal(false);
    expect(client.lastGoodFetch).to.equal(START);
    expect(log.changes[0]!.stale).to.equal(false);
    expect(log.changes[0]!.lastGoodFetch).to.equal(START);

    await setFeed(name, { body: "Internal error", status: 500 });
    for (let interval = 1; interval <= 10; interval += 1) {
      clock.now = START + interval * INTERVAL;
      await client.refresh();
      // Each alert stays until its own end time, five intervals in.
      const expected = interval < 5 ? [longKey, shortKey] : [longKey];
      expect(shownKeys(client), `interval ${interval}`).to.deep.equal(
        expected.sort(),
      );
      expect(client.stale, `interval ${interval}`).to.equal(
        interval > STALE_AFTER_INTERVALS,
      );
    }
    expect(log.errors).to.have.length(10);
    expect(client.lastGoodFetch).to.equal(START);
    const status = client.feedStatus(url)!;
    expect(status.stale).to.equal(true);
    expect(status.lastGoodFetchMs).to.equal(START);
    expect(status.lastError).to.contain("HTTP 500");
    // The short alert left by its end time, not because the feed failed.
    const expiry = log.changes.find((change) => change.removed.length > 0)!;
    expect(expiry.removed).to.deep.equal([
      { key: shortKey, reason: "expired" },
    ]);
    expect(expiry.stale).to.equal(true);
    // One status event when the data went stale, none per failed poll.
    const staleEvents = statuses.filter((entry) => entry.stale);
    expect(staleEvents).to.have.length(1);
    expect(staleEvents[0]!.lastGoodFetch).to.equal(START);
    expect(staleEvents[0]!.feeds[0]!.stale).to.equal(true);
  });

  it("reads good feeds beside a hostile one", async () => {
    const good = uniqueFeedName("last-good-beside");
    const hostile = uniqueFeedName("last-good-hostile");
    await setFeed(good, { body: capContainerXml([longAlert]) });
    // About 10 KB of JSON nested deeper than a recursive reader can go.
    const deep = "[".repeat(5000) + "]".repeat(5000);
    await setFeed(hostile, {
      body: `{"format":"child-alert-feed","version":1,"alerts":${deep}}`,
      contentType: "application/json",
    });
    const { client } = makeClient([
      await feedUrl(hostile),
      await feedUrl(good),
    ]);
    const log = recordEvents(client);

    await client.refresh();

    expect(shownKeys(client)).to.deep.equal([longKey]);
    expect(log.errors).to.have.length(1);
    expect(log.errors[0]!.url).to.equal(await feedUrl(hostile));
    expect(log.errors[0]!.reason).to.equal("unreadable");
  });

  it("shows new alerts on recovery", async () => {
    const name = uniqueFeedName("recovery");
    const url = await feedUrl(name);
    await setFeed(name, { body: capContainerXml([longAlert]) });
    const { client, clock } = makeClient([url]);
    const log = recordEvents(client);
    const statuses = recordStatus(client);
    await client.refresh();
    await setFeed(name, { body: "", status: 503 });
    for (let interval = 1; interval <= 5; interval += 1) {
      clock.now = START + interval * INTERVAL;
      await client.refresh();
    }
    expect(client.stale).to.equal(true);

    const newAlert = makeAlert({ identifier: "TEST-NEW" });
    await setFeed(name, { body: capContainerXml([longAlert, newAlert]) });
    clock.now = START + 6 * INTERVAL;
    await client.refresh();
    expect(shownKeys(client)).to.deep.equal(
      [longKey, alertKey(TEST_SENDER, "TEST-NEW")].sort(),
    );
    expect(client.stale).to.equal(false);
    expect(client.lastGoodFetch).to.equal(START + 6 * INTERVAL);
    const change = log.changes.at(-1)!;
    expect(change.added.map((view) => view.identifier)).to.deep.equal([
      "TEST-NEW",
    ]);
    expect(change.stale).to.equal(false);
    expect(statuses.at(-1)!.stale).to.equal(false);
  });

  it("keeps alerts through broken bodies", async () => {
    const broken: [string, FeedScript][] = [
      [
        "an HTML error page",
        {
          body: "<!DOCTYPE html><html><body>Bad gateway</body></html>",
          contentType: "text/html",
        },
      ],
      [
        // Another body than the good one, whose ETag would get a 304.
        "a truncated body",
        { body: capContainerXml([longAlert, shortAlert]), truncate: true },
      ],
      ["zero bytes", { body: "" }],
      ["no response", { body: "", hangUp: true }],
      [
        "JSON garbage",
        { body: '{"alerts": [', contentType: "application/json" },
      ],
    ];
    for (const [label, script] of broken) {
      const name = uniqueFeedName("broken");
      const url = await feedUrl(name);
      await setFeed(name, { body: capContainerXml([longAlert]) });
      const { client, clock } = makeClient([url]);
      const log = recordEvents(client);
      await client.refresh();
      await setFeed(name, script);
      clock.now = START + INTERVAL;
      await client.refresh();
      expect(shownKeys(client), label).to.deep.equal([longKey]);
      expect(log.errors, label).to.have.length(1);
      expect(client.feedStatus(url)!.lastGoodFetchMs, label).to.equal(START);
      expect(log.changes, label).to.have.length(1);
      // A browser sends a request again on its own when the connection
      // closes without a response (Chromium once, Firefox up to ten times
      // here), so only the lower bound is fixed.
      expect((await feedRequests(name)).length, label).to.be.at.least(2);
    }
  });

  it("counts a 304 as a good fetch", async () => {
    const name = uniqueFeedName("not-modified");
    const url = await feedUrl(name);
    await setFeed(name, { body: capContainerXml([longAlert]) });
    const { client, clock } = makeClient([url]);
    await client.refresh();
    clock.now = START + 10 * INTERVAL;
    await client.refresh();
    expect((await feedRequests(name)).at(-1)!.status).to.equal(304);
    expect(client.lastGoodFetch).to.equal(START + 10 * INTERVAL);
    expect(client.stale).to.equal(false);
  });

  it("is stale before any good fetch", async () => {
    const name = uniqueFeedName("never");
    const url = await feedUrl(name);
    await setFeed(name, { body: "down", status: 500 });
    const { client } = makeClient([url]);
    const log = recordEvents(client);
    await client.start();
    expect(log.changes[0]!.source).to.equal("cache");
    expect(log.changes[0]!.stale).to.equal(true);
    expect(log.changes[0]!.lastGoodFetch).to.equal(undefined);
    await client.refresh();
    expect(client.stale).to.equal(true);
    expect(client.lastGoodFetch).to.equal(undefined);
    expect(client.feedStatus(url)!.stale).to.equal(true);
  });

  it("reports the oldest good fetch", async () => {
    const nameA = uniqueFeedName("oldest-a");
    const nameB = uniqueFeedName("oldest-b");
    const urlA = await feedUrl(nameA);
    const urlB = await feedUrl(nameB);
    await setFeed(nameA, { body: capContainerXml([longAlert]) });
    await setFeed(nameB, { body: capContainerXml([shortAlert]) });
    const { client, clock } = makeClient([urlA, urlB]);
    await client.refresh();
    await setFeed(nameB, { body: "down", status: 500 });
    clock.now = START + 2 * INTERVAL;
    await client.refresh();
    expect(client.feedStatus(urlA)!.lastGoodFetchMs).to.equal(
      START + 2 * INTERVAL,
    );
    expect(client.lastGoodFetch).to.equal(START);
    expect(client.stale).to.equal(false);
    clock.now = START + 4 * INTERVAL;
    await client.refresh();
    expect(client.feedStatus(urlA)!.stale).to.equal(false);
    expect(client.feedStatus(urlB)!.stale).to.equal(true);
    expect(client.stale).to.equal(true);
  });

  it("judges staleness in intervals", () => {
    expect(isStale(undefined, INTERVAL, START)).to.equal(true);
    expect(isStale(START, INTERVAL, START + 3 * INTERVAL)).to.equal(false);
    expect(isStale(START, INTERVAL, START + 3 * INTERVAL + 1)).to.equal(true);
  });
});
