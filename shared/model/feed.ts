import type { CapAlert, CapMsgType, CapStatus } from "./cap.js";

/** The kinds of document `parseFeed` recognises, detected from the content. */
export type FeedFormat =
  | "cap"
  | "cap-container"
  | "atom"
  | "rss"
  | "edxl-de"
  | "nws-geojson"
  | "child-alert-json"
  | "xml";

/** Machine-readable kind of a parse problem; `message` carries the words. */
export type FeedIssueCode =
  | "empty"
  | "too-large"
  | "too-deep"
  | "not-a-feed"
  | "html-page"
  | "xml-syntax"
  | "json-syntax"
  | "doctype-ignored"
  | "entity-not-expanded"
  | "encoding"
  | "namespace"
  | "missing-element"
  | "invalid-value"
  | "invalid-time"
  | "time-without-offset"
  | "invalid-geometry"
  | "duplicate"
  | "no-alert";

/**
 * A problem found while parsing. An error means that an alert, or a part of
 * one, was dropped; a warning means that something was read with a fix.
 */
export interface FeedIssue {
  code: FeedIssueCode;
  /** A sentence that says what was wrong, for a log or a validator's output. */
  message: string;
  /** Which alert or entry: its identifier where known, else its position, such as "alert 3" or "entry 2". */
  entry?: string;
  /** Where inside the alert, such as "info[0].area[1].polygon[0]". */
  path?: string;
  /** The offending value, shortened to at most 200 characters. */
  value?: string;
}

/**
 * A CAP document that an index (thin Atom entries, RSS items) points to
 * instead of embedding it. The client fetches it; the summary fields, taken
 * from `cap:` extension elements where the index has them, let the client
 * skip documents it already holds or that have ended.
 */
export interface CapLink {
  url: string;
  /** Atom `id` or RSS `guid` of the entry. */
  entryId?: string;
  /** Atom `updated` or RSS `pubDate` of the entry, as written. */
  updated?: string;
  identifier?: string;
  sender?: string;
  sent?: string;
  status?: CapStatus;
  msgType?: CapMsgType;
  expires?: string;
}

/** The outcome of `parseFeed`: never thrown, always returned. */
export interface ParseResult {
  /** The detected format, or null when the input is not a feed at all. */
  format: FeedFormat | null;
  alerts: CapAlert[];
  links: CapLink[];
  errors: FeedIssue[];
  warnings: FeedIssue[];
  /**
   * True when the document as a whole could not be read (empty, truncated,
   * not XML or JSON, an HTML page, too large). Alerts recovered from a broken
   * document may still be listed, but a client must not treat the fetch as
   * good: it keeps its last good alerts and does not store the validators.
   */
  fatal: boolean;
}

/** Limits and context for `parseFeed`. */
export interface ParseOptions {
  /** Maximum input size in bytes (or UTF-16 code units for a string). Default 32 MiB. */
  maxBytes?: number;
  /** Maximum element nesting depth. Default 64. */
  maxDepth?: number;
  /**
   * IANA time zone in which to read CAP times that lack the offset CAP
   * requires, such as "Europe/Paris". Without it, such times are rejected.
   */
  timeZone?: string;
  /** URL the document was fetched from: relative links are resolved against it. */
  baseUrl?: string;
}
