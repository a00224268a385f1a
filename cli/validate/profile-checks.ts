/**
 * The project's CAP profile (docs/feed-profile.md) as checks on a parsed
 * alert. Errors are faults that make clients skip the alert or a part of
 * it, or show it wrongly; warnings are faults that clients work around.
 */
import { childAlertKind } from "../../shared/filter/events.js";
import type { CapAlert, CapInfo, CapResource } from "../../shared/model/cap.js";
import {
  capTimeToEpochMs,
  readCapTimeFields,
} from "../../shared/time/cap-time.js";
import {
  CHILD_PARAMETERS,
  MAX_EMBEDDED_PHOTO_BYTES,
} from "../../shared/view/to-alert-view.js";
import type { Problem } from "./problem.js";
import type { RawAlert } from "./raw-alerts.js";

/** Maximum headline length the profile recommends, in characters. */
export const MAX_HEADLINE_LENGTH = 120;

const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];

const KNOWN_PARAMETERS = new Set<string>(Object.values(CHILD_PARAMETERS));

type Check = Omit<Problem, "alert">;

const ZULU_MESSAGE =
  'The time ends in "Z", which CAP 1.2 does not allow. Clients read it as UTC, but other CAP readers may reject it: write -00:00, which is how CAP writes UTC.';

/** Checks one parsed alert against the profile; `raw` is the alert as written, when it could be read. */
export function checkProfile(
  alert: CapAlert,
  raw: RawAlert | undefined,
): Check[] {
  const checks: Check[] = [];
  const error = (rule: string, path: string, message: string, value?: string) =>
    checks.push(problem("error", rule, path, message, value));
  const warning = (
    rule: string,
    path: string,
    message: string,
    value?: string,
  ) => checks.push(problem("warning", rule, path, message, value));

  if (alert.status === "System" || alert.status === "Draft") {
    error(
      "status",
      "status",
      `status is ${alert.status}, which clients never show. Use Actual, or Test or Exercise for a drill.`,
      alert.status,
    );
  }
  if (alert.scope !== "Public") {
    error(
      "scope",
      "scope",
      `scope is ${alert.scope}, but a published feed is public: set scope to Public, or leave ${alert.scope} messages out of the feed.`,
      alert.scope,
    );
  }
  if (alert.msgType === "Ack" || alert.msgType === "Error") {
    warning(
      "msgType",
      "msgType",
      `msgType ${alert.msgType} is ignored by clients: a feed of child alerts carries Alert, Update and Cancel messages.`,
      alert.msgType,
    );
  }
  const replaces = alert.msgType === "Update" || alert.msgType === "Cancel";
  if (replaces && alert.references.length === 0) {
    error(
      "references",
      "references",
      `The ${alert.msgType} has no references, so clients cannot tell which alert it ${alert.msgType === "Update" ? "replaces and show it next to the old one" : "ends and keep showing the old one"}. List every earlier message of the case as sender,identifier,sent.`,
    );
  }
  alert.references.forEach((reference, index) => {
    const fields = readCapTimeFields(reference.sent);
    if (fields === null || fields.offsetMinutes === null) {
      error(
        "time-offset",
        `references[${index}]`,
        `The sent time of the reference is not a CAP dateTime with a time-zone offset, so clients can match it by sender and identifier only. Copy the sent value of the earlier message exactly.`,
        reference.sent,
      );
    } else if (/z$/i.test(reference.sent.trim())) {
      warning(
        "time-offset",
        `references[${index}]`,
        ZULU_MESSAGE,
        reference.sent,
      );
    }
  });
  if (alert.info.length === 0 && alert.msgType !== "Cancel") {
    error(
      "info",
      "info",
      "The alert has no info block, so clients have nothing to show. Add one info block per language.",
    );
  }
  checkZulu(raw, "sent", warning);
  checkOrder(alert, error);

  alert.info.forEach((info, index) =>
    checkInfo(alert, info, `info[${index}]`, raw, index, error, warning),
  );
  return checks;
}

type Report = (
  rule: string,
  path: string,
  message: string,
  value?: string,
) => void;

function checkInfo(
  alert: CapAlert,
  info: CapInfo,
  path: string,
  raw: RawAlert | undefined,
  index: number,
  error: Report,
  warning: Report,
): void {
  const isCancel = alert.msgType === "Cancel";
  if (raw !== undefined && raw.infoHasLanguage[index] === false) {
    warning(
      "language",
      `${path}.language`,
      "The info block has no language, so clients read it as en-US and may show it to readers of other languages. Add a BCP 47 tag such as el-GR or en-GB.",
    );
  }

  if (!isCancel) checkKind(info, path, error, warning);
  if (!isCancel && info.expires === undefined) {
    warning(
      "expires",
      `${path}.expires`,
      "expires is missing, so clients show the alert for 24 hours from effective (or sent) and tell readers that no end time was given. Set expires.",
    );
  }
  for (const name of ["effective", "onset", "expires"] as const) {
    checkZulu(raw, `${path}.${name}`, warning);
  }
  if (!isCancel) checkHeadline(info, path, warning);
  if (info.web !== undefined && !info.web.startsWith("https:")) {
    error(
      "web",
      `${path}.web`,
      "web is not an https: URL, and clients drop such a link except on localhost. Publish the case page over https.",
      info.web,
    );
  }
  info.resource.forEach((resource, resourceIndex) =>
    checkResource(
      resource,
      `${path}.resource[${resourceIndex}]`,
      isCancel,
      error,
      warning,
    ),
  );
  checkParameters(info, path, error, warning);
  if (!isCancel && info.area.length === 0) {
    error(
      "area",
      `${path}.area`,
      "The info block has no area, so it concerns no reader who set a place or a region. Add an area with a polygon, circle or geocode.",
    );
  }
  info.area.forEach((area, areaIndex) => {
    if (
      !isCancel &&
      area.polygon.length === 0 &&
      area.circle.length === 0 &&
      area.geocode.length === 0
    ) {
      error(
        "area",
        `${path}.area[${areaIndex}]`,
        "The area has no polygon, circle or geocode that clients could read, so it concerns no reader. Add one.",
        area.areaDesc,
      );
    }
  });
}

function checkKind(
  info: CapInfo,
  path: string,
  error: Report,
  warning: Report,
): void {
  const kind = childAlertKind(info);
  if (kind === null) {
    error(
      "event-code",
      `${path}.eventCode`,
      'The info block is not a child alert: it has no eventCode child-alert = "missing" or "abduction" (or SAME CAE, or CAP-CP amber), so clients that show child alerts skip it.',
      info.event,
    );
  } else if (childAlertKind({ ...info, event: "" }) === null) {
    warning(
      "event-code",
      `${path}.eventCode`,
      `The info block is a child alert only because of its event text. Add the eventCode child-alert = "${kind}", which clients read in every language.`,
      info.event,
    );
  }
}

function checkHeadline(info: CapInfo, path: string, warning: Report): void {
  if (info.headline === undefined) {
    warning(
      "headline",
      `${path}.headline`,
      "headline is missing, so banners and notifications show the event name alone. Add a short sentence about the case.",
    );
  } else if ([...info.headline].length > MAX_HEADLINE_LENGTH) {
    warning(
      "headline",
      `${path}.headline`,
      `headline is ${[...info.headline].length} characters long. Banners and notifications show it whole: keep it to about ${MAX_HEADLINE_LENGTH} characters and put the rest in description.`,
      info.headline,
    );
  }
}

function checkResource(
  resource: CapResource,
  path: string,
  isCancel: boolean,
  error: Report,
  warning: Report,
): void {
  const mimeType = resource.mimeType.split(";")[0]!.trim().toLowerCase();
  if (!mimeType.startsWith("image/")) {
    if (mimeType === "") {
      error(
        "photo",
        `${path}.mimeType`,
        "The resource has no mimeType, so clients cannot tell whether it is a photo. Write image/jpeg, image/png or image/webp.",
      );
    }
    return;
  }
  if (isCancel) {
    error(
      "cancel-photo",
      path,
      "A Cancel carries a photo. The case has ended: remove the resource, and take the photo down from the server.",
      resource.uri,
    );
    return;
  }
  if (
    !PHOTO_TYPES.includes(mimeType === "image/jpg" ? "image/jpeg" : mimeType)
  ) {
    error(
      "photo",
      `${path}.mimeType`,
      mimeType === "image/svg+xml"
        ? "The photo is an SVG image, which clients never show because an SVG can carry scripts. Publish it as image/jpeg, image/png or image/webp."
        : "The photo's type is not image/jpeg, image/png or image/webp, the types the profile allows. Convert the photo to one of them.",
      resource.mimeType,
    );
  }
  if (resource.uri !== undefined && !resource.uri.startsWith("https:")) {
    error(
      "photo",
      `${path}.uri`,
      "The photo's uri is not an https: URL, and clients load such a photo only from localhost. Serve the photo over https.",
      resource.uri,
    );
  }
  if (resource.uri === undefined && resource.derefUri === undefined) {
    error(
      "photo",
      path,
      "The photo has neither uri nor derefUri, so there is nothing to show. Add the photo's https: URL.",
    );
  }
  if (
    resource.derefUri !== undefined &&
    (resource.derefUri.length / 4) * 3 > MAX_EMBEDDED_PHOTO_BYTES + 2
  ) {
    error(
      "photo",
      `${path}.derefUri`,
      `The embedded photo is larger than ${MAX_EMBEDDED_PHOTO_BYTES} bytes, the most clients show. Make it smaller, or link it with uri instead.`,
      `${resource.derefUri.length} base64 characters`,
    );
  }
  if (resource.resourceDesc.trim() === "") {
    warning(
      "photo",
      `${path}.resourceDesc`,
      "The photo has no resourceDesc. Clients use it, with the headline, as the picture's text alternative for readers who cannot see it.",
    );
  }
}

function checkParameters(
  info: CapInfo,
  path: string,
  error: Report,
  warning: Report,
): void {
  info.parameter.forEach((parameter, index) => {
    const where = `${path}.parameter[${index}]`;
    const name = parameter.valueName;
    const value = parameter.value.trim();
    if (!name.toLowerCase().startsWith("child-alert:")) return;
    if (!KNOWN_PARAMETERS.has(name)) {
      warning(
        "parameter",
        where,
        `${name} is not a parameter of the profile, so clients ignore it. The profile defines ${[...KNOWN_PARAMETERS].join(", ")}.`,
        name,
      );
      return;
    }
    if (value === "") {
      warning(
        "parameter",
        where,
        `${name} is empty. Fill it in or leave it out.`,
      );
      return;
    }
    if (name === CHILD_PARAMETERS.age && !/^\d{1,3}(\.\d+)?$/.test(value)) {
      error(
        "parameter",
        where,
        `${name} must be the age in years as a number, such as 9.`,
        value,
      );
    }
    if (name === CHILD_PARAMETERS.lastSeenTime) {
      const fields = readCapTimeFields(value);
      if (fields === null || fields.offsetMinutes === null) {
        error(
          "parameter",
          where,
          `${name} must be a CAP dateTime with its time-zone offset, such as 2026-12-04T17:44:23+02:00.`,
          value,
        );
      }
    }
  });
}

/** Reports an end before the start: an alert that has ended before it was sent or took effect. */
function checkOrder(alert: CapAlert, error: Report): void {
  const sentMs = capTimeToEpochMs(alert.sent);
  alert.info.forEach((info, index) => {
    if (info.expires === undefined) return;
    const expiresMs = capTimeToEpochMs(info.expires);
    const startText = info.effective ?? alert.sent;
    const startMs =
      info.effective === undefined ? sentMs : capTimeToEpochMs(info.effective);
    if (expiresMs !== null && startMs !== null && expiresMs <= startMs) {
      error(
        "expires",
        `info[${index}].expires`,
        `expires is not after ${info.effective === undefined ? "sent" : "effective"} (${startText}), so clients treat the alert as ended as soon as it arrives. Check the date and the offset.`,
        info.expires,
      );
    }
  });
}

/** Warns about a time written with "Z", which CAP 1.2 does not allow. */
function checkZulu(
  raw: RawAlert | undefined,
  path: string,
  warning: Report,
): void {
  const written = raw?.times.get(path);
  if (written === undefined || !/z$/i.test(written)) return;
  warning("time-offset", path, ZULU_MESSAGE, written);
}

function problem(
  severity: Problem["severity"],
  rule: string,
  path: string,
  message: string,
  value?: string,
): Check {
  const check: Check = { severity, rule: `profile:${rule}`, path, message };
  if (value !== undefined)
    check.value = value.length > 200 ? `${value.slice(0, 199)}…` : value;
  return check;
}
