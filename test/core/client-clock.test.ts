/**
 * A reader's clock that is hours wrong must not hide a live alert or show
 * an ended one: the client corrects it by the feed server's `Date`.
 */
import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import {
  CLOCK_NOISE_MS,
  combineClockOffsets,
  MAX_CLOCK_OFFSET_MS,
  serverClockOffset,
} from "../../shared/client/clock-offset.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { applyMessages } from "../../shared/lifecycle/apply-messages.js";
import { emptyLifecycleState } from "../../shared/lifecycle/lifecycle-state.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import { recordEvents } from "../helpers/alert-client-events.js";
import { makeAlert, makeInfo, TEST_SENDER } from "../helpers/cap-alert.js";
import { capContainerXml } from "../helpers/cap-xml.js";
import {
  feedUrl,
  setFeed,
  stopFeedServer,
  uniqueFeedName,
} from "../helpers/feed-harness.js";

const HOUR = 3_600_000;
/** The true time, which the feed server's Date header gives. */
const SERVER_NOW = Date.parse("2024-05-01T20:00:00Z");
const SERVER_DATE = new Date(SERVER_NOW).toUTCString();

/** Sent at 19:30Z, ends at 23:00Z: live at the true time. */
const live = makeAlert({
  identifier: "TEST-LIVE",
  info: [makeInfo({ expires: "2024-05-01T23:00:00Z" })],
});
/** Sent at 15:00Z, ended at 17:00Z: over at the true time. */
const ended = makeAlert({
  identifier: "TEST-ENDED",
  sent: "2024-05-01T15:00:00Z",
  info: [makeInfo({ expires: "2024-05-01T17:00:00Z" })],
});
const liveKey = alertKey(TEST_SENDER, "TEST-LIVE");

describe("serverClockOffset", () => {
  const reader = SERVER_NOW + 6 * HOUR;

  it("measures a fast and a slow clock", () => {
    expect(serverClockOffset(SERVER_DATE, undefined, reader)).to.equal(
      -6 * HOUR,
    );
    expect(
      serverClockOffset(SERVER_DATE, undefined, SERVER_NOW - 6 * HOUR),
    ).to.equal(6 * HOUR);
  });

  it("adds the Age of a cached response", () => {
    expect(serverClockOffset(SERVER_DATE, "60", reader)).to.equal(
      -6 * HOUR + 60_000,
    );
    expect(serverClockOffset(SERVER_DATE, "soon", reader)).to.equal(-6 * HOUR);
  });

  it("rounds noise to zero", () => {
    expect(
      serverClockOffset(SERVER_DATE, undefined, SERVER_NOW + 900),
    ).to.equal(0);
    expect(
      serverClockOffset(SERVER_DATE, undefined, SERVER_NOW + CLOCK_NOISE_MS),
    ).to.equal(-CLOCK_NOISE_MS);
  });

  it("ignores absurd dates", () => {
    const absurd: [string | undefined, number][] = [
      [undefined, SERVER_NOW],
      ["", SERVER_NOW],
      ["yesterday", SERVER_NOW],
      // A server clock reset to its epoch.
      ["Thu, 01 Jan 1970 00:00:00 GMT", SERVER_NOW],
      ["Sat, 01 Jan 2000 00:00:00 GMT", Date.parse("2000-01-01T00:00:00Z")],
      // More than a week from the reader's clock.
      [SERVER_DATE, SERVER_NOW + MAX_CLOCK_OFFSET_MS + 1000],
      [SERVER_DATE, SERVER_NOW - MAX_CLOCK_OFFSET_MS - 1000],
    ];
    for (const [date, readerNow] of absurd) {
      expect(
        serverClockOffset(date, undefined, readerNow),
        String(date),
      ).to.equal(undefined);
    }
  });

  it("takes the median of several servers", () => {
    expect(combineClockOffsets([])).to.equal(0);
    expect(combineClockOffsets([5 * HOUR])).to.equal(5 * HOUR);
    expect(combineClockOffsets([-6 * HOUR, -6 * HOUR, 3 * 24 * HOUR])).to.equal(
      -6 * HOUR,
    );
    expect(combineClockOffsets([1000, 3000])).to.equal(2000);
  });
});

describe("AlertClient with a wrong clock", () => {
  const clients: AlertClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
  });
  after(stopFeedServer);

  function makeClient(
    url: string,
    readerNow: number,
    store = new MemoryAlertStore(),
  ): AlertClient {
    const client = new AlertClient({
      feeds: [url],
      store,
      now: () => readerNow,
      intervalMs: HOUR,
      languages: ["en"],
      retry: { maxAttempts: 1 },
    });
    clients.push(client);
    return client;
  }

  async function serveBoth(date: string | undefined): Promise<string> {
    const name = uniqueFeedName("clock");
    await setFeed(name, {
      body: capContainerXml([live, ended]),
      ...(date === undefined ? {} : { date }),
    });
    return feedUrl(name);
  }

  for (const [label, readerNow] of [
    ["six hours fast", SERVER_NOW + 6 * HOUR],
    ["six hours slow", SERVER_NOW - 6 * HOUR],
    ["right", SERVER_NOW],
  ] as const) {
    it(`shows the right alerts, clock ${label}`, async () => {
      const client = makeClient(await serveBoth(SERVER_DATE), readerNow);
      await client.refresh();
      expect(client.alerts.map((view) => view.key)).to.deep.equal([liveKey]);
    });
  }

  it("control: an absurd Date is ignored", async () => {
    // The server's clock reads 1970, so the client keeps its own clock,
    // which here is six hours fast and hides the live alert too.
    const client = makeClient(
      await serveBoth("Thu, 01 Jan 1970 00:00:00 GMT"),
      SERVER_NOW + 6 * HOUR,
    );
    await client.refresh();
    expect(client.alerts).to.deep.equal([]);
  });

  it("keeps the offset for a 304", async () => {
    const url = await serveBoth(SERVER_DATE);
    const client = makeClient(url, SERVER_NOW + 6 * HOUR);
    await client.refresh();
    await client.refresh();
    expect(client.alerts.map((view) => view.key)).to.deep.equal([liveKey]);
  });

  it("deletes nothing before the clock is checked", async () => {
    const name = uniqueFeedName("clock-unchecked");
    const url = await feedUrl(name);
    const store = new MemoryAlertStore();
    const cached = applyMessages(emptyLifecycleState(), [live], {
      now: SERVER_NOW,
      feedUrl: url,
    });
    await store.saveChanges(cached.changes);
    await setFeed(name, { body: "down", status: 503 });
    const client = makeClient(url, SERVER_NOW + 6 * HOUR, store);
    const log = recordEvents(client);
    await client.start();
    await client.refresh();
    // By the fast clock the live alert has ended: it is hidden, but its
    // record stays, because the clock was never checked.
    expect(client.alerts).to.deep.equal([]);
    const stored = await store.load();
    expect([...stored.alerts.keys()]).to.deep.equal([liveKey]);
    expect(stored.tombstones.size).to.equal(0);

    await setFeed(name, {
      body: capContainerXml([live]),
      date: SERVER_DATE,
    });
    await client.refresh();
    expect(client.alerts.map((view) => view.key)).to.deep.equal([liveKey]);
    expect(log.changes.at(-1)!.added.map((view) => view.key)).to.deep.equal([
      liveKey,
    ]);
  });
});
