/**
 * Parse benchmark: the same generated alerts as a CAP container and as the
 * project's JSON feed, read by each route of `parse-routes.ts`, in Node and
 * in headless Chromium. Routes are interleaved within each run (one sample
 * of every route, then the next run), so a change of machine load during
 * the run reaches every route alike and the ratios stay comparable.
 */
import type { Browser, CDPSession, Page } from "puppeteer-core";
import { realisticAlerts } from "../feed/realistic-alerts.js";
import {
  capContainerDocument,
  jsonFeedDocument,
} from "../feed/feed-documents.js";
import { bundleForPage } from "../browser/bundle-for-page.js";
import type { BenchServer } from "../browser/bench-server.js";
import { formatCapTime } from "../../shared/time/cap-time.js";
import {
  collectNodeGarbage,
  measureRoutes,
  type RouteResult,
  type RouteSampler,
} from "../measure-routes.js";
import { timeRepeated } from "../timing.js";
import { parseRoute, ROUTE_INPUT, type ParseRoute } from "./parse-routes.js";
import { PARSE_PAGE_GLOBAL, type ParsePageApi } from "./page-entry.js";
import { callPage } from "../browser/call-page.js";

export interface ParseSettings {
  sizes: number[];
  /** Measured samples per route at each size up to 1,000 alerts. */
  runs: number;
  /** Measured samples per route at sizes above 1,000 alerts. */
  largeRuns: number;
  /** Unmeasured reads per route before the samples, at sizes up to 1,000 alerts. */
  warmups: number;
  /** Small reads are repeated until one sample lasts this long. */
  minSampleMs: number;
  now: number;
}

export interface SizeResult {
  size: number;
  xmlBytes: number;
  jsonBytes: number;
  /** Per route; `count` is the number of alerts read, which must equal `size`. */
  routes: RouteResult<ParseRoute>[];
}

export interface ParseResults {
  node: SizeResult[];
  chromium: SizeResult[];
}

const NODE_ROUTES: ParseRoute[] = [
  "json-parse",
  "ours-json",
  "ours-xml",
  "fast-xml-parser",
];
const CHROMIUM_ROUTES: ParseRoute[] = [...NODE_ROUTES, "dom-parser"];

interface GeneratedDocuments {
  xml: Buffer;
  json: Buffer;
}

export async function benchParse(
  settings: ParseSettings,
  browser: Browser,
  server: BenchServer,
  log: (line: string) => void,
): Promise<ParseResults> {
  const documents = new Map<number, GeneratedDocuments>();
  for (const size of settings.sizes) {
    const alerts = realisticAlerts(size, settings.now);
    const generated = formatCapTime(settings.now, 0);
    documents.set(size, {
      xml: Buffer.from(capContainerDocument(alerts)),
      json: Buffer.from(jsonFeedDocument(alerts, generated)),
    });
  }

  const node: SizeResult[] = [];
  for (const size of settings.sizes) {
    const { xml, json } = documents.get(size)!;
    const texts = { xml: xml.toString("utf8"), json: json.toString("utf8") };
    const sampler: RouteSampler<ParseRoute> = {
      count: async (route) => parseRoute(route)(texts[ROUTE_INPUT[route]]),
      sample: async (route, repeats) => {
        const read = parseRoute(route);
        const text = texts[ROUTE_INPUT[route]];
        return timeRepeated(() => read(text), repeats);
      },
      collectGarbage: async () => collectNodeGarbage(),
    };
    log(`parse: node, ${size} alerts`);
    node.push({
      size,
      xmlBytes: xml.length,
      jsonBytes: json.length,
      routes: await measureRoutes(
        sampler,
        NODE_ROUTES,
        options(settings, size),
      ),
    });
  }

  const script = await bundleForPage(
    new URL("./page-entry.ts", import.meta.url).pathname,
  );
  server.setPage("parse.html", "<!doctype html><title>parse</title>");
  const openPage = async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}pages/parse.html`);
    await page.addScriptTag({ content: script });
    return page;
  };
  // One page for every size, in increasing order, so the larger sizes run
  // on code that the smaller ones have already optimised, as in Node. A
  // page that crashed is replaced for the next size.
  let page = await openPage();
  const chromium: SizeResult[] = [];
  try {
    for (const size of settings.sizes) {
      const { xml, json } = documents.get(size)!;
      const names = [`xml-${size}`, `json-${size}`];
      server.setFeed(names[0]!, xml, "application/xml");
      server.setFeed(names[1]!, json, "application/json");
      log(`parse: chromium, ${size} alerts`);
      if (page.isClosed() || !(await isAlive(page))) {
        await page.close().catch(() => undefined);
        page = await openPage();
      }
      for (const name of names) {
        await callParsePage(page, "load", name, `${server.url}feeds/${name}`);
      }
      chromium.push({
        size,
        xmlBytes: xml.length,
        jsonBytes: json.length,
        routes: await measureRoutes(
          await chromiumSampler(page, size),
          CHROMIUM_ROUTES,
          options(settings, size),
        ),
      });
      for (const name of names) {
        await callParsePage(page, "drop", name).catch(() => undefined);
      }
    }
  } finally {
    await page.close().catch(() => undefined);
  }
  return { node, chromium };
}

/**
 * Above 1,000 alerts one read takes seconds, so only the checking read
 * warms up: the code is already optimised by the smaller sizes run before.
 */
function options(settings: ParseSettings, size: number) {
  return {
    warmups: size > 1000 ? 1 : settings.warmups,
    runs: size > 1000 ? settings.largeRuns : settings.runs,
    minSampleMs: settings.minSampleMs,
    expectedCount: size,
  };
}

function callParsePage<Name extends keyof ParsePageApi>(
  page: Page,
  method: Name,
  ...args: Parameters<ParsePageApi[Name]>
) {
  return callPage<ParsePageApi, Name>(
    page,
    PARSE_PAGE_GLOBAL,
    method,
    ...(args as never),
  );
}

async function isAlive(page: Page): Promise<boolean> {
  try {
    return (await page.evaluate(() => 1)) === 1;
  } catch {
    return false;
  }
}

async function chromiumSampler(
  page: Page,
  size: number,
): Promise<RouteSampler<ParseRoute>> {
  const session: CDPSession = await page.createCDPSession();
  return {
    count: (route) => callParsePage(page, "count", route, size),
    sample: (route, repeats) =>
      callParsePage(page, "sample", route, size, repeats),
    collectGarbage: async () => {
      await session.send("HeapProfiler.collectGarbage");
    },
  };
}
