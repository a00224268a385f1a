/**
 * The reader's settings that decide which alerts are shown, and the rule
 * that applies them.
 *
 * An alert is shown when it is in force, its status is shown
 * (`statusShown`), and one of its info blocks both concerns the reader's
 * place or regions (`infoConcernsReader`) and passes the event filter. The
 * view is built from such an info block, in the reader's language where one
 * exists, so an alert with different areas per info block shows the part
 * that concerns the reader.
 */
import {
  alertMatchesEvents,
  statusShown,
  type EventFilter,
} from "../filter/events.js";
import { infoConcernsReader } from "../geo/concerns.js";
import { parseRegion } from "../geo/geocode.js";
import type { Place } from "../geo/place.js";
import type { StoredAlert } from "../lifecycle/lifecycle-state.js";
import type { CapInfo, CapValuePair } from "../model/cap.js";
import type { AlertView } from "../view/alert-view.js";
import { toAlertView } from "../view/to-alert-view.js";

/** Events shown unless the reader chooses: child abductions and missing children. */
export const DEFAULT_EVENTS: readonly EventFilter[] = ["abduction", "missing"];

/** The settings, with regions parsed. */
export interface ReaderSettings {
  place: Place | null;
  regions: CapValuePair[];
  events: readonly EventFilter[];
  includeTest: boolean;
  languages: readonly string[];
  defaultLifetimeMs: number;
}

/** Parses regions written "valueName:value". Throws a TypeError naming the first invalid one. */
export function parseRegions(regions: readonly string[]): CapValuePair[] {
  return regions.map((text) => {
    const region = parseRegion(text);
    if (region === null) {
      throw new TypeError(
        `Invalid region "${text}": write it as "valueName:value", such as "SAME:099001".`,
      );
    }
    return region;
  });
}

/** Returns the reader's languages from the browser, or ["en"] where there are none (Node). */
export function defaultLanguages(): string[] {
  const languages =
    typeof navigator === "undefined" ? undefined : navigator.languages;
  return languages !== undefined && languages.length > 0
    ? [...languages]
    : ["en"];
}

/**
 * Builds the views of the alerts shown at `now`, newest `sent` first, by
 * the rule in this file's header. `view` builds one alert's view, or
 * returns null when its status or info blocks are not shown; a client
 * passes a `ViewCache` lookup.
 */
export function visibleAlerts(
  alerts: Iterable<StoredAlert>,
  settings: ReaderSettings,
  now: number,
  view: (stored: StoredAlert) => AlertView | null = (stored) =>
    shownView(stored, settings),
): AlertView[] {
  const shown: { sentMs: number; view: AlertView }[] = [];
  for (const stored of alerts) {
    if (stored.endMs <= now) continue;
    const built = view(stored);
    if (built !== null) shown.push({ sentMs: stored.sentMs, view: built });
  }
  return shown
    .sort((a, b) => b.sentMs - a.sentMs || a.view.key.localeCompare(b.view.key))
    .map((entry) => entry.view);
}

/**
 * Builds the view of a stored alert for the reader, or returns null when
 * its status is not shown or none of its info blocks passes the reader's
 * place, regions and events. Whether it is in force is not checked here.
 */
export function shownView(
  stored: StoredAlert,
  settings: ReaderSettings,
): AlertView | null {
  if (!statusShown(stored.alert.status, settings.includeTest)) return null;
  const infoShown = (info: CapInfo) =>
    infoConcernsReader(info, {
      place: settings.place,
      regions: settings.regions,
    }) &&
    alertMatchesEvents({ ...stored.alert, info: [info] }, settings.events);
  if (!stored.alert.info.some(infoShown)) return null;
  return toAlertView(stored, {
    languages: settings.languages,
    infoFilter: infoShown,
    defaultLifetimeMs: settings.defaultLifetimeMs,
  });
}
