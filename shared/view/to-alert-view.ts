/**
 * Builds the `AlertView` a surface shows from a stored alert: the info block
 * for the reader's language, flattened, with every URL checked.
 */
import { childAlertKind } from "../filter/events.js";
import { chooseInfoFor } from "../filter/language.js";
import { alertEnd } from "../lifecycle/end-time.js";
import type { StoredAlert } from "../lifecycle/lifecycle-state.js";
import type { CapInfo, CapResource, CapValuePair } from "../model/cap.js";
import type { AlertPhoto, AlertView } from "./alert-view.js";
import { safeWebUrl } from "./safe-url.js";

/** Image types that may be shown from an embedded `derefUri`. SVG is excluded because it can carry scripts. */
const EMBEDDABLE_IMAGE_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
]);

/**
 * Largest embedded photo turned into a `data:` URL, in bytes once decoded:
 * 2 MiB. A chosen bound, well above a typical alert photo, that keeps one
 * feed from putting many megabytes into every rendered view.
 */
export const MAX_EMBEDDED_PHOTO_BYTES = 2 * 1024 * 1024;

/** The project's CAP parameters for the child's details. */
export const CHILD_PARAMETERS = {
  age: "child-alert:age",
  appearance: "child-alert:appearance",
  lastSeenPlace: "child-alert:last-seen-place",
  lastSeenTime: "child-alert:last-seen-time",
} as const;

/** Options for `toAlertView`. */
export interface AlertViewOptions {
  /** The reader's languages, most preferred first (BCP 47 tags). */
  languages: readonly string[];
  /**
   * Limits the info blocks to choose from, such as those that concern the
   * reader's place. When none passes, every info block is a candidate.
   */
  infoFilter?: (info: CapInfo) => boolean;
  /** Lifetime of an alert with no end time, as given to the lifecycle. Default 24 hours. */
  defaultLifetimeMs?: number;
}

/**
 * Builds the view of a stored alert. The headline falls back to the event,
 * areas are joined with "; ", `web` and the photo are kept only when their
 * URLs are safe (safe-url.ts), and `ends` is the publisher's end time, left
 * out when the default lifetime applies.
 */
export function toAlertView(
  stored: StoredAlert,
  options: AlertViewOptions,
): AlertView {
  const { alert } = stored;
  const info =
    (options.infoFilter === undefined
      ? undefined
      : chooseInfoFor(alert, options.languages, options.infoFilter)) ??
    chooseInfoFor(alert, options.languages);
  const end = alertEnd(
    alert,
    options.defaultLifetimeMs === undefined
      ? {}
      : { defaultLifetimeMs: options.defaultLifetimeMs },
  );
  const event = info?.event.trim() ?? "";
  const headline = info?.headline?.trim() || event;

  const view: AlertView = {
    key: stored.key,
    version: `${stored.key},${alert.sent}`,
    caseKey: stored.caseKey,
    sender: alert.sender,
    identifier: alert.identifier,
    sent: alert.sent,
    status: alert.status,
    msgType: alert.msgType,
    incidents: [...alert.incidents],
    kind: info === undefined ? null : childAlertKind(info),
    language: info?.language ?? "",
    event,
    headline,
    areaDesc: (info?.area ?? [])
      .map((area) => area.areaDesc.trim())
      .filter((text) => text !== "")
      .join("; "),
    onset: info?.onset ?? info?.effective ?? alert.sent,
    endMs: stored.endMs,
  };
  if (end !== null && end.source !== "default" && end.text !== undefined) {
    view.ends = end.text;
  }
  if (info === undefined) return view;

  copyText(view, "senderName", info.senderName);
  copyText(view, "description", info.description);
  copyText(view, "instruction", info.instruction);
  copyText(view, "contact", info.contact);
  const web = safeWebUrl(info.web);
  if (web !== undefined) view.web = web;
  const photo = choosePhoto(info.resource, headline);
  if (photo !== undefined) view.photo = photo;
  copyText(view, "age", parameterValue(info.parameter, CHILD_PARAMETERS.age));
  copyText(
    view,
    "appearance",
    parameterValue(info.parameter, CHILD_PARAMETERS.appearance),
  );
  copyText(
    view,
    "lastSeenPlace",
    parameterValue(info.parameter, CHILD_PARAMETERS.lastSeenPlace),
  );
  copyText(
    view,
    "lastSeenTime",
    parameterValue(info.parameter, CHILD_PARAMETERS.lastSeenTime),
  );
  return view;
}

/**
 * Returns the first image resource that can be shown: an `image/*` type
 * other than SVG with a safe `uri`, or an embedded PNG, JPEG, WebP or GIF
 * (`derefUri`) as a `data:` URL.
 */
export function choosePhoto(
  resources: readonly CapResource[],
  headline: string,
): AlertPhoto | undefined {
  for (const resource of resources) {
    const mimeType = normalizeImageType(resource.mimeType);
    if (!mimeType.startsWith("image/") || mimeType === "image/svg+xml") {
      continue;
    }
    const alt = photoAlt(resource.resourceDesc, headline);
    const url = safeWebUrl(resource.uri);
    if (url !== undefined) return { url, mimeType, alt };
    if (
      resource.derefUri !== undefined &&
      EMBEDDABLE_IMAGE_TYPES.has(mimeType)
    ) {
      const base64 = cleanBase64(resource.derefUri);
      if (base64 !== undefined) {
        return { url: `data:${mimeType};base64,${base64}`, mimeType, alt };
      }
    }
  }
  return undefined;
}

/** Lower-cases a MIME type, drops its parameters and reads the common "image/jpg" as "image/jpeg". */
function normalizeImageType(mimeType: string): string {
  const type = (mimeType.split(";")[0] ?? "").trim().toLowerCase();
  return type === "image/jpg" ? "image/jpeg" : type;
}

/**
 * Returns base64 text without white space when it is valid and decodes to
 * at most `MAX_EMBEDDED_PHOTO_BYTES`; otherwise undefined.
 */
function cleanBase64(text: string): string | undefined {
  const base64 = text.replace(/\s+/g, "");
  if (base64 === "" || base64.length % 4 !== 0) return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  if ((base64.length / 4) * 3 > MAX_EMBEDDED_PHOTO_BYTES + 2) return undefined;
  return base64;
}

function photoAlt(resourceDesc: string, headline: string): string {
  const description = resourceDesc.trim();
  if (description === "") return headline;
  if (headline === "") return description;
  return `${description}: ${headline}`;
}

function parameterValue(
  parameters: readonly CapValuePair[],
  valueName: string,
): string | undefined {
  return parameters.find((parameter) => parameter.valueName === valueName)
    ?.value;
}

type TextField =
  | "senderName"
  | "description"
  | "instruction"
  | "contact"
  | "age"
  | "appearance"
  | "lastSeenPlace"
  | "lastSeenTime";

function copyText(
  view: AlertView,
  field: TextField,
  value: string | undefined,
): void {
  const text = value?.trim();
  if (text) view[field] = text;
}
