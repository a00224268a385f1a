/**
 * The extension's `feedKeys` setting: which stored public keys survive
 * normalisation, and which keys the client gets. These functions use no
 * browser API, so they run here in Node. The extension's Chromium test
 * checks the same rules through the background and the options page.
 */
import { expect } from "chai";
import {
  clientFeedKeys,
  normalizeFeedKeys,
  rejectingFetch,
} from "../../extension/common/feed-key-settings.js";
import { AlertClient } from "../../shared/client/alert-client.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import { recordEvents } from "../helpers/alert-client-events.js";
import { makeAlert } from "../helpers/cap-alert.js";
import { capContainerXml } from "../helpers/cap-xml.js";
import {
  feedRequests,
  feedUrl,
  setFeed,
  stopFeedServer,
  uniqueFeedName,
} from "../helpers/feed-harness.js";
import type { KnownFeed } from "../../extension/common/known-feeds.js";

const FEED = "https://feeds.example/child/index.json";
const OTHER_FEED = "https://other.example/alerts.atom";

/** Generates an Ed25519 key pair with Node's Web Crypto and returns its public key as base64 and as a JWK. */
async function publicKeyTexts(): Promise<{ base64: string; jwk: string }> {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const raw = await crypto.subtle.exportKey("raw", pair.publicKey);
  const jwk = await crypto.subtle.exportKey("jwk", pair.publicKey);
  return {
    base64: Buffer.from(raw).toString("base64"),
    jwk: JSON.stringify(jwk),
  };
}

describe("extension feedKeys setting", () => {
  let warnings: string[];
  const originalWarn = console.warn;

  beforeEach(() => {
    warnings = [];
    console.warn = (...parts: unknown[]) => {
      warnings.push(parts.map(String).join(" "));
    };
  });

  afterEach(() => {
    console.warn = originalWarn;
  });
  after(stopFeedServer);

  it("keeps base64 and JWK keys of chosen feeds", async () => {
    const { base64, jwk } = await publicKeyTexts();
    const keys = normalizeFeedKeys(
      { [FEED]: ` ${base64}\n`, [OTHER_FEED]: jwk },
      [FEED, OTHER_FEED],
    );
    expect(keys).to.deep.equal({ [FEED]: base64, [OTHER_FEED]: jwk });
    expect(warnings).to.deep.equal([]);
  });

  it("normalises the feed URL of a key", async () => {
    const { base64 } = await publicKeyTexts();
    const keys = normalizeFeedKeys(
      { "HTTPS://Feeds.Example/child/index.json": base64 },
      [FEED],
    );
    expect(keys).to.deep.equal({ [FEED]: base64 });
  });

  it("keeps invalid keys with a warning", async () => {
    const { base64 } = await publicKeyTexts();
    const shortKey = Buffer.alloc(31, 7).toString("base64");
    const wrongCurve = JSON.stringify({ kty: "OKP", crv: "X25519", x: "AA" });
    const cases: [unknown, string][] = [
      ["not a key", "not a key"],
      [shortKey, shortKey],
      [base64.slice(0, -4), base64.slice(0, -4)],
      [wrongCurve, wrongCurve],
      [42, "42"],
      [null, "null"],
    ];
    for (const [invalid, stored] of cases) {
      warnings = [];
      const keys = normalizeFeedKeys({ [FEED]: invalid }, [FEED]);
      expect(keys, JSON.stringify(invalid)).to.deep.equal({ [FEED]: stored });
      expect(warnings, JSON.stringify(invalid)).to.have.length(1);
      expect(warnings[0]).to.contain(FEED);
      expect(warnings[0]).to.contain("invalid");
    }
  });

  it("reads a JWK stored as an object", async () => {
    const { jwk } = await publicKeyTexts();
    const stored = JSON.parse(jwk) as unknown;

    const keys = normalizeFeedKeys({ [FEED]: stored }, [FEED]);

    expect(keys).to.deep.equal({ [FEED]: JSON.stringify(stored) });
    expect(warnings).to.deep.equal([]);
  });

  it("reads an empty key as none", () => {
    expect(normalizeFeedKeys({ [FEED]: "  " }, [FEED])).to.deep.equal({});
    expect(warnings).to.deep.equal([]);
  });

  it("drops keys of feeds not chosen", async () => {
    const { base64 } = await publicKeyTexts();
    const keys = normalizeFeedKeys(
      {
        [OTHER_FEED]: base64,
        "http://feeds.example/plain.xml": base64,
        "not a URL": base64,
      },
      [FEED],
    );
    expect(keys).to.deep.equal({});
    expect(warnings).to.have.length(3);
    expect(warnings[0]).to.contain(OTHER_FEED);
    expect(warnings[0]).to.contain("not among the chosen feeds");
  });

  it("returns no keys for a value that is not an object", () => {
    for (const value of [undefined, null, "key", ["a", "b"], 7]) {
      expect(normalizeFeedKeys(value, [FEED]), String(value)).to.deep.equal({});
    }
  });

  it("gives the client built-in keys first", async () => {
    const builtIn = (await publicKeyTexts()).base64;
    const person = (await publicKeyTexts()).base64;
    const known: KnownFeed[] = [
      {
        url: FEED,
        nameKey: "feedTest",
        format: "JSON",
        area: "GR",
        publicKey: builtIn,
      },
      { url: OTHER_FEED, nameKey: "feedOther", format: "Atom", area: "GR" },
    ];
    expect(
      clientFeedKeys(
        [FEED, OTHER_FEED],
        { [FEED]: person, [OTHER_FEED]: person },
        known,
      ),
    ).to.deep.equal({
      keys: { [FEED]: builtIn, [OTHER_FEED]: person },
      invalid: [],
    });
    expect(clientFeedKeys([OTHER_FEED], {}, known)).to.deep.equal({
      keys: {},
      invalid: [],
    });
    expect(clientFeedKeys([FEED], {}, known)).to.deep.equal({
      keys: { [FEED]: builtIn },
      invalid: [],
    });
  });

  it("lists feeds whose key is invalid", async () => {
    const valid = (await publicKeyTexts()).base64;
    expect(
      clientFeedKeys(
        [FEED, OTHER_FEED],
        { [FEED]: "not a key", [OTHER_FEED]: valid },
        [],
      ),
    ).to.deep.equal({ keys: { [OTHER_FEED]: valid }, invalid: [FEED] });
  });

  it("rejects a feed with an invalid key", async () => {
    const rejected = uniqueFeedName("rejected-key");
    const plain = uniqueFeedName("plain");
    await setFeed(rejected, { body: capContainerXml([makeAlert()]) });
    await setFeed(plain, {
      body: capContainerXml([makeAlert({ identifier: "TEST-PLAIN" })]),
    });
    const rejectedUrl = await feedUrl(rejected);
    const { keys, invalid } = clientFeedKeys(
      [rejectedUrl, await feedUrl(plain)],
      { [rejectedUrl]: "not a key" },
      [],
    );
    const client = new AlertClient({
      feeds: [rejectedUrl, await feedUrl(plain)],
      feedKeys: keys,
      fetch: rejectingFetch(invalid, fetch),
      store: new MemoryAlertStore(),
      now: () => Date.parse("2024-05-01T20:00:00Z"),
      retry: { maxAttempts: 1 },
    });
    const log = recordEvents(client);

    await client.refresh();
    client.stop();

    expect(client.alerts.map((view) => view.identifier)).to.deep.equal([
      "TEST-PLAIN",
    ]);
    expect(log.errors).to.have.length(1);
    expect(log.errors[0]!.url).to.equal(rejectedUrl);
    expect(log.errors[0]!.reason).to.equal("signature");
    expect(await feedRequests(rejected)).to.deep.equal([]);
  });
});
