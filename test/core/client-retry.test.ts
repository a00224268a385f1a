import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import { fetchFeed } from "../../shared/client/fetch-feed.js";
import { fetchFeedWithRetry } from "../../shared/client/fetch-with-retry.js";
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  MAX_ATTEMPTS_PER_POLL,
  type RetryPolicy,
} from "../../shared/client/retry-policy.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import { recordEvents } from "../helpers/alert-client-events.js";
import { makeAlert, TEST_SENDER } from "../helpers/cap-alert.js";
import { capXml } from "../helpers/cap-xml.js";
import {
  feedRequests,
  feedUrl,
  setFeed,
  stopFeedServer,
  uniqueFeedName,
} from "../helpers/feed-harness.js";

/** Retries at once, so the tests do not wait; the waits have their own test. */
const QUICK: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 1,
  maxDelayMs: 1,
  maxRetryAfterWaitMs: 5_000,
};

const NOW = Date.parse("2024-05-01T20:00:00Z");
const alert = makeAlert({ identifier: "TEST-RETRY" });

describe("retry policy", () => {
  it("draws waits with full jitter", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000 };
    expect(backoffDelayMs(1, policy, () => 0)).to.equal(0);
    expect(backoffDelayMs(1, policy, () => 0.999)).to.equal(999);
    expect(backoffDelayMs(2, policy, () => 0.999)).to.equal(1998);
    expect(backoffDelayMs(3, policy, () => 0.5)).to.equal(2000);
    expect(backoffDelayMs(20, policy, () => 0.999)).to.equal(
      Math.floor(0.999 * policy.maxDelayMs),
    );
  });

  it("bounds the attempts of a poll", () => {
    expect(MAX_ATTEMPTS_PER_POLL).to.equal(3);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).to.equal(MAX_ATTEMPTS_PER_POLL);
  });

  it("retries only temporary failures", () => {
    const cases: [Parameters<typeof isRetryable>[0], boolean][] = [
      [{ kind: "error", error: "network", message: "" }, true],
      [{ kind: "error", error: "timeout", message: "" }, true],
      [{ kind: "error", error: "aborted", message: "" }, false],
      [{ kind: "not-modified" }, false],
      [{ kind: "ok", bytes: new Uint8Array() }, false],
    ];
    for (const status of [408, 429, 500, 502, 503, 504]) {
      cases.push([{ kind: "error", error: "http", status, message: "" }, true]);
    }
    for (const status of [400, 403, 404, 410, 501]) {
      cases.push([
        { kind: "error", error: "http", status, message: "" },
        false,
      ]);
    }
    for (const [result, expected] of cases) {
      expect(isRetryable(result), JSON.stringify(result)).to.equal(expected);
    }
  });
});

describe("fetchFeedWithRetry", () => {
  after(stopFeedServer);

  it("succeeds after two failures", async () => {
    const name = uniqueFeedName("retry-recover");
    await setFeed(name, {
      body: capXml(alert),
      sequence: [
        { status: 500, body: "down" },
        { status: 503, body: "busy" },
      ],
    });
    const result = await fetchFeedWithRetry(await feedUrl(name), {
      retry: QUICK,
    });
    expect(result.kind).to.equal("ok");
    expect(result.attempts).to.equal(3);
    const requests = await feedRequests(name);
    expect(requests.map((request) => request.status)).to.deep.equal([
      500, 503, 200,
    ]);
  });

  it("stops at the attempt limit", async () => {
    const name = uniqueFeedName("retry-limit");
    await setFeed(name, { body: "busy", status: 503 });
    const result = await fetchFeedWithRetry(await feedUrl(name), {
      retry: QUICK,
    });
    expect(result.kind).to.equal("error");
    expect(result.attempts).to.equal(QUICK.maxAttempts);
    expect(await feedRequests(name)).to.have.length(QUICK.maxAttempts);
  });

  it("does not retry a 404", async () => {
    const name = uniqueFeedName("retry-404");
    await setFeed(name, { body: "gone", status: 404 });
    const result = await fetchFeedWithRetry(await feedUrl(name), {
      retry: QUICK,
    });
    expect(result.kind).to.equal("error");
    expect(result.attempts).to.equal(1);
    expect(await feedRequests(name)).to.have.length(1);
  });

  it("times out every attempt", async () => {
    const name = uniqueFeedName("retry-slow");
    await setFeed(name, { body: capXml(alert), delayMs: 3000 });
    const result = await fetchFeedWithRetry(await feedUrl(name), {
      retry: { ...QUICK, maxAttempts: 2 },
      timeoutMs: 200,
    });
    expect(result.kind).to.equal("error");
    if (result.kind !== "error") return;
    expect(result.error).to.equal("timeout");
    expect(result.attempts).to.equal(2);
    expect(await feedRequests(name)).to.have.length(2);
  });

  it("waits a short Retry-After on 429", async () => {
    const name = uniqueFeedName("retry-429");
    await setFeed(name, {
      body: capXml(alert),
      sequence: [{ status: 429, headers: { "Retry-After": "1" } }],
    });
    const result = await fetchFeedWithRetry(await feedUrl(name), {
      retry: QUICK,
    });
    expect(result.kind).to.equal("ok");
    const requests = await feedRequests(name);
    expect(requests).to.have.length(2);
    // The retry came no earlier than the server asked: a lower bound, which
    // a slow machine only makes longer. Timers may round down by a few ms.
    expect(requests[1]!.time - requests[0]!.time).to.be.at.least(950);
  });

  it("reads an HTTP-date Retry-After on 503", async () => {
    const name = uniqueFeedName("retry-503-date");
    const serverNow = Date.now();
    await setFeed(name, {
      body: capXml(alert),
      sequence: [
        {
          status: 503,
          date: new Date(serverNow).toUTCString(),
          headers: {
            "Retry-After": new Date(serverNow + 2000).toUTCString(),
          },
        },
      ],
    });
    const result = await fetchFeedWithRetry(await feedUrl(name), {
      retry: QUICK,
    });
    expect(result.kind).to.equal("ok");
    expect(result.attempts).to.equal(2);
  });

  it("gives up on a long Retry-After", async () => {
    const name = uniqueFeedName("retry-long");
    await setFeed(name, {
      body: "busy",
      status: 503,
      headers: { "Retry-After": "600" },
    });
    const result = await fetchFeedWithRetry(await feedUrl(name), {
      retry: QUICK,
    });
    expect(result.kind).to.equal("error");
    if (result.kind !== "error") return;
    expect(result.retryAfterMs).to.equal(600_000);
    expect(result.attempts).to.equal(1);
    expect(await feedRequests(name)).to.have.length(1);
  });

  it("stops waiting when aborted", async () => {
    const name = uniqueFeedName("retry-abort");
    await setFeed(name, { body: "busy", status: 500 });
    const controller = new AbortController();
    const pending = fetchFeedWithRetry(await feedUrl(name), {
      retry: { ...QUICK, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      random: () => 0.999,
      signal: controller.signal,
    });
    // Abort once the first attempt has failed and the long wait began.
    while ((await feedRequests(name)).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    controller.abort();
    const result = await pending;
    expect(result.kind).to.equal("error");
    if (result.kind !== "error") return;
    expect(result.error).to.equal("aborted");
    expect(await feedRequests(name)).to.have.length(1);
  });
});

describe("fetchFeed Retry-After", () => {
  after(stopFeedServer);

  it("reads an HTTP-date against the server's Date", async () => {
    const name = uniqueFeedName("retry-after-date");
    await setFeed(name, {
      body: "busy",
      status: 503,
      date: "Wed, 01 May 2024 19:30:00 GMT",
      headers: { "Retry-After": "Wed, 01 May 2024 19:32:00 GMT" },
    });
    // The reader's clock is a day off: the wait still comes out at two minutes.
    const result = await fetchFeed(await feedUrl(name), {
      now: () => Date.parse("2024-05-02T19:30:00Z"),
    });
    expect(result.kind).to.equal("error");
    if (result.kind !== "error") return;
    expect(result.retryAfterMs).to.equal(120_000);
  });
});

describe("AlertClient retries", () => {
  const clients: AlertClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
  });
  after(stopFeedServer);

  function makeClient(url: string): AlertClient {
    const client = new AlertClient({
      feeds: [url],
      store: new MemoryAlertStore(),
      now: () => NOW,
      intervalMs: 3_600_000,
      languages: ["en"],
      retry: QUICK,
    });
    clients.push(client);
    return client;
  }

  it("shows alerts after retried failures", async () => {
    const name = uniqueFeedName("client-retry-ok");
    await setFeed(name, {
      body: capXml(alert),
      sequence: [{ status: 502, body: "bad gateway" }],
    });
    const client = makeClient(await feedUrl(name));
    const log = recordEvents(client);
    await client.refresh();
    expect(client.alerts.map((view) => view.key)).to.deep.equal([
      alertKey(TEST_SENDER, "TEST-RETRY"),
    ]);
    expect(log.errors).to.deep.equal([]);
    expect(await feedRequests(name)).to.have.length(2);
  });

  it("holds a feed for a long 429", async () => {
    const name = uniqueFeedName("client-retry-429");
    const url = await feedUrl(name);
    await setFeed(name, {
      body: "slow down",
      status: 429,
      headers: { "Retry-After": "3600" },
    });
    const client = makeClient(url);
    const log = recordEvents(client);
    await client.refresh();
    expect(log.errors).to.have.length(1);
    expect(log.errors[0]!.message).to.contain("HTTP 429");

    await setFeed(name, { body: capXml(alert) });
    await client.refresh();
    expect(await feedRequests(name)).to.have.length(1);
    expect(client.alerts).to.deep.equal([]);
  });
});
