import type { CapMsgType, CapStatus } from "../model/cap.js";

/** Which kind of child alert an info block announces, by the project's profile. */
export type ChildAlertKind = "abduction" | "missing";

/** A photo of the child, taken from an image `resource` whose URL passed the safety check. */
export interface AlertPhoto {
  /** An `https:` URL (or `http:` on localhost), or a `data:image/...` URL made from `derefUri`. */
  url: string;
  mimeType: string;
  /** Text alternative built from the alert: the resource description and the headline. */
  alt: string;
}

/**
 * One alert as the surfaces show it: the info block chosen for the reader's
 * language, flattened, with every URL checked. Values are feed text, to be
 * rendered as text and never as HTML.
 */
export interface AlertView {
  /** Stable key of the alert: sender and identifier. */
  key: string;
  /** Key of this version: changes when an Update replaces the alert. */
  version: string;
  /** Key of the first message of the alert's chain of Updates. */
  caseKey: string;
  sender: string;
  identifier: string;
  /** CAP dateTime of this version, as the publisher wrote it. */
  sent: string;
  status: CapStatus;
  msgType: CapMsgType;
  /** The CAP `incidents` this alert belongs to, for grouping related alerts. */
  incidents: string[];
  kind: ChildAlertKind | null;
  /** Language tag of the chosen info block. */
  language: string;
  event: string;
  /** The info's headline, or its event when there is none. */
  headline: string;
  senderName?: string;
  description?: string;
  instruction?: string;
  contact?: string;
  /** The authority's page: an `https:` URL (or `http:` on localhost). */
  web?: string;
  /** The `areaDesc` of every area of the chosen info, joined with "; ". */
  areaDesc: string;
  photo?: AlertPhoto;
  /** CAP dateTime from which the alert applies (`onset`, else `effective`, else `sent`). */
  onset: string;
  /**
   * When the alert ends: the event's end where the publisher separates it
   * from `expires`, else `expires`. Undefined when the publisher gave no
   * end and the client's default lifetime applies.
   */
  ends?: string;
  /** Milliseconds since the epoch at which the client stops showing the alert. */
  endMs: number;
  /** The child's age, from the `child-alert:age` parameter. */
  age?: string;
  /** What the child looks like and wears, from `child-alert:appearance`. */
  appearance?: string;
  /** Where the child was last seen, from `child-alert:last-seen-place`. */
  lastSeenPlace?: string;
  /** CAP dateTime when the child was last seen, from `child-alert:last-seen-time`. */
  lastSeenTime?: string;
}
