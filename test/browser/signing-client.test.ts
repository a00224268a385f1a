/**
 * AlertClient with publishers' keys, against the scriptable feed server:
 * a feed is read only when its detached signature verifies, and a rejected
 * feed leaves the last good alerts and validators in place.
 */
import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import { writeJsonFeed } from "../../shared/formats/json-feed.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import type { CapAlert } from "../../shared/model/cap.js";
import {
  exportPublicKeyBase64,
  generateFeedKeyPair,
} from "../../shared/signing/feed-keys.js";
import { signFeedBytes } from "../../shared/signing/sign-feed.js";
import type { WebCryptoKey } from "../../shared/signing/web-crypto.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import { recordEvents } from "../helpers/alert-client-events.js";
import { makeAlert, makeInfo, TEST_SENDER } from "../helpers/cap-alert.js";
import {
  feedRequests,
  feedUrl,
  setFeed,
  uniqueFeedName,
} from "../helpers/feed-harness.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");
const FIRST = makeAlert({ identifier: "SIGNED-1" });
const SECOND = makeAlert({
  identifier: "SIGNED-2",
  info: [makeInfo({ headline: "TEST second alert - invented" })],
});

const clients: AlertClient[] = [];

function feedBody(alerts: CapAlert[]): string {
  return writeJsonFeed(alerts, "2024-05-01T19:30:00+00:00");
}

/** Publishes a feed body and, unless `signature` is null, its `.sig`. */
async function publish(
  name: string,
  body: string,
  signature: string | null,
): Promise<void> {
  await setFeed(name, { body, contentType: "application/json" });
  await setFeed(
    `${name}.sig`,
    signature === null
      ? { status: 404, body: "Not found" }
      : { body: signature, contentType: "text/plain" },
  );
}

async function sign(body: string, key: WebCryptoKey): Promise<string> {
  return signFeedBytes(new TextEncoder().encode(body), key);
}

function makeClient(feeds: string[], feedKeys: Record<string, string>) {
  const client = new AlertClient({
    feeds,
    feedKeys,
    store: new MemoryAlertStore(),
    now: () => NOW,
    intervalMs: 3_600_000,
    languages: ["en"],
  });
  clients.push(client);
  return client;
}

function keys(client: AlertClient): string[] {
  return client.alerts.map((view) => view.key);
}

describe("signing: AlertClient with feed keys", () => {
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
  });

  it("reads a correctly signed feed", async () => {
    const pair = await generateFeedKeyPair();
    const name = uniqueFeedName("signed-good");
    const body = feedBody([FIRST]);
    await publish(name, body, await sign(body, pair.privateKey));
    const url = await feedUrl(name);
    const client = makeClient([url], {
      [url]: await exportPublicKeyBase64(pair.publicKey),
    });
    const log = recordEvents(client);

    await client.refresh();
    expect(log.errors).to.deep.equal([]);
    expect(keys(client)).to.deep.equal([alertKey(TEST_SENDER, "SIGNED-1")]);
    expect(await feedRequests(`${name}.sig`)).to.have.length(1);

    // Unchanged: a 304, and no signature request.
    await client.refresh();
    const requests = await feedRequests(name);
    expect(requests.map((request) => request.status)).to.deep.equal([200, 304]);
    expect(await feedRequests(`${name}.sig`)).to.have.length(1);
  });

  for (const [fault, expected] of [
    ["tampered", "does not match the feed's bytes"],
    ["wrong key", "does not match the feed's bytes"],
    ["missing", "is missing (HTTP 404)"],
  ] as const) {
    it(`rejects a ${fault} signature`, async () => {
      const pair = await generateFeedKeyPair();
      const other = await generateFeedKeyPair();
      const name = uniqueFeedName(`signed-${fault.replace(" ", "-")}`);
      const good = feedBody([FIRST]);
      await publish(name, good, await sign(good, pair.privateKey));
      const url = await feedUrl(name);
      const client = makeClient([url], {
        [url]: await exportPublicKeyBase64(pair.publicKey),
      });
      const log = recordEvents(client);
      await client.refresh();
      expect(keys(client)).to.deep.equal([alertKey(TEST_SENDER, "SIGNED-1")]);

      const changed = feedBody([FIRST, SECOND]);
      if (fault === "tampered") {
        await publish(name, changed, await sign(good, pair.privateKey));
      }
      if (fault === "wrong key") {
        await publish(name, changed, await sign(changed, other.privateKey));
      }
      if (fault === "missing") await publish(name, changed, null);
      await client.refresh();

      expect(log.errors).to.have.length(1);
      expect(log.errors[0]!.url).to.equal(url);
      expect(log.errors[0]!.reason).to.equal("signature");
      // A rejected signature is the publisher's answer, not a passing
      // fault: the client does not ask again within the poll.
      expect(await feedRequests(name)).to.have.length(2);
      expect(log.errors[0]!.message).to.contain(expected);
      expect(log.errors[0]!.message).to.contain(`${url}.sig`);
      expect(keys(client), "the last good alerts stay").to.deep.equal([
        alertKey(TEST_SENDER, "SIGNED-1"),
      ]);
      expect(client.feedStatus(url)?.lastError).to.contain(expected);

      // The publisher signs the same body correctly. Had the client stored
      // the rejected response's validators, the server would respond 304 and
      // the second alert would never appear.
      await publish(name, changed, await sign(changed, pair.privateKey));
      await client.refresh();
      expect(keys(client).sort()).to.deep.equal([
        alertKey(TEST_SENDER, "SIGNED-1"),
        alertKey(TEST_SENDER, "SIGNED-2"),
      ]);
      const requests = await feedRequests(name);
      expect(requests.at(-1)!.status).to.equal(200);
      expect(requests.at(-1)!.ifNoneMatch).to.equal(requests[1]!.ifNoneMatch);
    });
  }

  it("leaves feeds without a key unchecked", async () => {
    const pair = await generateFeedKeyPair();
    const signed = uniqueFeedName("signed-mixed");
    const plain = uniqueFeedName("plain-mixed");
    const body = feedBody([FIRST]);
    await publish(signed, body, await sign(body, pair.privateKey));
    await setFeed(plain, {
      body: feedBody([SECOND]),
      contentType: "application/json",
    });
    const signedUrl = await feedUrl(signed);
    const client = makeClient([signedUrl, await feedUrl(plain)], {
      [signedUrl]: await exportPublicKeyBase64(pair.publicKey),
    });
    await client.refresh();
    expect(keys(client).sort()).to.deep.equal([
      alertKey(TEST_SENDER, "SIGNED-1"),
      alertKey(TEST_SENDER, "SIGNED-2"),
    ]);
    expect(await feedRequests(`${plain}.sig`)).to.deep.equal([]);
  });

  it("raises TypeError for an unreadable key", () => {
    expect(
      () =>
        new AlertClient({
          feeds: ["https://feeds.example/child/index.json"],
          feedKeys: { "https://feeds.example/child/index.json": "not a key" },
          store: new MemoryAlertStore(),
        }),
    ).to.throw(TypeError, "Invalid public key");
  });
});
