/**
 * AlertClient given a feed index (`index.json` of the feed tool): it polls
 * only the shards for the reader's place or regions, as the feed server's
 * request log shows, and chooses again when the place changes.
 */
import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import { writeJsonFeed } from "../../shared/formats/json-feed.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import type { CapAlert, CapArea } from "../../shared/model/cap.js";
import type { FeedIndex } from "../../shared/shards/feed-index.js";
import {
  exportPublicKeyBase64,
  generateFeedKeyPair,
} from "../../shared/signing/feed-keys.js";
import { signFeedBytes } from "../../shared/signing/sign-feed.js";
import type { WebCryptoKeyPair } from "../../shared/signing/web-crypto.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import { recordEvents } from "../helpers/alert-client-events.js";
import { makeAlert, makeInfo, TEST_SENDER } from "../helpers/cap-alert.js";
import {
  feedRequests,
  feedUrl,
  setFeed,
  uniqueFeedName,
} from "../helpers/feed-harness.js";
import { indexForAlerts } from "../helpers/shard-index.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");

function alertAt(identifier: string, area: Partial<CapArea>): CapAlert {
  return makeAlert({
    identifier,
    info: [
      makeInfo({
        area: [
          {
            areaDesc: "Invented area",
            polygon: [],
            circle: [],
            geocode: [],
            ...area,
          },
        ],
      }),
    ],
  });
}

const THESSALONIKI = alertAt("SHARD-SKG", {
  circle: [{ lat: 40.64, lon: 22.94, radius: 5 }],
});
const ATHENS = alertAt("SHARD-ATH", {
  circle: [{ lat: 37.98, lon: 23.73, radius: 5 }],
});
const HOUSTON = alertAt("SHARD-HOU", {
  circle: [{ lat: 29.76, lon: -95.37, radius: 20 }],
  geocode: [{ valueName: "SAME", value: "048201" }],
});
const ALERTS = [THESSALONIKI, ATHENS, HOUSTON];

const IN_THESSALONIKI = { lat: 40.63, lon: 22.95, radius: 10 };
const IN_ATHENS = { lat: 37.97, lon: 23.72, radius: 10 };

interface Published {
  indexUrl: string;
  index: FeedIndex;
  /** Feed-server name of each shard's JSON file, by shard id. */
  names: Map<string, string>;
}

/**
 * Publishes a feed set of ALERTS on the feed server under a unique prefix:
 * the index and one JSON feed per shard, signed when `pair` is given.
 */
async function publishFeedSet(pair?: WebCryptoKeyPair): Promise<Published> {
  const prefix = uniqueFeedName("shards");
  const { index, shardIds } = indexForAlerts(ALERTS);
  const names = new Map<string, string>();
  const put = async (name: string, body: string) => {
    await setFeed(name, { body, contentType: "application/json" });
    if (pair !== undefined) {
      const signature = await signFeedBytes(
        new TextEncoder().encode(body),
        pair.privateKey,
      );
      await setFeed(`${name}.sig`, { body: signature });
    }
  };
  for (const entry of [index.all, ...index.shards]) {
    const id = entry.json.replace(/\.json$/, "");
    const name = `${prefix}-${entry.json}`;
    names.set(id, name);
    entry.json = name;
    entry.jsonUrl = name;
    const alerts =
      id === "all"
        ? ALERTS
        : ALERTS.filter((alert) => shardIds.get(alert)!.includes(id));
    await put(name, writeJsonFeed(alerts, index.generated));
  }
  const indexName = `${prefix}-index.json`;
  await put(indexName, JSON.stringify(index));
  return { indexUrl: await feedUrl(indexName), index, names };
}

const clients: AlertClient[] = [];

function makeClient(
  indexUrl: string,
  settings: {
    place?: { lat: number; lon: number; radius: number };
    regions?: string[];
    feedKeys?: Record<string, string>;
  },
): AlertClient {
  const client = new AlertClient({
    feeds: [indexUrl],
    store: new MemoryAlertStore(),
    now: () => NOW,
    intervalMs: 3_600_000,
    languages: ["en"],
    ...settings,
  });
  clients.push(client);
  return client;
}

/** Feed-server names of the shards that received at least one request. */
async function requestedShards(published: Published): Promise<string[]> {
  const requested: string[] = [];
  for (const [id, name] of published.names) {
    if ((await feedRequests(name)).length > 0) requested.push(id);
  }
  return requested.sort();
}

describe("shards: AlertClient with a feed index", () => {
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
  });

  it("downloads only the reader's shard", async () => {
    const published = await publishFeedSet();
    const client = makeClient(published.indexUrl, { place: IN_THESSALONIKI });
    const log = recordEvents(client);
    await client.refresh();

    expect(log.errors).to.deep.equal([]);
    expect(client.alerts.map((view) => view.key)).to.deep.equal([
      alertKey(TEST_SENDER, "SHARD-SKG"),
    ]);
    expect(await requestedShards(published)).to.deep.equal([
      "gr-central-macedonia",
    ]);
    expect(
      published.names.has("grid-n25-w100"),
      "a Texas shard exists",
    ).to.equal(true);
  });

  it("polls index and shard conditionally", async () => {
    const published = await publishFeedSet();
    const client = makeClient(published.indexUrl, { place: IN_THESSALONIKI });
    await client.refresh();
    await client.refresh();
    const index = await feedRequests(
      new URL(published.indexUrl).pathname.slice("/feeds/".length),
    );
    const shard = await feedRequests(
      published.names.get("gr-central-macedonia")!,
    );
    expect(index.map((request) => request.status)).to.deep.equal([200, 304]);
    expect(shard.map((request) => request.status)).to.deep.equal([200, 304]);
  });

  it("chooses again when the place changes", async () => {
    const published = await publishFeedSet();
    const client = makeClient(published.indexUrl, { place: IN_THESSALONIKI });
    const log = recordEvents(client);
    await client.start();
    await client.refresh();
    expect(await requestedShards(published)).to.deep.equal([
      "gr-central-macedonia",
    ]);

    const network = log.nextChange("network");
    client.update({ place: IN_ATHENS });
    const change = await network;
    expect(change.alerts.map((view) => view.key)).to.deep.equal([
      alertKey(TEST_SENDER, "SHARD-ATH"),
    ]);
    // The Thessaloniki shard is still polled while its alert is in force.
    expect(await requestedShards(published)).to.deep.equal([
      "gr-attica",
      "gr-central-macedonia",
    ]);
  });

  it("chooses by region", async () => {
    const published = await publishFeedSet();
    const client = makeClient(published.indexUrl, {
      regions: ["SAME:048201"],
    });
    await client.refresh();
    expect(client.alerts.map((view) => view.key)).to.deep.equal([
      alertKey(TEST_SENDER, "SHARD-HOU"),
    ]);
    expect(await requestedShards(published)).to.deep.equal(["us-tx"]);
  });

  it("checks the index key on shards", async () => {
    const pair = await generateFeedKeyPair();
    const published = await publishFeedSet(pair);
    const publicKey = await exportPublicKeyBase64(pair.publicKey);
    const client = makeClient(published.indexUrl, {
      place: IN_THESSALONIKI,
      feedKeys: { [published.indexUrl]: publicKey },
    });
    const log = recordEvents(client);
    await client.refresh();
    expect(log.errors).to.deep.equal([]);
    expect(client.alerts).to.have.length(1);
    const shardName = published.names.get("gr-central-macedonia")!;
    expect(await feedRequests(`${shardName}.sig`)).to.have.length(1);

    // The shard changes without a new signature: rejected, alerts kept.
    await setFeed(shardName, {
      body: writeJsonFeed([THESSALONIKI, ATHENS], published.index.generated),
      contentType: "application/json",
    });
    await client.refresh();
    expect(log.errors).to.have.length(1);
    expect(log.errors[0]!.message).to.contain(`${shardName}.sig`);
    expect(client.alerts.map((view) => view.key)).to.deep.equal([
      alertKey(TEST_SENDER, "SHARD-SKG"),
    ]);
  });
});
