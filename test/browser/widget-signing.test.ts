/**
 * The `key` attribute against the feed server: feeds signed in the test
 * with Web Crypto (Ed25519), as the feed tool signs them. A feed whose
 * signature is missing or wrong is rejected and the last good alerts stay.
 */
import { expect } from "chai";
import "../../widget/define/define-child-alert.js";
import type { ChildAlert } from "../../widget/child-alert.js";
import { DISMISSED_STORAGE_KEY } from "../../widget/dismissal/dismissed-versions.js";
import {
  exportPublicKeyBase64,
  generateFeedKeyPair,
} from "../../shared/signing/feed-keys.js";
import { signFeedBytes } from "../../shared/signing/sign-feed.js";
import type { WebCryptoKey } from "../../shared/signing/web-crypto.js";
import {
  capAlert,
  capTimeFromNow,
  feedRequests,
  jsonFeed,
  mount,
  putFeed,
  uniqueFeedName,
  unmountAll,
} from "./widget-helpers.js";

const HOUR = 3_600_000;

function sign(body: string, key: WebCryptoKey): Promise<string> {
  return signFeedBytes(new TextEncoder().encode(body), key);
}

/** Publishes a feed and, unless `signature` is null, its `.sig` file. */
async function publish(
  name: string,
  body: string,
  signature: string | null,
): Promise<void> {
  await putFeed(name, { body, contentType: "application/json" });
  await putFeed(
    `${name}.sig`,
    signature === null
      ? { status: 404, body: "Not found" }
      : { body: signature, contentType: "text/plain" },
  );
}

function feedBody(code: [string, string], identifiers: string[]): string {
  return jsonFeed(
    identifiers.map((identifier) =>
      capAlert({
        identifier,
        sent: capTimeFromNow(-HOUR),
        expires: capTimeFromNow(HOUR),
        headline: `Invented alert ${identifier}`,
        geocode: code,
      }),
    ),
  );
}

function identifiers(element: ChildAlert): string[] {
  return element.alerts.map((alert) => alert.identifier).sort();
}

/** Collects console warnings while `run` runs. */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(" "));
  };
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

let counter = 0;
function uniqueCode(): [string, string] {
  counter += 1;
  return ["TEST", `signed-${Date.now()}-${counter}`];
}

describe("widget key attribute", () => {
  beforeEach(() => localStorage.removeItem(DISMISSED_STORAGE_KEY));
  afterEach(unmountAll);

  it("keeps the last good alerts", async () => {
    const pair = await generateFeedKeyPair();
    const other = await generateFeedKeyPair();
    const publicKey = await exportPublicKeyBase64(pair.publicKey);
    const name = uniqueFeedName("widget-signed");
    const code = uniqueCode();
    const good = feedBody(code, ["SIGNED-1"]);
    await publish(name, good, await sign(good, pair.privateKey));

    const element = mount<ChildAlert>(
      `<child-alert eager key="${publicKey}" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    await element.refresh();
    expect(identifiers(element)).to.deep.equal(["SIGNED-1"]);
    expect(await feedRequests(`${name}.sig`)).to.have.length(1);

    // A new version signed with another key is rejected.
    const changed = feedBody(code, ["SIGNED-1", "SIGNED-2"]);
    await publish(name, changed, await sign(changed, other.privateKey));
    const wrong = await warningsDuring(() => element.refresh());
    expect(identifiers(element)).to.deep.equal(["SIGNED-1"]);
    expect(wrong.join("\n")).to.contain("rejected");

    // Without its .sig file it is rejected too.
    await publish(name, changed, null);
    const missing = await warningsDuring(() => element.refresh());
    expect(identifiers(element)).to.deep.equal(["SIGNED-1"]);
    expect(missing.join("\n")).to.contain("is missing (HTTP 404)");

    // Signed with the right key, the new version is read.
    await publish(name, changed, await sign(changed, pair.privateKey));
    await element.refresh();
    expect(identifiers(element)).to.deep.equal(["SIGNED-1", "SIGNED-2"]);
  });

  it("applies to every feed", async () => {
    const pair = await generateFeedKeyPair();
    const publicKey = await exportPublicKeyBase64(pair.publicKey);
    const signed = uniqueFeedName("widget-signed-a");
    const unsigned = uniqueFeedName("widget-signed-b");
    const code = uniqueCode();
    const signedBody = feedBody(code, ["SIGNED-A"]);
    await publish(signed, signedBody, await sign(signedBody, pair.privateKey));
    await publish(unsigned, feedBody(code, ["UNSIGNED-B"]), null);

    const element = mount<ChildAlert>(
      `<child-alert eager key="${publicKey}" feed="/feeds/${signed} /feeds/${unsigned}" region="${code.join(":")}"></child-alert>`,
    );
    await warningsDuring(() => element.refresh());
    expect(identifiers(element)).to.deep.equal(["SIGNED-A"]);
    expect(await feedRequests(`${unsigned}.sig`)).to.have.length.above(0);
  });

  it("without key reads unsigned feeds", async () => {
    const name = uniqueFeedName("widget-unsigned");
    const code = uniqueCode();
    await publish(name, feedBody(code, ["PLAIN-1"]), null);
    const element = mount<ChildAlert>(
      `<child-alert eager feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    await element.refresh();
    expect(identifiers(element)).to.deep.equal(["PLAIN-1"]);
    expect(await feedRequests(`${name}.sig`)).to.have.length(0);
  });

  it("invalid key fetches nothing", async () => {
    const name = uniqueFeedName("widget-bad-key");
    const code = uniqueCode();
    await publish(name, feedBody(code, ["BAD-KEY-1"]), null);
    const element = mount<ChildAlert>(
      `<child-alert eager key="not-a-key" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    const warnings = await warningsDuring(() => element.refresh());
    expect(element.alerts).to.deep.equal([]);
    expect(await feedRequests(name)).to.have.length(0);
    expect(warnings.join("\n")).to.contain("Invalid public key");
    expect(warnings.join("\n")).to.contain("key attribute");
  });
});
