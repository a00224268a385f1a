/**
 * The built widget's lazy engine chunks, in pages that load dist/widget/
 * as a site would. A first render downloads the script and the engine
 * only. The signature check loads with `key`, the feed index reader with
 * an index and the worker code with a large feed. The ES module build
 * loads its own chunks. Needs `npm run build` first.
 */
import { expect } from "chai";
import type { CapAlert } from "../../shared/model/cap.js";
import {
  exportPublicKeyBase64,
  generateFeedKeyPair,
} from "../../shared/signing/feed-keys.js";
import { signFeedBytes } from "../../shared/signing/sign-feed.js";
import type { WebCryptoKeyPair } from "../../shared/signing/web-crypto.js";
import { indexForAlerts } from "../helpers/shard-index.js";
import {
  capAlert,
  capTimeFromNow,
  feedRequests,
  jsonFeed,
  largeJsonFeed,
  loadFramePage,
  putFeed,
  uniqueFeedName,
  waitFor,
  widgetScriptsLoaded,
} from "./widget-helpers.js";

const HOUR = 3_600_000;
const SIGNING_CHUNK = /^child-alert-engine-feed-signing-[\w-]+\.js$/;
const INDEX_CHUNK = /^child-alert-engine-sharded-fetch-[\w-]+\.js$/;
const WORKER_CODE_CHUNK = /^child-alert-engine-parse-feed-body-[\w-]+\.js$/;
const CLASSIC_SCRIPT = `<script src="/dist/widget/child-alert.iife.js"></script>`;

interface WidgetElement extends HTMLElement {
  alerts: { identifier: string }[];
}

const frames: HTMLIFrameElement[] = [];

async function loadPage(body: string): Promise<Window> {
  const frame = await loadFramePage(body);
  frames.push(frame);
  return frame.contentWindow!;
}

async function waitForAlerts(page: Window, count: number): Promise<string[]> {
  const element = page.document.querySelector("child-alert") as WidgetElement;
  await waitFor(
    () => element.alerts?.length === count,
    `${count} alerts in the page`,
    30_000,
  );
  return element.alerts.map((alert) => alert.identifier).sort();
}

function matching(scripts: string[], pattern: RegExp): string[] {
  return scripts.filter((script) => pattern.test(script));
}

function alertIn(
  identifier: string,
  area: { circle?: string; geocode?: [string, string] },
): CapAlert {
  return capAlert({
    identifier,
    sent: capTimeFromNow(-HOUR),
    expires: capTimeFromNow(HOUR),
    ...area,
  });
}

async function sign(body: string, pair: WebCryptoKeyPair): Promise<string> {
  return signFeedBytes(new TextEncoder().encode(body), pair.privateKey);
}

/** Publishes a JSON feed and, with `pair`, its `.sig` file. */
async function publish(
  name: string,
  body: string,
  pair?: WebCryptoKeyPair,
): Promise<void> {
  await putFeed(name, { body, contentType: "application/json" });
  if (pair !== undefined) {
    await putFeed(`${name}.sig`, {
      body: await sign(body, pair),
      contentType: "text/plain",
    });
  }
}

/**
 * Publishes a feed index of `alerts` and one JSON feed per shard, signed
 * with `pair`, and returns the index's feed-server name and each shard's
 * name by shard id.
 */
async function publishFeedSet(
  alerts: CapAlert[],
  pair: WebCryptoKeyPair,
): Promise<{ indexName: string; shards: Map<string, string> }> {
  const prefix = uniqueFeedName("engine-shards");
  const { index, shardIds } = indexForAlerts(alerts);
  const shards = new Map<string, string>();
  for (const entry of [index.all, ...index.shards]) {
    const id = entry.json.replace(/\.json$/, "");
    const name = `${prefix}-${entry.json}`;
    shards.set(id, name);
    entry.json = name;
    entry.jsonUrl = name;
    const members =
      id === "all"
        ? alerts
        : alerts.filter((alert) => shardIds.get(alert)!.includes(id));
    await publish(name, jsonFeed(members), pair);
  }
  const indexName = `${prefix}-index.json`;
  await publish(indexName, JSON.stringify(index), pair);
  return { indexName, shards };
}

describe("widget engine chunks", () => {
  before(async () => {
    const response = await fetch("/dist/widget/child-alert-engine.js", {
      method: "HEAD",
    });
    if (!response.ok) {
      throw new Error(
        "dist/widget/child-alert-engine.js is missing: run `npm run build` first.",
      );
    }
  });
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it("plain feed loads no chunk", async () => {
    const name = uniqueFeedName("engine-plain");
    const code: [string, string] = ["TEST", `engine-plain-${Date.now()}`];
    await publish(name, jsonFeed([alertIn("PLAIN-1", { geocode: code })]));
    const page = await loadPage(
      `${CLASSIC_SCRIPT}<child-alert eager feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    expect(await waitForAlerts(page, 1)).to.deep.equal(["PLAIN-1"]);
    expect(widgetScriptsLoaded(page)).to.deep.equal([
      "child-alert-engine.js",
      "child-alert.iife.js",
    ]);
  });

  it("key loads the signature check", async () => {
    const pair = await generateFeedKeyPair();
    const key = await exportPublicKeyBase64(pair.publicKey);
    const name = uniqueFeedName("engine-signed");
    const code: [string, string] = ["TEST", `engine-signed-${Date.now()}`];
    await publish(
      name,
      jsonFeed([alertIn("SIGNED-1", { geocode: code })]),
      pair,
    );
    const page = await loadPage(
      `${CLASSIC_SCRIPT}<child-alert eager key="${key}" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    expect(await waitForAlerts(page, 1)).to.deep.equal(["SIGNED-1"]);
    const scripts = widgetScriptsLoaded(page);
    expect(matching(scripts, SIGNING_CHUNK)).to.have.length(1);
    expect(matching(scripts, INDEX_CHUNK)).to.deep.equal([]);
    expect(await feedRequests(`${name}.sig`)).to.have.length(1);
  });

  it("key rejects a wrong signature", async () => {
    const pair = await generateFeedKeyPair();
    const other = await generateFeedKeyPair();
    const key = await exportPublicKeyBase64(pair.publicKey);
    const good = uniqueFeedName("engine-good");
    const forged = uniqueFeedName("engine-forged");
    const code: [string, string] = ["TEST", `engine-forged-${Date.now()}`];
    await publish(good, jsonFeed([alertIn("GOOD-1", { geocode: code })]), pair);
    await publish(
      forged,
      jsonFeed([alertIn("FORGED-1", { geocode: code })]),
      other,
    );
    const page = await loadPage(
      `${CLASSIC_SCRIPT}<child-alert eager key="${key}" feed="/feeds/${good} /feeds/${forged}" region="${code.join(":")}"></child-alert>`,
    );
    // The alerts change once the poll of both feeds ended, retries included.
    expect(await waitForAlerts(page, 1)).to.deep.equal(["GOOD-1"]);
    expect(await feedRequests(`${forged}.sig`)).to.have.length.above(0);
  });

  it("invalid key fetches nothing", async () => {
    const name = uniqueFeedName("engine-bad-key");
    const code: [string, string] = ["TEST", `engine-bad-key-${Date.now()}`];
    await publish(name, jsonFeed([alertIn("BAD-KEY-1", { geocode: code })]));
    const page = await loadPage(
      `${CLASSIC_SCRIPT}<child-alert eager key="not-a-key" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    const element = page.document.querySelector(
      "child-alert",
    ) as WidgetElement & { refresh(): Promise<void> };
    await waitFor(
      () => page.customElements.get("child-alert") !== undefined,
      "the script to define child-alert",
    );
    await element.refresh();
    expect(element.alerts).to.deep.equal([]);
    expect(await feedRequests(name)).to.deep.equal([]);
    expect(widgetScriptsLoaded(page)).to.include("child-alert-engine.js");
  });

  it("index loads the index reader", async () => {
    const pair = await generateFeedKeyPair();
    const key = await exportPublicKeyBase64(pair.publicKey);
    const alerts = [
      alertIn("INDEX-SKG", { circle: "40.64,22.94 5" }),
      alertIn("INDEX-HOU", { circle: "29.76,-95.37 20" }),
    ];
    const { indexName, shards } = await publishFeedSet(alerts, pair);
    const page = await loadPage(
      `${CLASSIC_SCRIPT}<child-alert eager key="${key}" feed="/feeds/${indexName}" lat="40.63" lon="22.95" radius="10"></child-alert>`,
    );
    expect(await waitForAlerts(page, 1)).to.deep.equal(["INDEX-SKG"]);
    const scripts = widgetScriptsLoaded(page);
    expect(matching(scripts, INDEX_CHUNK)).to.have.length(1);
    expect(matching(scripts, SIGNING_CHUNK)).to.have.length(1);

    // The first index response is read, not requested twice.
    expect(await feedRequests(indexName)).to.have.length(1);
    const requested: string[] = [];
    for (const [id, name] of shards) {
      if ((await feedRequests(name)).length > 0) requested.push(id);
    }
    expect(requested).to.deep.equal(["gr-central-macedonia"]);
    // The shard is checked with the index's key.
    expect(
      await feedRequests(`${shards.get("gr-central-macedonia")!}.sig`),
    ).to.have.length(1);
  });

  it("large feed loads the worker code", async () => {
    const name = uniqueFeedName("engine-large");
    const code: [string, string] = ["TEST", `engine-large-${Date.now()}`];
    await publish(
      name,
      largeJsonFeed([alertIn("LARGE-1", { geocode: code })], 600 * 1024),
    );
    const page = await loadPage(
      `${CLASSIC_SCRIPT}<child-alert eager feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    expect(await waitForAlerts(page, 1)).to.deep.equal(["LARGE-1"]);
    const scripts = widgetScriptsLoaded(page);
    expect(matching(scripts, WORKER_CODE_CHUNK)).to.have.length(1);
    expect(scripts).to.include("child-alert-parse-worker.js");
  });

  it("ES module build loads its chunks", async () => {
    const pair = await generateFeedKeyPair();
    const key = await exportPublicKeyBase64(pair.publicKey);
    const name = uniqueFeedName("engine-module");
    const code: [string, string] = ["TEST", `engine-module-${Date.now()}`];
    await publish(
      name,
      jsonFeed([alertIn("MODULE-1", { geocode: code })]),
      pair,
    );
    const page = await loadPage(
      `<script type="module" src="/dist/widget/child-alert.js"></script><child-alert eager key="${key}" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    await waitFor(
      () => page.customElements.get("child-alert") !== undefined,
      "the module to define child-alert",
    );
    expect(await waitForAlerts(page, 1)).to.deep.equal(["MODULE-1"]);
    const scripts = widgetScriptsLoaded(page);
    expect(scripts).to.include("child-alert.js");
    expect(
      matching(scripts, /^chunks\/alert-engine-[\w-]+\.js$/),
    ).to.have.length(1);
    expect(
      matching(scripts, /^chunks\/feed-signing-[\w-]+\.js$/),
    ).to.have.length(1);
  });
});
