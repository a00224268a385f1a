import { expect } from "chai";
import { fetchFeed, parseRetryAfter } from "../../shared/client/fetch-feed.js";
import {
  feedPollInterval,
  MAX_POLL_INTERVAL_MS,
  MIN_POLL_INTERVAL_MS,
} from "../../shared/client/polling-interval.js";
import {
  feedRequests,
  feedUrl,
  setFeed,
  stopFeedServer,
  uniqueFeedName,
} from "../helpers/feed-harness.js";

describe("fetchFeed", () => {
  after(stopFeedServer);

  it("returns the body and validators", async () => {
    const name = uniqueFeedName("fetch-ok");
    await setFeed(name, {
      body: "<x>hello</x>",
      lastModified: "Wed, 01 May 2024 19:30:00 GMT",
    });
    const result = await fetchFeed(await feedUrl(name));
    expect(result.kind).to.equal("ok");
    if (result.kind !== "ok") return;
    expect(new TextDecoder().decode(result.bytes)).to.equal("<x>hello</x>");
    expect(result.etag).to.match(/^"[0-9a-f]{16}"$/);
    expect(result.lastModified).to.equal("Wed, 01 May 2024 19:30:00 GMT");
    expect(result.date).to.be.a("string");
  });

  it("sends validators and reads 304", async () => {
    const name = uniqueFeedName("fetch-304");
    await setFeed(name, { body: "<x/>" });
    const url = await feedUrl(name);
    const first = await fetchFeed(url);
    if (first.kind !== "ok") throw new Error(`first fetch: ${first.kind}`);
    const second = await fetchFeed(url, { etag: first.etag! });
    expect(second.kind).to.equal("not-modified");
    const requests = await feedRequests(name);
    expect(requests).to.have.length(2);
    expect(requests[0]!.ifNoneMatch).to.equal(null);
    expect(requests[1]!.ifNoneMatch).to.equal(first.etag);
    expect(requests[1]!.status).to.equal(304);
    expect(requests[1]!.bytes).to.equal(0);
  });

  it("sends If-Modified-Since", async () => {
    const name = uniqueFeedName("fetch-ims");
    const lastModified = "Wed, 01 May 2024 19:30:00 GMT";
    await setFeed(name, { body: "<x/>", etag: false, lastModified });
    const result = await fetchFeed(await feedUrl(name), { lastModified });
    expect(result.kind).to.equal("not-modified");
    const requests = await feedRequests(name);
    expect(requests[0]!.ifModifiedSince).to.equal(lastModified);
  });

  it("reports HTTP errors with Retry-After", async () => {
    const name = uniqueFeedName("fetch-503");
    await setFeed(name, {
      body: "busy",
      status: 503,
      headers: { "Retry-After": "120" },
    });
    const result = await fetchFeed(await feedUrl(name));
    expect(result.kind).to.equal("error");
    if (result.kind !== "error") return;
    expect(result.error).to.equal("http");
    expect(result.status).to.equal(503);
    expect(result.retryAfterMs).to.equal(120_000);
    expect(result.message).to.contain("HTTP 503");
  });

  it("times out", async () => {
    const name = uniqueFeedName("fetch-slow");
    await setFeed(name, { body: "<x/>", delayMs: 3000 });
    const result = await fetchFeed(await feedUrl(name), { timeoutMs: 200 });
    expect(result.kind).to.equal("error");
    if (result.kind !== "error") return;
    expect(result.error).to.equal("timeout");
    expect(result.message).to.contain("timed out");
  });

  it("reports an aborted request", async () => {
    const name = uniqueFeedName("fetch-abort");
    await setFeed(name, { body: "<x/>", delayMs: 3000 });
    const controller = new AbortController();
    const pending = fetchFeed(await feedUrl(name), {
      signal: controller.signal,
    });
    controller.abort();
    const result = await pending;
    expect(result.kind).to.equal("error");
    if (result.kind !== "error") return;
    expect(result.error).to.equal("aborted");
  });

  it("fails on a cut body", async () => {
    const name = uniqueFeedName("fetch-cut");
    await setFeed(name, {
      body: "<x>".padEnd(4000, "y") + "</x>",
      truncate: true,
    });
    const result = await fetchFeed(await feedUrl(name));
    expect(result.kind).to.equal("error");
    if (result.kind !== "error") return;
    expect(result.error).to.equal("network");
  });

  it("rejects a body over maxBytes", async () => {
    const name = uniqueFeedName("fetch-big");
    await setFeed(name, { body: "x".repeat(5000) });
    const result = await fetchFeed(await feedUrl(name), { maxBytes: 1000 });
    expect(result.kind).to.equal("error");
    if (result.kind !== "error") return;
    expect(result.message).to.contain("over the limit");
  });

  it("reports a network failure", async () => {
    // Port 9 (discard) on the loopback address has no server here.
    const result = await fetchFeed("http://127.0.0.1:9/feeds/none");
    expect(result.kind).to.equal("error");
    if (result.kind !== "error") return;
    expect(result.error).to.equal("network");
  });

  it("omits credentials and referrer", async () => {
    const name = uniqueFeedName("fetch-privacy");
    await setFeed(name, { body: "<x/>" });
    const inits: RequestInit[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    };
    await fetchFeed(await feedUrl(name), { fetch: recordingFetch });
    expect(inits[0]!.credentials).to.equal("omit");
    expect(inits[0]!.referrerPolicy).to.equal("no-referrer");
    expect(inits[0]!.cache).to.equal("no-store");
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2024-05-01T19:30:00Z");

  it("reads seconds", () => {
    expect(parseRetryAfter("30", now)).to.equal(30_000);
  });

  it("reads an HTTP-date", () => {
    expect(parseRetryAfter("Wed, 01 May 2024 19:32:00 GMT", now)).to.equal(
      120_000,
    );
  });

  it("clamps a past date to zero", () => {
    expect(parseRetryAfter("Wed, 01 May 2024 19:00:00 GMT", now)).to.equal(0);
  });

  it("ignores missing or bad values", () => {
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter("soon", now)).to.equal(undefined);
  });
});

describe("feedPollInterval", () => {
  const publicFeed = "https://alerts.example/feed.xml";

  it("defaults to five minutes", () => {
    expect(feedPollInterval(undefined, publicFeed)).to.equal(300_000);
  });

  it("raises a short interval to two minutes", () => {
    expect(feedPollInterval(10_000, publicFeed)).to.equal(MIN_POLL_INTERVAL_MS);
    expect(MIN_POLL_INTERVAL_MS).to.equal(120_000);
  });

  it("exempts localhost feeds from the floor", () => {
    for (const feed of [
      "http://localhost:8000/feeds/a",
      "http://127.0.0.1:8000/feeds/a",
      "http://[::1]:8000/feeds/a",
    ]) {
      expect(feedPollInterval(5_000, feed), feed).to.equal(5_000);
    }
    expect(feedPollInterval(10, "http://localhost/feeds/a")).to.equal(1_000);
  });

  it("caps the interval at one hour", () => {
    expect(feedPollInterval(86_400_000, publicFeed)).to.equal(
      MAX_POLL_INTERVAL_MS,
    );
    expect(MAX_POLL_INTERVAL_MS).to.equal(3_600_000);
  });
});
