/**
 * IndexedDB over its quota, in Chromium: the client goes on in memory,
 * still shows alerts, and reports the failure once, however many writes
 * follow.
 *
 * The quota is lowered through a Chromium DevTools command,
 * `Storage.overrideQuotaForOrigin`, so the test runs in Chromium only. In
 * Chromium 156 here the override took effect only for an origin that had
 * not used storage yet. So the test starts its own browser instead of
 * running in the browser suite, whose origin other tests already used.
 *
 * The page is test/helpers/client-tab.html's script bundled with esbuild,
 * served with the feed server from one localhost server.
 */
import { expect } from "chai";
import { build } from "esbuild";
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import puppeteer, { type Browser } from "puppeteer-core";
import { FeedServer } from "../harness/feed-server.js";
import { generatedAlert } from "../helpers/generated-feed.js";
import { capContainerXml } from "../helpers/cap-xml.js";
import type { ClientTab } from "../helpers/client-tab.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NOW = Date.parse("2024-05-01T20:00:00Z");

/** Bundles the tab script into one ES module for the page. */
async function bundleTabScript(): Promise<string> {
  const result = await build({
    entryPoints: [`${ROOT}test/helpers/client-tab.ts`],
    bundle: true,
    format: "esm",
    target: "es2022",
    write: false,
  });
  return result.outputFiles[0]!.text;
}

describe("client over the storage quota", () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  const feeds = new FeedServer();

  before(async () => {
    const script = await bundleTabScript();
    feeds.setFeed("client-tab.js", {
      body: script,
      contentType: "text/javascript",
    });
    feeds.setFeed("tab.html", {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tab</title><script type="module" src="/feeds/client-tab.js"></script></head><body></body></html>`,
      contentType: "text/html; charset=utf-8",
    });
    server = createServer((request, response) => {
      if (!feeds.handle(request, response)) response.writeHead(404).end();
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve()),
    );
    const address = server.address();
    if (address === null || typeof address === "string") {
      throw new Error("The test server has no TCP address.");
    }
    origin = `http://localhost:${address.port}`;
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it("goes on in memory and says so once", async () => {
    feeds.setFeed("alerts", {
      body: capContainerXml([generatedAlert(1)]),
    });
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const session = await page.createCDPSession();
    await session.send("Storage.overrideQuotaForOrigin", {
      origin,
      quotaSize: 1,
    });
    const query = new URLSearchParams({
      feeds: "/feeds/alerts",
      db: "quota-test",
      interval: "1000",
      now: String(NOW),
    });
    await page.goto(`${origin}/feeds/tab.html?${query}`);

    const tabState = () =>
      page.evaluate(() => {
        const tab = (window as { clientTab?: ClientTab }).clientTab;
        return tab === undefined
          ? null
          : {
              alerts: tab.client.alerts.length,
              storeKind: tab.client.storeKind,
              storeFallback: tab.client.storeFallback,
              storeErrors: tab.storeErrors,
              role: tab.client.pollingRole,
            };
      });
    const waitForAlerts = async (count: number) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const state = await tabState();
        if (state !== null && state.alerts >= count) return state;
        if (Date.now() > deadline) {
          throw new Error(
            `Timed out waiting for ${count} alerts: ${JSON.stringify(state)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    await waitForAlerts(1);
    // Each poll brings a new alert, so each would write to the store.
    for (let count = 2; count <= 4; count += 1) {
      feeds.setFeed("alerts", {
        body: capContainerXml(
          Array.from({ length: count }, (_, index) =>
            generatedAlert(index + 1),
          ),
        ),
      });
      await waitForAlerts(count);
    }
    const state = (await tabState())!;
    expect(state.alerts).to.equal(4);
    expect(state.storeKind).to.equal("memory");
    expect(state.storeFallback).to.contain("QuotaExceededError");
    expect(state.storeErrors).to.have.length(1);
    expect(state.storeErrors[0]!.kind).to.equal("quota");
    expect(state.storeErrors[0]!.fallback).to.equal(true);
    // Without a shared store the tab polls on its own.
    expect(state.role).to.equal("independent");
    await context.close();
  });
});
