import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import { yieldToMain } from "../../shared/client/yield-to-main.js";
import type { CapAlert } from "../../shared/model/cap.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import { recordEvents } from "../helpers/alert-client-events.js";
import { makeAlert, makeInfo } from "../helpers/cap-alert.js";
import { capContainerXml } from "../helpers/cap-xml.js";
import {
  feedUrl,
  setFeed,
  stopFeedServer,
  uniqueFeedName,
} from "../helpers/feed-harness.js";

/** Half an hour after the invented alerts were sent, before they expire. */
const NOW = Date.parse("2024-05-01T20:00:00Z");

/** More alerts than the client takes in without yielding (100). */
const MANY: CapAlert[] = Array.from({ length: 150 }, (_, index) =>
  makeAlert({
    identifier: `TEST-LARGE-${index}`,
    info: [makeInfo({ headline: `TEST large batch alert ${index}` })],
  }),
);

const clients: AlertClient[] = [];

function makeClient(feed: string, store: MemoryAlertStore): AlertClient {
  const client = new AlertClient({
    feeds: [feed],
    store,
    now: () => NOW,
    intervalMs: 3_600_000,
    languages: ["en"],
    retry: { maxAttempts: 1 },
  });
  clients.push(client);
  return client;
}

describe("AlertClient large batches", () => {
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
  });
  after(stopFeedServer);

  it("shows a large poll whole", async () => {
    const name = uniqueFeedName("client-large");
    await setFeed(name, { body: capContainerXml(MANY) });
    const store = new MemoryAlertStore();
    const client = makeClient(await feedUrl(name), store);
    const log = recordEvents(client);

    await client.refresh();

    expect(client.alerts).to.have.length(150);
    const network = log.changes.filter((change) => change.source === "network");
    expect(network).to.have.length(1);
    expect(network[0]!.added).to.have.length(150);
    expect((await store.load()).alerts.size).to.equal(150);
  });

  it("shows a large store like the poll", async () => {
    const name = uniqueFeedName("client-large-cache");
    await setFeed(name, { body: capContainerXml(MANY) });
    const store = new MemoryAlertStore();
    const polling = makeClient(await feedUrl(name), store);
    await polling.refresh();
    polling.stop();

    const loading = makeClient(await feedUrl(name), store);
    const log = recordEvents(loading);
    await loading.start();

    expect(log.changes[0]!.source).to.equal("cache");
    expect(log.changes[0]!.alerts).to.deep.equal(polling.alerts);
  });

  it("keeps a view while its record is unchanged", async () => {
    const name = uniqueFeedName("client-view-cache");
    await setFeed(name, { body: capContainerXml(MANY.slice(0, 2)) });
    const client = makeClient(await feedUrl(name), new MemoryAlertStore());
    await client.refresh();
    const [firstView] = client.alerts;

    await client.refresh();

    expect(client.alerts[0]).to.equal(firstView);
  });

  it("rebuilds views for new settings", async () => {
    const name = uniqueFeedName("client-view-settings");
    const bilingual = makeAlert({
      identifier: "TEST-BILINGUAL",
      info: [
        makeInfo({ headline: "TEST English headline" }),
        makeInfo({ language: "el-GR", headline: "TEST ελληνικός τίτλος" }),
      ],
    });
    await setFeed(name, { body: capContainerXml([bilingual]) });
    const client = makeClient(await feedUrl(name), new MemoryAlertStore());
    await client.refresh();
    expect(client.alerts[0]!.headline).to.equal("TEST English headline");

    client.update({ languages: ["el"] });

    expect(client.alerts[0]!.headline).to.equal("TEST ελληνικός τίτλος");
  });
});

describe("yieldToMain", () => {
  it("resolves", async () => {
    let resolved = false;
    await yieldToMain().then(() => {
      resolved = true;
    });
    expect(resolved).to.equal(true);
  });
});
