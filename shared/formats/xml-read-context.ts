import type { XmlElement } from "../xml/xml-element.js";
import type { IssueList } from "./issue-list.js";

/** A CAP `alert` element found in a document, with the entry it came from. */
export interface FoundAlert {
  element: XmlElement;
  /** Label of the alert or entry, such as "alert 3" or "entry 2 (urn:x)". */
  entry: string;
}

/** Services that the XML feed readers use from the parse that runs them. */
export interface XmlReadContext {
  issues: IssueList;
  /** Resolves a link against the document's URL; undefined when it is not a URL. */
  resolveUrl(href: string): string | undefined;
  /**
   * Parses XML that a feed carries as escaped text (such as an Atom
   * `content` element holding "&lt;alert..."), under the same limits.
   * Returns undefined, after reporting the error, when it is not XML.
   */
  parseNested(text: string, entry: string): XmlElement | undefined;
}
