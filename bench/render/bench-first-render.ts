/**
 * First-render benchmark: the time from `<child-alert>` being connected to
 * the first frame that shows an alert, on a host page served from
 * 127.0.0.1, on a first visit (empty IndexedDB, the engine module and the
 * feed from the network) and on a second visit (the alerts from the
 * IndexedDB cache, while the server delays the feed by FEED_HOLD_MS so
 * the network cannot win). The floor is the floor element
 * fetching the same alerts as JSON from the same server.
 *
 * Each iteration runs in a fresh browser context (empty storage and HTTP
 * cache): floor, first visit, unchanged poll, second visit. The first
 * iteration is a warm-up and is not counted.
 */
import type { Browser, Page } from "puppeteer-core";
import type {
  BenchServer,
  FeedRequestRecord,
} from "../browser/bench-server.js";
import {
  capContainerDocument,
  jsonFeedDocument,
} from "../feed/feed-documents.js";
import { realisticAlerts } from "../feed/realistic-alerts.js";
import { formatCapTime } from "../../shared/time/cap-time.js";
import { allowCompiledFunctions } from "../browser/launch-chromium.js";
import { hostPage, insertAndTimeFirstAlert } from "./host-pages.js";

/** Delay of every feed response on the second visit, in ms. */
const FEED_HOLD_MS = 3000;
const RENDER_TIMEOUT_MS = 20_000;

export interface FirstRenderSettings {
  /** Counted iterations, after one warm-up. */
  iterations: number;
  /** Alerts in the feed. */
  alertCount: number;
  now: number;
}

export interface FirstRenderResults {
  alertCount: number;
  feedBytes: number;
  /** ms per iteration. */
  floor: number[];
  network: number[];
  cache: number[];
  /** Files under dist/widget/ that the first visit loaded, in request order. */
  loadedFiles: string[];
  /** The feed requests of one `refresh()` after the first visit's render. */
  unchangedPoll: FeedRequestRecord[];
}

export async function benchFirstRender(
  settings: FirstRenderSettings,
  browser: Browser,
  server: BenchServer,
  floorScript: string,
  log: (line: string) => void,
): Promise<FirstRenderResults> {
  const alerts = realisticAlerts(settings.alertCount, settings.now);
  const xml = capContainerDocument(alerts);
  const json = jsonFeedDocument(alerts, formatCapTime(settings.now, 0));
  server.setFeed("render.xml", xml, "application/xml");
  server.setFeed("render.json", json, "application/json");
  server.setPage("floor.js", floorScript, "text/javascript");
  server.setPage("render-widget.html", hostPage("widget"));
  server.setPage("render-floor.html", hostPage("floor"));

  const results: FirstRenderResults = {
    alertCount: settings.alertCount,
    feedBytes: Buffer.byteLength(xml),
    floor: [],
    network: [],
    cache: [],
    unchangedPoll: [],
    loadedFiles: [],
  };
  const widgetAttributes = {
    feed: `${server.url}feeds/render.xml`,
    eager: "",
    lang: "en",
  };

  for (let iteration = 0; iteration <= settings.iterations; iteration++) {
    log(
      `first render: iteration ${iteration} of ${settings.iterations}${iteration === 0 ? " (warm-up)" : ""}`,
    );
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await allowCompiledFunctions(page);
      server.setFeedDelay(0);

      await openHostPage(
        page,
        `${server.url}pages/render-floor.html`,
        "floor-alerts",
      );
      const floor = await page.evaluate(
        insertAndTimeFirstAlert,
        "floor-alerts",
        { feed: `${server.url}feeds/render.json` },
        RENDER_TIMEOUT_MS,
      );

      server.takeWidgetRequests();
      await openHostPage(
        page,
        `${server.url}pages/render-widget.html`,
        "child-alert",
      );
      const network = await page.evaluate(
        insertAndTimeFirstAlert,
        "child-alert",
        widgetAttributes,
        RENDER_TIMEOUT_MS,
      );
      const loadedFiles = [...new Set(server.takeWidgetRequests())];
      // Let the first poll finish and store the alerts before the next visit.
      await page.evaluate(() =>
        (
          document.querySelector("child-alert") as HTMLElement & {
            refresh(): Promise<void>;
          }
        ).refresh(),
      );
      server.takeFeedRequests();
      await page.evaluate(() =>
        (
          document.querySelector("child-alert") as HTMLElement & {
            refresh(): Promise<void>;
          }
        ).refresh(),
      );
      const unchangedPoll = server.takeFeedRequests();

      server.setFeedDelay(FEED_HOLD_MS);
      await openHostPage(
        page,
        `${server.url}pages/render-widget.html`,
        "child-alert",
      );
      const cache = await page.evaluate(
        insertAndTimeFirstAlert,
        "child-alert",
        widgetAttributes,
        RENDER_TIMEOUT_MS,
      );
      if (cache >= FEED_HOLD_MS) {
        throw new Error(
          `The second visit rendered after ${cache.toFixed(0)} ms, not before the held-back feed response: it did not render from the cache`,
        );
      }
      if (iteration > 0) {
        results.floor.push(floor);
        results.network.push(network);
        results.cache.push(cache);
        if (results.unchangedPoll.length === 0) {
          results.unchangedPoll = unchangedPoll;
          results.loadedFiles = loadedFiles;
        }
      }
    } finally {
      server.setFeedDelay(0);
      await context.close();
    }
  }
  return results;
}

/** Loads a host page and waits until its script has defined `tag`. */
async function openHostPage(
  page: Page,
  url: string,
  tag: string,
): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate((tag) => customElements.whenDefined(tag), tag);
}
