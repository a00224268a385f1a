import type { IssueList } from "./issue-list.js";

/** Settings for validation besides the draft: where to report, and how to read times and links. */
export interface ValidationContext {
  issues: IssueList;
  /** The alert or entry being read, such as "alert 2" or "entry 3 (urn:x)". */
  entry: string;
  /** IANA zone for times written without an offset; without it they are rejected. */
  timeZone?: string;
  /** URL of the document, against which relative links are resolved. */
  baseUrl?: string;
  /**
   * True for the project's own JSON feed, which is written from alerts
   * already read: its text is kept as written, where text from other
   * publishers has one level of double escaping undone.
   */
  textIsClean?: boolean;
}
