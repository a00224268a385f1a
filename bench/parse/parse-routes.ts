/**
 * The ways of reading a feed that the parse benchmark compares, as
 * functions from the document text to the number of alerts read, so the
 * Node and Chromium runs time exactly the same code.
 */
import { XMLParser } from "fast-xml-parser";
import { parseFeed } from "../../shared/formats/parse-feed.js";

/** A route's name: which parser, and which form of the feed it reads. */
export type ParseRoute =
  "json-parse" | "ours-json" | "ours-xml" | "fast-xml-parser" | "dom-parser";

/** The document each route reads. */
export const ROUTE_INPUT: Record<ParseRoute, "xml" | "json"> = {
  "json-parse": "json",
  "ours-json": "json",
  "ours-xml": "xml",
  "fast-xml-parser": "xml",
  "dom-parser": "xml",
};

/** Above the 10,000-alert feed (about 135 MB), so no size limit applies. */
const MAX_BYTES = 512 * 1024 * 1024;

/**
 * fast-xml-parser keeps every value as a string (CAP geocodes such as
 * "006037" must not become numbers), reads attributes and strips namespace
 * prefixes, as a CAP reader would configure it.
 */
const fastXmlParser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

type Route = (text: string) => number;

/**
 * Returns the function that reads a document by `route`. `dom-parser` needs
 * `parseAlertsWithDom`, passed in by the browser bundle, because Node has no
 * DOMParser.
 */
export function parseRoute(
  route: ParseRoute,
  domParser?: (text: string) => unknown[],
): Route {
  switch (route) {
    case "json-parse":
      return (text) =>
        (JSON.parse(text) as { alerts: unknown[] }).alerts.length;
    case "ours-json":
    case "ours-xml":
      return (text) => parseFeed(text, { maxBytes: MAX_BYTES }).alerts.length;
    case "fast-xml-parser":
      return (text) => {
        const document = fastXmlParser.parse(text) as {
          alerts: { alert: unknown };
        };
        const alerts = document.alerts.alert;
        return Array.isArray(alerts) ? alerts.length : 1;
      };
    case "dom-parser":
      if (domParser === undefined) {
        throw new Error("The dom-parser route runs only in a browser");
      }
      return (text) => domParser(text).length;
  }
}
