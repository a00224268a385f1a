/**
 * `parseFeed`: one entry point for every alert format the library reads.
 *
 * The format is detected from the content, never from a file extension or
 * Content-Type. JSON is the NWS API or the project's own feed. XML is a CAP
 * alert, an Atom or RSS feed, an EDXL-DE envelope, or any container of CAP
 * alerts. It never throws: every problem is returned, with the alert or
 * entry it concerns, what was wrong and the offending value, and one bad
 * alert never loses the others.
 */
import type { CapAlert } from "../model/cap.js";
import type {
  CapLink,
  FeedFormat,
  ParseOptions,
  ParseResult,
} from "../model/feed.js";
import { parseXml, XmlSyntaxError } from "../xml/parse-xml.js";
import type { XmlElement } from "../xml/xml-element.js";
import { ATOM_NAMESPACE, isCapNamespace } from "./cap-namespaces.js";
import { decodeInput, inputSize, type FeedInput } from "./decode-input.js";
import { findCapAlerts, isCapAlertElement } from "./find-cap-alerts.js";
import { IssueList } from "./issue-list.js";
import { jsonNestsDeeperThan } from "./json-depth.js";
import { isJsonFeed, JSON_FEED_VERSION } from "./json-feed.js";
import { readAtom } from "./read-atom.js";
import { readCapXml } from "./read-cap-xml.js";
import { isNwsGeoJson, readNwsGeoJson } from "./read-nws-geojson.js";
import { isDraft } from "./read-values.js";
import { readRss } from "./read-rss.js";
import { recoverAlerts } from "./recover-alerts.js";
import { reportWrongTypes } from "./report-wrong-types.js";
import { validateAlert } from "./validate-alert.js";
import type { ValidationContext } from "./validation-context.js";
import type { FoundAlert, XmlReadContext } from "./xml-read-context.js";

/** Default maximum input size: 32 MiB, about 2,500 alerts of 13 KB. */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** Default maximum nesting depth. A CAP alert nests 5 deep; Atom or EDXL-DE add about 5. */
export const DEFAULT_MAX_DEPTH = 64;

export type { FeedInput };

interface ParseState {
  issues: IssueList;
  options: ParseOptions;
  maxDepth: number;
  alerts: CapAlert[];
  links: CapLink[];
  format: FeedFormat | null;
  fatal: boolean;
}

export function parseFeed(
  input: FeedInput,
  options: ParseOptions = {},
): ParseResult {
  const state: ParseState = {
    issues: new IssueList(),
    options,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    alerts: [],
    links: [],
    format: null,
    fatal: false,
  };
  readDocument(input, state);
  return {
    format: state.format,
    alerts: removeDuplicateAlerts(state.alerts, state.issues),
    links: removeDuplicateLinks(state.links),
    errors: state.issues.errors,
    warnings: state.issues.warnings,
    fatal: state.fatal,
  };
}

function readDocument(input: FeedInput, state: ParseState): void {
  const { issues } = state;
  const maxBytes = state.options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = inputSize(input);
  if (size > maxBytes) {
    return fail(
      state,
      "too-large",
      `The document is ${size} bytes, over the limit of ${maxBytes}; raise maxBytes if this feed is expected to be so large`,
    );
  }

  const text = decodeInput(input, issues);
  const start = firstNonSpace(text);
  if (start === -1) return fail(state, "empty", "The response is empty");
  const first = text[start];
  if (first === "{" || first === "[") return readJson(text, state);
  if (first !== "<") {
    return fail(
      state,
      "not-a-feed",
      "The document is neither XML nor JSON",
      text.slice(start, start + 40),
    );
  }
  if (looksLikeHtml(text, start)) {
    return fail(
      state,
      "html-page",
      "The server returned an HTML page, not a feed",
    );
  }
  readXml(text, state);
}

/**
 * Checks whether the document is an HTML page (an error page, a login
 * page), even after leading comments or an XML declaration, so it is
 * reported as such rather than as broken XML.
 */
function looksLikeHtml(text: string, start: number): boolean {
  const head = text
    .slice(start, start + 2048)
    .replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, "")
    .trimStart();
  return /^<!doctype\s+html|^<html[\s>]/i.test(head);
}

function readXml(text: string, state: ParseState): void {
  const { issues } = state;
  let root: XmlElement;
  try {
    root = parseXml(text, {
      maxDepth: state.maxDepth,
      onWarning: (warning) =>
        issues.warning(warning.code, warning.message, {}, warning.value),
    });
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    fail(
      state,
      error.code,
      `The document is not well-formed XML: ${error.message}`,
    );
    return recover(text, state);
  }

  const context = xmlReadContext(state);
  let found: FoundAlert[];
  if (isCapAlertElement(root)) {
    state.format = "cap";
    found = [{ element: root, entry: "alert 1" }];
  } else if (root.local === "html") {
    return fail(
      state,
      "html-page",
      "The server returned an HTML page, not a feed",
    );
  } else if (
    root.local === "feed" &&
    (root.ns === ATOM_NAMESPACE || root.ns === "")
  ) {
    state.format = "atom";
    const atom = readAtom(root, context);
    found = atom.alerts;
    state.links.push(...atom.links);
  } else if (root.local === "rss" || root.local === "RDF") {
    state.format = "rss";
    const rss = readRss(root, context);
    found = rss.alerts;
    state.links.push(...rss.links);
  } else {
    state.format =
      root.local === "EDXLDistribution" ? "edxl-de" : "cap-container";
    found = findCapAlerts(root).map((element, index) => ({
      element,
      entry: `alert ${index + 1}`,
    }));
    if (found.length === 0) {
      state.format = "xml";
      issues.warning(
        "no-alert",
        `The document <${root.name}> holds no CAP alert; it was read as a feed with no alerts`,
      );
    }
  }

  for (const { element, entry } of found)
    readAlertElement(element, entry, state);
}

function readAlertElement(
  element: XmlElement,
  entry: string,
  state: ParseState,
): void {
  if (!isCapNamespace(element.ns)) {
    state.issues.warning(
      "namespace",
      element.ns === ""
        ? "The alert has no namespace; it was read as CAP"
        : `The alert's namespace is not a CAP namespace; it was read as CAP`,
      { entry },
      element.ns,
    );
  }
  const alert = validateAlert(
    readCapXml(element),
    validationContext(entry, state),
  );
  if (alert !== null) state.alerts.push(alert);
}

function recover(text: string, state: ParseState): void {
  for (const recovered of recoverAlerts(text, state.maxDepth)) {
    const entry = `alert ${recovered.position}`;
    if (recovered.element !== undefined) {
      readAlertElement(recovered.element, entry, state);
    } else {
      state.issues.error(
        "xml-syntax",
        `The alert could not be read: ${recovered.error}`,
        { entry },
      );
    }
  }
}

function readJson(text: string, state: ParseState): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(
      state,
      "json-syntax",
      `The document is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (jsonNestsDeeperThan(json, state.maxDepth)) {
    return fail(
      state,
      "too-deep",
      `The JSON nests arrays and objects deeper than ${state.maxDepth} levels`,
    );
  }

  let drafts: { draft: unknown; entry: string }[];
  if (isJsonFeed(json)) {
    state.format = "child-alert-json";
    if (json["version"] !== JSON_FEED_VERSION) {
      state.issues.warning(
        "invalid-value",
        `The feed is of version ${JSON.stringify(json["version"])}, but this client reads version ${JSON_FEED_VERSION}; it was read as version ${JSON_FEED_VERSION}`,
        { path: "version" },
        json["version"],
      );
    }
    const alerts = json["alerts"];
    if (!Array.isArray(alerts)) {
      // Read as "no alerts", a broken feed would look as if every alert
      // had ended.
      state.fatal = true;
      state.issues.error(
        "invalid-value",
        'The feed\'s "alerts" is not a list of alerts',
        { path: "alerts" },
        alerts === undefined ? "undefined" : alerts,
      );
      return;
    }
    drafts = alerts.map((draft, index) => ({
      draft,
      entry: `alert ${index + 1}`,
    }));
  } else if (isNwsGeoJson(json)) {
    state.format = "nws-geojson";
    drafts = readNwsGeoJson(json as Record<string, unknown>);
  } else {
    return fail(
      state,
      "not-a-feed",
      'The JSON is neither an NWS alerts response nor a feed with "format": "child-alert-feed"',
    );
  }

  for (const { draft, entry } of drafts) {
    if (!isDraft(draft)) {
      state.issues.error(
        "invalid-value",
        "The alert is not a JSON object",
        { entry },
        draft,
      );
      continue;
    }
    const context = validationContext(entry, state);
    if (state.format === "child-alert-json") context.textIsClean = true;
    reportWrongTypes(draft, context);
    const alert = validateAlert(draft, context);
    if (alert !== null) state.alerts.push(alert);
  }
}

function xmlReadContext(state: ParseState): XmlReadContext {
  return {
    issues: state.issues,
    resolveUrl: (href) => {
      try {
        return new URL(href, state.options.baseUrl).href;
      } catch {
        return undefined;
      }
    },
    parseNested: (text, entry) => {
      try {
        return parseXml(text, {
          maxDepth: state.maxDepth,
          onWarning: (warning) =>
            state.issues.warning(
              warning.code,
              warning.message,
              { entry },
              warning.value,
            ),
        });
      } catch (error) {
        if (!(error instanceof XmlSyntaxError)) throw error;
        state.issues.error(
          error.code,
          `The entry's escaped content is not well-formed XML: ${error.message}`,
          { entry },
        );
        return undefined;
      }
    },
  };
}

function validationContext(
  entry: string,
  state: ParseState,
): ValidationContext {
  const context: ValidationContext = { issues: state.issues, entry };
  if (state.options.timeZone !== undefined)
    context.timeZone = state.options.timeZone;
  if (state.options.baseUrl !== undefined)
    context.baseUrl = state.options.baseUrl;
  return context;
}

function fail(
  state: ParseState,
  code:
    | "too-large"
    | "empty"
    | "not-a-feed"
    | "html-page"
    | "xml-syntax"
    | "too-deep"
    | "json-syntax",
  message: string,
  value?: string,
): void {
  state.fatal = true;
  state.issues.error(code, message, {}, value);
}

/**
 * Drops repeats of one message (same sender, identifier and sent), as when
 * an Atom feed lists an alert twice. Messages that differ in `sent` are all
 * kept: the lifecycle keeps the latest.
 */
function removeDuplicateAlerts(
  alerts: CapAlert[],
  issues: IssueList,
): CapAlert[] {
  const seen = new Set<string>();
  return alerts.filter((alert) => {
    const key = `${alert.sender} ${alert.identifier} ${alert.sent}`;
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    issues.warning(
      "duplicate",
      "The same alert appears more than once in the document; it was read once",
      { entry: alert.identifier },
      key,
    );
    return false;
  });
}

/** Keeps the first link to each CAP document; Meteoalarm lists one document per region. */
function removeDuplicateLinks(links: CapLink[]): CapLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    if (seen.has(link.url)) return false;
    seen.add(link.url);
    return true;
  });
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 32) return i;
  }
  return -1;
}
