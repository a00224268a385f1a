/**
 * The parse benchmark's code inside Chromium: it fetches the generated
 * documents from the benchmark server and times the routes on them. The
 * Node side calls these functions through `page.evaluate`.
 */
import { timeRepeated } from "../timing.js";
import { parseAlertsWithDom } from "./dom-alerts.js";
import { parseRoute, ROUTE_INPUT, type ParseRoute } from "./parse-routes.js";

const documents = new Map<string, string>();

function documentFor(route: ParseRoute, size: number): string {
  const text = documents.get(`${ROUTE_INPUT[route]}-${size}`);
  if (text === undefined)
    throw new Error(`Document for ${route} at ${size} not loaded`);
  return text;
}

const api = {
  /** Fetches `url` into memory as the document `name`; returns its length in UTF-16 units. */
  async load(name: string, url: string): Promise<number> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
    const text = await response.text();
    documents.set(name, text);
    return text.length;
  },
  drop(name: string): void {
    documents.delete(name);
  },
  /** Reads the document once by `route` and returns the number of alerts read. */
  count(route: ParseRoute, size: number): number {
    return parseRoute(route, parseAlertsWithDom)(documentFor(route, size));
  },
  /** Returns the mean time in ms of `repeats` reads of the document by `route`. */
  sample(route: ParseRoute, size: number, repeats: number): number {
    const read = parseRoute(route, parseAlertsWithDom);
    const text = documentFor(route, size);
    return timeRepeated(() => read(text), repeats);
  },
};

export type ParsePageApi = typeof api;

/** The name under which the page script publishes its API. */
export const PARSE_PAGE_GLOBAL = "childAlertParseBench";

(globalThis as unknown as Record<string, ParsePageApi>)[PARSE_PAGE_GLOBAL] =
  api;
