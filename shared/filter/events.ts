/**
 * Recognising child alerts among all the alerts a feed carries, and the
 * statuses that are shown.
 */
import type { CapAlert, CapInfo, CapStatus } from "../model/cap.js";
import type { ChildAlertKind } from "../view/alert-view.js";

/** The reader's choice of alerts: child abductions, missing children, or every alert. */
export type EventFilter = "abduction" | "missing" | "all";

/** Event names that mean a child abduction, lower-cased with single spaces. */
const ABDUCTION_EVENT_NAMES = new Set([
  // The event name of the US National Weather Service for SAME code CAE.
  "child abduction emergency",
  "child abduction",
  "amber alert",
  "amber",
]);

/** Event names that mean a missing child, lower-cased with single spaces. */
const MISSING_EVENT_NAMES = new Set(["missing child"]);

/**
 * Returns which kind of child alert an info announces, or null when it is no
 * child alert.
 *
 * The event codes decide first, in this order:
 * 1. the project's profile: valueName `child-alert`, value `abduction` or
 *    `missing`;
 * 2. SAME (US Emergency Alert System) code `CAE`, Child Abduction Emergency:
 *    abduction;
 * 3. a CAP-CP (Canadian profile) event code, any version (valueName starting
 *    `profile:CAP-CP:Event`), with value `amber`: abduction.
 * Only when no event code matches one of these is the `event` name read,
 * trimmed and case-insensitively: "Child Abduction Emergency",
 * "Child Abduction", "AMBER Alert" and "amber" mean abduction, and
 * "Missing Child" means missing. ValueNames and values of event codes are
 * also compared trimmed and case-insensitively.
 */
export function childAlertKind(info: CapInfo): ChildAlertKind | null {
  let sameAbduction = false;
  let canadianAmber = false;

  for (const code of info.eventCode) {
    if (typeof code.valueName !== "string") continue;
    if (typeof code.value !== "string") continue;
    const valueName = code.valueName.trim().toLowerCase();
    const value = code.value.trim().toLowerCase();

    if (valueName === "child-alert") {
      if (value === "abduction" || value === "missing") return value;
    } else if (valueName === "same") {
      if (value === "cae") sameAbduction = true;
    } else if (valueName.startsWith("profile:cap-cp:event")) {
      if (value === "amber") canadianAmber = true;
    }
  }
  if (sameAbduction || canadianAmber) return "abduction";

  const event =
    typeof info.event === "string"
      ? info.event.trim().replace(/\s+/g, " ").toLowerCase()
      : "";
  if (ABDUCTION_EVENT_NAMES.has(event)) return "abduction";
  if (MISSING_EVENT_NAMES.has(event)) return "missing";
  return null;
}

/**
 * Tests whether an alert passes the reader's event filter: "all" passes every
 * alert, otherwise some info must be a child alert of a listed kind. An empty
 * list passes nothing.
 */
export function alertMatchesEvents(
  alert: CapAlert,
  events: readonly EventFilter[],
): boolean {
  if (events.includes("all")) return true;
  return alert.info.some((info) => {
    const kind = childAlertKind(info);
    return kind !== null && events.includes(kind);
  });
}

/**
 * Tests whether an alert of this status is shown: `Actual` always, `Test` and
 * `Exercise` only when the reader asked for test alerts, and `System` and
 * `Draft` never.
 */
export function statusShown(status: CapStatus, includeTest: boolean): boolean {
  switch (status) {
    case "Actual":
      return true;
    case "Test":
    case "Exercise":
      return includeTest;
    default:
      return false;
  }
}
